/**
 * Every cell of the authorization matrix (role × action), exercised through the REST API: for each
 * role a user holding only that role acts on its own organization and on another one. Allowed cells
 * succeed; refused cells answer 403 inside the actor's scope and 404 outside it (never revealing
 * that the object exists); every refusal is audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../src/app/context.ts';
import { createUser } from '../../src/app/members/create-user.ts';
import { auditEvents, memberships, networks, organizations } from '../../src/db/schema/index.ts';
import { ACTIONS, grantedScope, type Action } from '../../src/domain/identity/permissions.ts';
import { ROLES, type Role } from '../../src/domain/identity/vocabulary.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';
import { directoryProbes } from './matrix/directory-probes.ts';
import { identityProbes } from './matrix/identity-probes.ts';
import { partnershipProbes } from './matrix/partnership-probes.ts';
import { patientProbes } from './matrix/patient-probes.ts';
import { transitionProbes } from './matrix/transition-probes.ts';
import { followupProbes } from './matrix/followup-probes.ts';
import type { MatrixContext, ProbeSpec } from './matrix/types.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

describe.skipIf(skipReason)('authorization matrix', () => {
  let t: TestApp;
  let ownOrg: string;
  let otherOrg: string;
  const memberOf: Record<string, string> = {};
  const clients = new Map<Role, TestClient>();

  const context: MatrixContext = {
    app: () => t,
    ownOrg: () => ownOrg,
    otherOrg: () => otherOrg,
    memberOf,
    unique,
  };
  const modules = [
    identityProbes(context),
    directoryProbes(context),
    partnershipProbes(context),
    patientProbes(context),
    transitionProbes(context),
    followupProbes(context),
  ];
  const probes = Object.assign({}, ...modules.map((m) => m.probes)) as Partial<Record<Action, ProbeSpec>>;
  beforeAll(async () => {
    t = await createTestApp();
    ownOrg = activeOrg(await t.login('admin.hospital@demo.handoff.test'));
    otherOrg = activeOrg(await t.login('admin.cbo@demo.handoff.test'));
    for (const org of [ownOrg, otherOrg]) {
      const [m] = await t.deps.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organizationId, org)))
        .limit(1);
      if (!m) throw new Error('organization without members');
      memberOf[org] = m.id;
    }
    for (const role of ROLES) {
      const email = `matrix.${role}@matrix.test`;
      await createUser(t.deps, operatorActor(), {
        email,
        password: 'matrix passphrase 1',
        organization: ownOrg,
        role,
      });
      clients.set(role, await t.login(email, 'matrix passphrase 1'));
    }
    for (const module of modules) await module.setup?.();
  });
  afterAll(() => t.close());

  it('has a probe for every action of the matrix', () => {
    expect(Object.keys(probes).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const scope = grantedScope([role], action);
      it(`${role} × ${action} on its own organization: ${scope ? 'allowed' : 'refused (403)'}`, async () => {
        const client = clients.get(role);
        if (!client) throw new Error('no client');
        const spec = probes[action];
        if (!spec) throw new Error(`no probe for ${action}`);
        const status = await spec.probe(client, ownOrg);
        if (scope) expect(status, `${role} ${action}`).toBeGreaterThanOrEqual(200);
        if (scope) expect(status, `${role} ${action}`).toBeLessThan(300);
        else expect(status, `${role} ${action}`).toBe(403);
      });
      if (probes[action]?.crossOrg) {
        it(`${role} × ${action} on another organization: ${scope === 'network' ? 'allowed' : 'not found (404)'}`, async () => {
          const client = clients.get(role);
          if (!client) throw new Error('no client');
          const status = await (probes[action]?.probe ?? (() => Promise.resolve(0)))(client, otherOrg);
          if (scope === 'network') expect(status).toBeLessThan(300);
          else expect(status).toBe(404);
        });
      }
    }
  }

  it('writes a denied audit event for refusals', async () => {
    const navigator = clients.get('navigator');
    if (!navigator) throw new Error('no client');
    expect(await probes['member.read']?.probe(navigator, ownOrg)).toBe(403);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'member.read'),
          eq(auditEvents.outcome, 'denied'),
          eq(auditEvents.actorUserId, navigator.session.user.id),
        ),
      );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('hides another network entirely: its organizations, members and tokens are not found', async () => {
    const now = t.clock.now();
    const networkId = randomUUID();
    const orgId = randomUUID();
    await t.deps.db
      .insert(networks)
      .values({ id: networkId, slug: `other-${unique()}`, name: 'Other network', createdAt: now });
    await t.deps.db.insert(organizations).values({
      networkId,
      id: orgId,
      slug: 'elsewhere-hospital',
      name: 'Elsewhere Hospital',
      kind: 'hospital',
      createdAt: now,
      updatedAt: now,
    });
    await createUser(t.deps, operatorActor(), {
      email: 'admin@elsewhere.test',
      password: 'elsewhere passphrase',
      organization: orgId,
      role: 'org_admin',
    });
    const convener = await t.login('convener@demo.handoff.test');
    for (const url of [
      `/api/v1/organizations/${orgId}`,
      `/api/v1/organizations/${orgId}/members`,
      `/api/v1/organizations/${orgId}/tokens`,
    ]) {
      expect((await convener.request('GET', url)).statusCode, url).toBe(404);
    }
    expect(
      (await convener.request('PATCH', `/api/v1/organizations/${orgId}`, { phone: '1' })).statusCode,
    ).toBe(404);
    const list = await convener.request('GET', '/api/v1/organizations?limit=500');
    expect(list.json<{ items: Array<{ id: string }> }>().items.some((o) => o.id === orgId)).toBe(false);

    const elsewhere = await t.login('admin@elsewhere.test', 'elsewhere passphrase');
    expect((await elsewhere.request('GET', `/api/v1/organizations/${ownOrg}`)).statusCode).toBe(404);
    expect((await elsewhere.request('GET', `/api/v1/organizations/${ownOrg}/members`)).statusCode).toBe(404);
    const theirs = await elsewhere.request('GET', '/api/v1/organizations');
    expect(theirs.json<{ total: number }>().total).toBe(1);
  });

  it("keeps an org admin away from another organization's tokens and members", async () => {
    const admin = await t.login('admin.hospital@demo.handoff.test');
    const cboAdmin = await t.login('admin.cbo@demo.handoff.test');
    const created = await cboAdmin.request('POST', '/api/v1/tokens', { name: 'cbo script' });
    const tokenId = created.json<{ id: string }>().id;
    expect(
      (await admin.request('DELETE', `/api/v1/organizations/${ownOrg}/tokens/${tokenId}`)).statusCode,
    ).toBe(404);
    expect(
      (await admin.request('DELETE', `/api/v1/organizations/${otherOrg}/tokens/${tokenId}`)).statusCode,
    ).toBe(404);
    expect((await admin.request('DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(404);
    expect(
      (
        await admin.request('PATCH', `/api/v1/organizations/${otherOrg}/members/${memberOf[otherOrg]}`, {
          roles: ['org_admin'],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await cboAdmin.request('DELETE', `/api/v1/organizations/${otherOrg}/tokens/${tokenId}`)).statusCode,
    ).toBe(204);
  });
});
