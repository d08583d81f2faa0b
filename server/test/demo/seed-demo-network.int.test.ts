/**
 * Seeding the demo network into a fresh, migrated in-memory PGlite: every generated row lands, the
 * tree of organizations and memberships holds together in SQL, a second seed is a no-op, the demo
 * password verifies against the stored hash, and the `demo.seed` audit event keeps the chain intact.
 * It always uses PGlite, whichever engine the project runs: it tests the seeding, not the engine.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoNetwork, type DemoSeedResult } from '../../src/app/demo/seed-demo-network.ts';
import type { Deps } from '../../src/app/context.ts';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain.ts';
import { loadConfig } from '../../src/config.ts';
import { openTestDatabase, skipReason, type TestDatabase } from '../harness/database.ts';
import {
  auditEvents,
  memberships,
  networks,
  organizations,
  sites,
  users,
} from '../../src/db/schema/index.ts';
import { generateDemoNetwork } from '../../src/domain/demo/generate-demo-network.ts';
import { WELL_KNOWN_LOGINS } from '../../src/domain/demo/well-known-logins.ts';
import { manualClock } from '../../src/lib/clock.ts';
import { verifyPassword } from '../../src/lib/passwords.ts';

const NOW = new Date('2026-03-02T14:00:00.000Z');

describe.skipIf(skipReason)('seedDemoNetwork', () => {
  let test: TestDatabase;
  let deps: Deps;
  let first: DemoSeedResult;
  const expected = generateDemoNetwork(1);

  beforeAll(async () => {
    test = await openTestDatabase();
    deps = {
      db: test.database.db,
      engine: test.database.engine,
      clock: manualClock(NOW),
      config: loadConfig({}),
      secretKey: Buffer.alloc(32),
      log: pino({ level: 'silent' }),
    };
    first = await seedDemoNetwork(deps);
  });

  afterAll(async () => {
    await test?.dispose();
  });

  it('creates the demo network and reports its counts and well-known logins', () => {
    expect(first).toMatchObject({
      created: true,
      networkId: expected.network.id,
      organizations: expected.organizations.length,
      users: expected.users.length,
    });
    expect(first.organizations).toBeGreaterThanOrEqual(36);
    expect(first.users).toBeGreaterThanOrEqual(40);
    expect(new Set(first.logins.map((l) => l.email))).toEqual(new Set(WELL_KNOWN_LOGINS.map((l) => l.email)));
    expect(first.logins).toContainEqual({
      email: 'navigator@demo.handoff.test',
      roles: ['navigator'],
      organization: expected.organizations.find((o) => o.kind === 'hospital')?.name,
    });
  });

  it('writes every generated row, stamped with the clock', async () => {
    const db = deps.db;
    const [network] = await db.select().from(networks).where(eq(networks.slug, 'demo'));
    expect(network).toMatchObject({ id: expected.network.id, timezone: 'America/New_York', createdAt: NOW });
    const orgs = await db
      .select()
      .from(organizations)
      .where(eq(organizations.networkId, expected.network.id));
    expect(orgs).toHaveLength(expected.organizations.length);
    expect(orgs.every((o) => o.version === 1 && o.createdAt.getTime() === NOW.getTime())).toBe(true);
    expect(await db.select().from(sites)).toHaveLength(expected.sites.length);
    expect(await db.select().from(users)).toHaveLength(expected.users.length);
    expect(await db.select().from(memberships)).toHaveLength(expected.memberships.length);
    const hospitals = orgs.filter((o) => o.kind === 'hospital');
    expect(hospitals).toHaveLength(7);
    expect(orgs.filter((o) => o.kind === 'health_system')).toHaveLength(4);
    expect(hospitals.every((h) => orgs.some((o) => o.id === h.parentId && o.kind === 'health_system'))).toBe(
      true,
    );
    expect(orgs.every((o) => o.totpRequiredRoles.length === 0)).toBe(true);
  });

  it('stores the cross-hired login with memberships in a hospital and a CBO', async () => {
    const rows = await deps.db
      .select({ kind: organizations.kind, roles: memberships.roles })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(
        organizations,
        and(
          eq(organizations.networkId, memberships.networkId),
          eq(organizations.id, memberships.organizationId),
        ),
      )
      .where(eq(users.email, 'peer.crosshired@demo.handoff.test'));
    expect(rows.map((r) => r.kind).sort()).toEqual(['cbo', 'hospital']);
    expect(rows.every((r) => r.roles.includes('peer_specialist'))).toBe(true);
  });

  it('gives every user the demo password, hashed once', async () => {
    const rows = await deps.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(isNotNull(users.passwordHash));
    expect(rows).toHaveLength(expected.users.length);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(1);
    const [convener] = await deps.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.email, 'convener@demo.handoff.test'));
    expect(await verifyPassword(convener?.hash ?? null, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(convener?.hash ?? null, 'not-the-demo-password')).toBe(false);
  });

  it('appends one demo.seed audit event and keeps the audit chain intact', async () => {
    const events = await deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'demo.seed'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      networkId: expected.network.id,
      entityType: 'network',
      entityId: expected.network.id,
      via: 'system',
      details: { organizations: expected.organizations.length, users: expected.users.length },
    });
    const reports = await verifyAuditChain(deps.db);
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(reports.every((r) => r.ok)).toBe(true);
  });

  it('writes nothing when the demo network exists, whatever the seed, and reports the existing one', async () => {
    const countAll = async () => ({
      organizations: (await deps.db.select().from(organizations)).length,
      users: (await deps.db.select().from(users)).length,
      memberships: (await deps.db.select().from(memberships)).length,
      audit: (await deps.db.select().from(auditEvents)).length,
    });
    const before = await countAll();
    const again = await seedDemoNetwork(deps);
    expect(again).toEqual({ ...first, created: false });
    const otherSeed = await seedDemoNetwork(deps, { seed: 7 });
    expect(otherSeed).toMatchObject({ created: false, networkId: first.networkId, users: first.users });
    expect(await countAll()).toEqual(before);
  });
});
