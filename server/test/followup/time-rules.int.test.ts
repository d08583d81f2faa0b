/**
 * The tick's other time rules, driven by moving the injected clock: a task past its deadline notifies its
 * assignee or its role queue once (a task done in time never does); a transition whose medication is about
 * to run out without a booked appointment alerts its navigator once as *at risk*, and again once as *gap*
 * when the appointment booked is after the coverage end; a service whose capacity report went stale asks
 * its organization's intake staff once per report.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../src/app/followup/run-tick.ts';
import { memberships, notifications, services, tasks, transitions } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';
import { referralFixture } from '../support/referral-fixture.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.skipIf(skipReason)('time rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const patch = async (c: TestClient, id: string, body: unknown) => {
    const current = await c.request('GET', `/api/v1/transitions/${id}`);
    const res = await c.request('PATCH', `/api/v1/transitions/${id}`, body, {
      'if-match': String(current.headers.etag),
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const noticesFor = (pattern: string) =>
    t.deps.db
      .select({
        kind: notifications.kind,
        membershipId: notifications.membershipId,
        link: notifications.link,
      })
      .from(notifications)
      .where(like(notifications.dedupeKey, pattern));

  it('notifies an overdue task once, to its role queue when nobody took it', async () => {
    t.clock.set(START);
    const f = await referralFixture(t);
    const { view } = await f.send('R-1');
    const discharged = new Date(Date.parse(START) + 2 * HOUR);
    await patch(f.navigator, view.transitionId, { dischargedAt: discharged.toISOString() });
    const [peerCall] = await t.deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.transitionId, view.transitionId), eq(tasks.stepKey, 'peer_call_7d')));
    if (!peerCall) throw new Error('no peer call task');

    t.clock.set(new Date(peerCall.deadlineAt.getTime() - HOUR));
    await runTick(t.deps);
    expect(await noticesFor(`task_overdue:${peerCall.id}:%`)).toEqual([]);

    t.clock.set(new Date(peerCall.deadlineAt.getTime() + HOUR));
    const first = await runTick(t.deps);
    expect(first.overdueTasks).toBeGreaterThanOrEqual(1);
    const sent = await noticesFor(`task_overdue:${peerCall.id}:%`);
    const peers = await t.deps.db
      .select({ id: memberships.id, roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.organizationId, peerCall.ownerOrgId), eq(memberships.status, 'active')));
    const expected = peers.filter((p) => p.roles.includes('peer_specialist')).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(sent.map((n) => n.membershipId).sort()).toEqual(expected.sort());
    expect(sent.every((n) => n.kind === 'task.overdue' && n.link === `/tasks/${peerCall.id}`)).toBe(true);
    await runTick(t.deps);
    expect(await noticesFor(`task_overdue:${peerCall.id}:%`)).toHaveLength(sent.length);

    // The 7-day MOUD check was done in time: it never fires.
    const [check] = await t.deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.transitionId, view.transitionId), eq(tasks.stepKey, 'moud_check_7d')));
    if (!check) throw new Error('no MOUD check task');
    await t.deps.db.update(tasks).set({ status: 'done' }).where(eq(tasks.id, check.id));
    t.clock.set(new Date(check.deadlineAt.getTime() + DAY));
    await runTick(t.deps);
    expect(await noticesFor(`task_overdue:${check.id}:%`)).toEqual([]);
  });

  it('alerts the navigator when coverage is at risk, then when a gap opens', async () => {
    t.clock.set(START);
    const f = await referralFixture(t);
    const { view, etag } = await f.send('R-2');
    const discharged = new Date(Date.parse(START) + 2 * HOUR);
    await patch(f.navigator, view.transitionId, {
      dischargedAt: discharged.toISOString(),
      moudPlan: {
        medication: 'buprenorphine',
        formulation: 'sublingual_film',
        dose: '16 mg daily',
        lastDoseAt: discharged.toISOString(),
        bridge: { kind: 'prescription', days: 3 },
        naloxoneGiven: true,
      },
    });
    const [row] = await t.deps.db.select().from(transitions).where(eq(transitions.id, view.transitionId));
    const coverageEnd = row?.coverageEnd;
    if (!coverageEnd) throw new Error('no coverage end');
    const pattern = `coverage_gap:${view.transitionId}:%`;

    t.clock.set(new Date(coverageEnd.getTime() - 30 * HOUR));
    await runTick(t.deps);
    expect(await noticesFor(pattern)).toEqual([]);
    t.clock.set(new Date(coverageEnd.getTime() - 12 * HOUR));
    const navigator = await t.login('navigator@demo.handoff.test');
    await runTick(t.deps);
    expect((await noticesFor(pattern)).map((n) => [n.kind, n.membershipId])).toEqual([
      ['transition.at_risk', navigator.session.activeMembershipId],
    ]);
    await runTick(t.deps);
    expect(await noticesFor(pattern)).toHaveLength(1);

    const intake = await t.login('intake@demo.handoff.test');
    const accepted = await intake.request(
      'POST',
      `/api/v1/referrals/${view.id}/status`,
      { status: 'accepted' },
      { 'if-match': etag },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const booked = await intake.request(
      'POST',
      `/api/v1/referrals/${view.id}/status`,
      { status: 'scheduled', appointment: { at: new Date(coverageEnd.getTime() + 2 * DAY).toISOString() } },
      { 'if-match': String(accepted.headers.etag) },
    );
    expect(booked.statusCode, booked.body).toBe(200);
    await runTick(t.deps);
    expect((await noticesFor(pattern)).map((n) => n.kind).sort()).toEqual([
      'transition.at_risk',
      'transition.gap',
    ]);
  });

  it('asks for a capacity update once per report that goes stale', async () => {
    t.clock.set(START);
    const intake = await t.login('intake@demo.handoff.test');
    const [service] = await t.deps.db
      .select()
      .from(services)
      .where(
        and(
          eq(services.organizationId, intake.session.memberships[0]?.organization.id ?? ''),
          eq(services.status, 'active'),
        ),
      )
      .limit(1);
    if (!service) throw new Error('no service');
    const maxAge = t.deps.config.capacityMaxAgeDays * DAY;
    const reported = new Date(Date.parse(START) - maxAge + HOUR);
    await t.deps.db
      .update(services)
      .set({ capacityStatus: 'accepting', capacityUpdatedAt: reported })
      .where(eq(services.id, service.id));
    const pattern = `capacity_stale:${service.id}:${reported.toISOString()}:%`;
    await runTick(t.deps);
    expect(await noticesFor(pattern)).toEqual([]);

    t.clock.set(new Date(reported.getTime() + maxAge + HOUR));
    expect((await runTick(t.deps)).staleCapacity).toBeGreaterThanOrEqual(1);
    const asked = await noticesFor(pattern);
    expect(asked.map((n) => n.membershipId)).toContain(intake.session.activeMembershipId);
    expect(
      asked.every(
        (n) => n.kind === 'service.capacity_stale' && n.link === `/directory/services/${service.id}`,
      ),
    ).toBe(true);
    await runTick(t.deps);
    expect(await noticesFor(pattern)).toHaveLength(asked.length);

    // A new report, which in turn goes stale: asked again.
    const again = new Date(t.clock.now().getTime());
    await t.deps.db.update(services).set({ capacityUpdatedAt: again }).where(eq(services.id, service.id));
    t.clock.set(new Date(again.getTime() + maxAge + HOUR));
    await runTick(t.deps);
    expect(await noticesFor(`capacity_stale:${service.id}:${again.toISOString()}:%`)).toHaveLength(
      asked.length,
    );
  });
});
