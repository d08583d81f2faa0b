/**
 * The acknowledgement escalation ladder, driven by moving the injected clock and running scheduler ticks:
 * the partner's liaison, then the backup, then the navigator (consider another service) — each once, with
 * an in-app notification and an e-mail that name no patient; an answered referral is left alone; and two
 * server processes ticking the same PostgreSQL database over simulated hours fire every level exactly once.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../src/app/followup/run-tick.ts';
import {
  auditEvents,
  memberships,
  notifications,
  outbox,
  ruleFirings,
  users,
} from '../../src/db/schema/index.ts';
import { escalationTimes } from '../../src/domain/followup/escalation.ts';
import { skipReason, testEngine } from '../harness/database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { referralFixture } from '../support/referral-fixture.ts';

const run = promisify(execFile);
const MINUTE = 60_000;

describe.skipIf(skipReason)('acknowledgement escalations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const noticesFor = async (referralId: string) =>
    t.deps.db
      .select({
        kind: notifications.kind,
        body: notifications.body,
        email: users.email,
        link: notifications.link,
      })
      .from(notifications)
      .innerJoin(memberships, eq(memberships.id, notifications.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(like(notifications.dedupeKey, `ack_escalation:${referralId}:%`));

  it('climbs liaison, backup, alternatives once each as the clock moves, naming no patient', async () => {
    t.clock.set('2026-11-23T15:00:00.000Z');
    const f = await referralFixture(t);
    const { view } = await f.send('E-1', 'urgent');
    const at = escalationTimes(new Date(view.sentAt ?? ''), new Date(view.ackDueAt ?? ''));
    t.clock.set(new Date(at.liaison.getTime() - MINUTE));
    expect((await runTick(t.deps)).escalations).toBe(0);
    expect(await noticesFor(view.id)).toEqual([]);

    t.clock.set(new Date(at.liaison.getTime() + MINUTE));
    expect((await runTick(t.deps)).escalations).toBe(1);
    expect((await runTick(t.deps)).escalations).toBe(0);
    const first = await noticesFor(view.id);
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first.map((n) => n.kind))).toEqual(new Set(['referral.escalation.liaison']));
    expect(first.every((n) => n.link === `/referrals/${view.id}`)).toBe(true);
    const mail = await t.deps.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `ack_escalation:${view.id}:%`));
    expect(mail.map((m) => m.payload['to']).sort()).toEqual(first.map((n) => n.email).sort());
    for (const m of mail) expect(JSON.stringify(m.payload)).not.toMatch(/PatE-1|Delgado/);

    t.clock.set(new Date(at.backup.getTime() + MINUTE));
    expect((await runTick(t.deps)).escalations).toBe(1);
    t.clock.set(new Date(at.alternatives.getTime() + MINUTE));
    expect((await runTick(t.deps)).escalations).toBe(1);
    expect((await runTick(t.deps)).escalations).toBe(0);
    const kinds = (await noticesFor(view.id)).map((n) => n.kind);
    expect(new Set(kinds)).toEqual(
      new Set([
        'referral.escalation.liaison',
        'referral.escalation.backup',
        'referral.escalation.alternatives',
      ]),
    );
    const alternatives = (await noticesFor(view.id)).filter(
      (n) => n.kind === 'referral.escalation.alternatives',
    );
    expect(alternatives.map((n) => n.email)).toEqual(['navigator@demo.handoff.test']);
    const audited = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'referral.escalate'), eq(auditEvents.entityId, view.id)));
    expect(audited.map((e) => e.details['level']).sort()).toEqual(['alternatives', 'backup', 'liaison']);
  });

  it('leaves a referral the partner answered before the deadline alone', async () => {
    t.clock.set('2026-11-24T15:00:00.000Z');
    const f = await referralFixture(t);
    const { view, etag } = await f.send('E-2', 'urgent');
    const accepted = await f.intake.request(
      'POST',
      `/api/v1/referrals/${view.id}/status`,
      { status: 'accepted' },
      { 'if-match': etag },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const at = escalationTimes(new Date(view.sentAt ?? ''), new Date(view.ackDueAt ?? ''));
    t.clock.set(new Date(at.alternatives.getTime() + 60 * MINUTE));
    await runTick(t.deps);
    const fired = await t.deps.db.select().from(ruleFirings).where(eq(ruleFirings.subjectId, view.id));
    expect(fired).toEqual([]);
    expect(await noticesFor(view.id)).toEqual([]);
  });

  it.skipIf(testEngine !== 'postgres')(
    'fires every level once when two server processes tick concurrently over simulated hours',
    async () => {
      t.clock.set('2026-11-25T15:00:00.000Z');
      const f = await referralFixture(t);
      const sent = [];
      for (let i = 0; i < 6; i++) sent.push((await f.send(`E-P${i}`, 'urgent')).view);
      const ids = sent.map((v) => v.id);
      const dueAt = Math.min(...sent.map((v) => Date.parse(v.ackDueAt ?? '')));
      const last = Math.max(
        ...sent.map((v) =>
          escalationTimes(new Date(v.sentAt ?? ''), new Date(v.ackDueAt ?? '')).alternatives.getTime(),
        ),
      );
      const minutes = Math.ceil((last - dueAt) / MINUTE) + 10;
      const env = {
        ...process.env,
        TICK_DB_URL: t.test.url ?? '',
        TICK_START: new Date(dueAt - 5 * MINUTE).toISOString(),
        TICK_MINUTES: String(minutes),
      };
      const worker = () =>
        run(process.execPath, ['server/bin/run-ts.mjs', 'server/test/followup/tick-worker.ts'], { env });
      const outputs = await Promise.all([worker(), worker()]);
      const totals = outputs.map((o) => (JSON.parse(o.stdout) as { escalations: number }).escalations);
      // Together exactly three levels per referral: no level acted on by both processes.
      expect(totals.reduce((a, b) => a + b, 0)).toBe(ids.length * 3);
      const fired = await t.deps.db.select().from(ruleFirings).where(inArray(ruleFirings.subjectId, ids));
      expect(fired).toHaveLength(ids.length * 3);
      const audited = await t.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'referral.escalate'), inArray(auditEvents.entityId, ids)));
      expect(audited).toHaveLength(ids.length * 3);
    },
    120_000,
  );
});
