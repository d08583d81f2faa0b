/**
 * The audit trail: events are written with the changes they describe, chained by hash per network,
 * append-only, and tampering (altering, deleting, or reordering through a privileged back door) is
 * detected by verification, which names the first broken link.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain.ts';
import { auditEvents } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp } from '../support/test-app.ts';

describe.skipIf(skipReason)('audit chain', () => {
  let t: TestApp;
  let chain: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin.hospital@demo.handoff.test');
    chain = admin.session.memberships[0]?.organization
      ? (await admin.request('GET', '/api/v1/network')).json<{ id: string }>().id
      : '';
    await admin.request('PATCH', `/api/v1/organizations/${activeOrg(admin)}`, { phone: '216-555-0144' });
    await admin.request('POST', `/api/v1/organizations/${activeOrg(admin)}/invitations`, {
      email: 'new@x.test',
      roles: ['navigator'],
    });
  });
  afterAll(() => t.close());

  it('records who did what, in the same transaction as the change', async () => {
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chain, chain))
      .orderBy(asc(auditEvents.seq));
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['demo.seed', 'auth.login', 'organization.update', 'member.invite']),
    );
    const update = events.find((e) => e.action === 'organization.update');
    expect(update?.actorUserId).toBeTruthy();
    expect(update?.actorMembershipId).toBeTruthy();
    expect(update?.requestId).toBeTruthy();
    expect(update?.outcome).toBe('success');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('verifies an intact chain', async () => {
    const reports = await verifyAuditChain(t.deps.db);
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(reports.every((r) => r.ok)).toBe(true);
  });

  it('refuses UPDATE and DELETE on audit events', async () => {
    await expect(t.deps.db.execute(sql`update audit_event set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_event where seq = 1`)).rejects.toThrow();
  });

  it('detects an altered event through a privileged back door and names the first broken link', async () => {
    const [target] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), eq(auditEvents.action, 'organization.update')));
    if (!target) throw new Error('no event');
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      await tx.execute(
        sql`update audit_event set outcome = 'failure' where chain = ${chain} and seq = ${target.seq}`,
      );
      await tx.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
    });
    const [report] = await verifyAuditChain(t.deps.db, chain);
    expect(report?.ok).toBe(false);
    expect(report?.firstBroken?.seq).toBe(target.seq);
    expect(report?.firstBroken?.reason).toMatch(/altered/);
  });

  it('detects a deleted event', async () => {
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      await tx.execute(
        sql`update audit_event set outcome = 'success' where chain = ${chain} and action = 'organization.update'`,
      );
      await tx.execute(sql`delete from audit_event where chain = ${chain} and seq = 2`);
      await tx.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
    });
    const [report] = await verifyAuditChain(t.deps.db, chain);
    expect(report?.ok).toBe(false);
    expect(report?.firstBroken?.seq).toBe(2);
    expect(report?.firstBroken?.reason).toMatch(/missing/);
  });
});
