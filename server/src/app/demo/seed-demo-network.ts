/**
 * Writes the generated demo network (Greater Cleveland: health systems, hospitals, CBOs, sites,
 * staff, memberships, the directory's services, the partnerships, patients with consents, and 18 months of
 * transitions with their referrals and outcomes) into the database in one transaction, with one `demo.seed`
 * audit event.
 * Idempotent: when a network with the demo slug exists, nothing is written. Every demo user shares
 * the published password `DEMO_PASSWORD`; the demo is for trying Handoff out, never for real data.
 */
import { count, countDistinct, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships, networks, organizations, sites, users } from '../../db/schema/index.ts';
import { generateDemoNetwork } from '../../domain/demo/generate-demo-network.ts';
import { DEMO_NETWORK_SLUG } from '../../domain/demo/organizations.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { operatorActor, type Deps } from '../context.ts';
import { seedDemoPartnerships } from './seed-demo-partnerships.ts';
import { seedDemoPathways } from './seed-demo-pathways.ts';
import { seedDemoPatients } from './seed-demo-patients.ts';
import { part2Texts } from '../consent/part2-texts-source.ts';
import { seedDemoServices } from './seed-demo-services.ts';
import { seedDemoTransitions } from './seed-demo-transitions.ts';

/** The password of every demo user (published in the README and printed at first start). */
export const DEMO_PASSWORD = 'handoff-demo-2026';

export interface DemoSeedResult {
  /** False when the demo network already existed and nothing was written. */
  created: boolean;
  networkId: string;
  organizations: number;
  users: number;
  /** The well-known logins, one entry per membership (the cross-hired login appears twice). */
  logins: Array<{ email: string; roles: string[]; organization: string }>;
}

/** Organizations of a network and the distinct users with a membership in it. */
async function countNetwork(
  db: Queryable,
  networkId: string,
): Promise<{ organizations: number; users: number }> {
  const [orgs] = await db
    .select({ n: count() })
    .from(organizations)
    .where(eq(organizations.networkId, networkId));
  const [people] = await db
    .select({ n: countDistinct(memberships.userId) })
    .from(memberships)
    .where(eq(memberships.networkId, networkId));
  return { organizations: orgs?.n ?? 0, users: people?.n ?? 0 };
}

export interface DemoSeedOptions {
  seed?: number;
  /**
   * The 18 months of transitions and referrals (default true). Integration tests that do not look at the
   * history leave it out: it costs seconds per test database.
   */
  history?: boolean;
}

export async function seedDemoNetwork(deps: Deps, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const demo = generateDemoNetwork(options.seed ?? 1);
  const logins = demo.logins.map((l) => ({
    email: l.email,
    roles: [...l.roles],
    organization: l.organization,
  }));
  let noticeVersion = 'not configured';
  try {
    noticeVersion = part2Texts(deps).version;
  } catch {
    // The demo consents still record that no notice version was available.
  }
  const existing = async (db: Queryable): Promise<DemoSeedResult | undefined> => {
    const [found] = await db
      .select({ id: networks.id })
      .from(networks)
      .where(eq(networks.slug, DEMO_NETWORK_SLUG));
    return found
      ? { created: false, networkId: found.id, ...(await countNetwork(db, found.id)), logins }
      : undefined;
  };

  // Cheap check first, so a restart does not pay for a password hash it will not use.
  const before = await existing(deps.db);
  if (before) return before;

  // argon2id is deliberately slow and memory-hard (tens of milliseconds and ~19 MiB per hash), so
  // hashing once per user would add seconds to the first start. Every demo user has the same
  // published password anyway; the shared hash (and salt) reveals nothing more. Real accounts
  // always get their own hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  const stamp = { createdAt: now, updatedAt: now };

  const result = await deps.db.transaction(async (tx): Promise<DemoSeedResult> => {
    // The slug's unique constraint settles a race between two processes seeding at once: the loser
    // inserts nothing here and reports the winner's network.
    const [inserted] = await tx
      .insert(networks)
      .values({ ...demo.network, createdAt: now })
      .onConflictDoNothing({ target: networks.slug })
      .returning({ id: networks.id });
    if (!inserted) {
      const raced = await existing(tx);
      if (!raced) throw new Error('demo network insert conflicted but no demo network exists');
      return raced;
    }
    // Parents (health systems, which have no parent) before the hospitals that point at them.
    const parents = demo.organizations.filter((o) => o.parentId === null);
    const children = demo.organizations.filter((o) => o.parentId !== null);
    await tx.insert(organizations).values(parents.map((o) => ({ ...o, ...stamp })));
    if (children.length > 0) await tx.insert(organizations).values(children.map((o) => ({ ...o, ...stamp })));
    await tx.insert(sites).values(demo.sites.map((s) => ({ ...s, ...stamp })));
    await tx
      .insert(users)
      .values(demo.users.map((u) => ({ ...u, passwordHash, passwordChangedAt: now, ...stamp })));
    await tx.insert(memberships).values(demo.memberships.map((m) => ({ ...m, ...stamp })));
    const serviceCount = await seedDemoServices(tx, demo, now);
    const partnershipCount = await seedDemoPartnerships(tx, demo, now);
    const pathwayCount = await seedDemoPathways(tx, demo, now);
    const patientCount = await seedDemoPatients(tx, demo, now, noticeVersion);
    const history =
      options.history === false
        ? { patients: 0, transitions: 0, referrals: 0 }
        : await seedDemoTransitions(tx, demo, now, noticeVersion);
    await appendAuditEvent(tx, operatorActor('system'), now, {
      action: 'demo.seed',
      networkId: demo.network.id,
      entityType: 'network',
      entityId: demo.network.id,
      details: {
        organizations: demo.organizations.length,
        users: demo.users.length,
        services: serviceCount,
        partnerships: partnershipCount,
        pathways: pathwayCount,
        patients: patientCount + history.patients,
        transitions: history.transitions,
        referrals: history.referrals,
      },
    });
    return {
      created: true,
      networkId: demo.network.id,
      organizations: demo.organizations.length,
      users: demo.users.length,
      logins,
    };
  });
  if (result.created) {
    deps.log.info(
      { networkId: result.networkId, organizations: result.organizations, users: result.users },
      'demo network seeded',
    );
  }
  return result;
}
