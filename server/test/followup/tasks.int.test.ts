/**
 * Tasks follow the pathway and the anchors: the hospital's default pathway (CATCH-style in the demo) is
 * pinned when a transition begins; recording the discharge creates the discharge-timed tasks for the care
 * team; booking an appointment creates the "confirm the day before" task, rebooking moves it; cancelling the
 * referral cancels its tasks, closing the transition cancels the rest; a new pathway version applies to new
 * transitions only.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathways, pathwayVersions, tasks, transitions } from '../../src/db/schema/index.ts';
import type { PathwayStep } from '../../src/domain/followup/pathway.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';
import { referralFixture } from '../support/referral-fixture.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.skipIf(skipReason)('follow-up tasks', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const tasksOf = (transitionId: string) =>
    t.deps.db.select().from(tasks).where(eq(tasks.transitionId, transitionId));
  const patch = async (c: TestClient, transitionId: string, body: unknown) => {
    const current = await c.request('GET', `/api/v1/transitions/${transitionId}`);
    const res = await c.request('PATCH', `/api/v1/transitions/${transitionId}`, body, {
      'if-match': String(current.headers.etag),
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const move = async (c: TestClient, referralId: string, body: unknown) => {
    const current = await c.request('GET', `/api/v1/referrals/${referralId}`);
    const res = await c.request('POST', `/api/v1/referrals/${referralId}/status`, body, {
      'if-match': String(current.headers.etag),
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('creates, moves and cancels tasks as the anchors change', async () => {
    t.clock.set(START);
    const f = await referralFixture(t);
    const { view } = await f.send('T-1');
    const transitionId = view.transitionId;
    const [row] = await t.deps.db.select().from(transitions).where(eq(transitions.id, transitionId));
    const [pathway] = await t.deps.db
      .select()
      .from(pathways)
      .where(and(eq(pathways.hospitalOrgId, activeOrg(f.navigator)), isNull(pathways.partnershipId)));
    expect(row).toMatchObject({ pathwayId: pathway?.id, pathwayVersion: 1 });
    // No discharge yet, and the referral's steps wait for its first change: nothing to do yet.
    expect(await tasksOf(transitionId)).toEqual([]);

    const discharged = new Date(Date.parse(START) + 2 * HOUR);
    await patch(f.navigator, transitionId, { dischargedAt: discharged.toISOString() });
    const afterDischarge = (await tasksOf(transitionId)).filter((x) => x.referralId === null);
    const byKey = new Map(afterDischarge.map((x) => [x.stepKey, x]));
    expect([...byKey.keys()].sort()).toEqual(['moud_check_7d', 'peer_call_7d']);
    expect(byKey.get('peer_call_7d')).toMatchObject({
      status: 'open',
      side: 'hospital',
      role: 'peer_specialist',
      ownerOrgId: activeOrg(f.navigator),
      assigneeMembershipId: null, // no peer on the care team: the peers' queue
      dueAt: discharged,
      deadlineAt: new Date(discharged.getTime() + 7 * DAY),
    });
    expect(byKey.get('moud_check_7d')).toMatchObject({
      assigneeMembershipId: f.navigator.session.activeMembershipId,
      dueAt: new Date(discharged.getTime() + 7 * DAY),
    });

    await move(f.intake, view.id, { status: 'accepted' });
    const day9 = new Date(Date.parse(START) + 9 * DAY);
    await move(f.intake, view.id, { status: 'scheduled', appointment: { at: day9.toISOString() } });
    const confirm = (await tasksOf(transitionId)).find((x) => x.stepKey === 'confirm_intake');
    expect(confirm).toMatchObject({
      referralId: view.id,
      pathwayId: pathway?.id,
      dueAt: new Date(day9.getTime() - DAY),
      assigneeMembershipId: f.navigator.session.activeMembershipId,
    });

    const day5 = new Date(Date.parse(START) + 5 * DAY);
    await move(f.intake, view.id, { status: 'scheduled', appointment: { at: day5.toISOString() } });
    const moved = (await tasksOf(transitionId)).find((x) => x.stepKey === 'confirm_intake');
    expect(moved).toMatchObject({ id: confirm?.id, dueAt: new Date(day5.getTime() - DAY), status: 'open' });
    expect(moved?.version).toBe((confirm?.version ?? 0) + 1);

    await move(f.navigator, view.id, {
      status: 'cancelled',
      reason: { code: 'patient_declined', text: 'Chose another clinic' },
    });
    const afterCancel = await tasksOf(transitionId);
    expect(afterCancel.filter((x) => x.referralId === view.id).every((x) => x.status === 'cancelled')).toBe(
      true,
    );
    expect(afterCancel.filter((x) => x.referralId === null).every((x) => x.status === 'open')).toBe(true);

    await patch(f.navigator, transitionId, { status: 'closed' });
    expect((await tasksOf(transitionId)).every((x) => x.status === 'cancelled')).toBe(true);
  });

  it('applies a new pathway version to new transitions only', async () => {
    t.clock.set(START);
    const f = await referralFixture(t);
    const first = await f.send('T-2');
    const [pathway] = await t.deps.db
      .select()
      .from(pathways)
      .where(and(eq(pathways.hospitalOrgId, activeOrg(f.navigator)), isNull(pathways.partnershipId)));
    if (!pathway) throw new Error('no default pathway');
    const [v1] = await t.deps.db
      .select()
      .from(pathwayVersions)
      .where(
        and(eq(pathwayVersions.pathwayId, pathway.id), eq(pathwayVersions.version, pathway.currentVersion)),
      );
    const steps: PathwayStep[] = (v1?.steps ?? []).map((s) =>
      s.key === 'peer_call_7d' ? { ...s, offsetMinutes: 24 * 60 } : s,
    );
    const next = pathway.currentVersion + 1;
    await t.deps.db.insert(pathwayVersions).values({
      networkId: pathway.networkId,
      pathwayId: pathway.id,
      version: next,
      steps,
      createdBy: pathway.createdBy,
      createdAt: t.clock.now(),
    });
    await t.deps.db.update(pathways).set({ currentVersion: next }).where(eq(pathways.id, pathway.id));

    const second = await f.send('T-3');
    const discharged = new Date(Date.parse(START) + 2 * HOUR);
    for (const v of [first.view, second.view])
      await patch(f.navigator, v.transitionId, { dischargedAt: discharged.toISOString() });
    const peerCall = async (transitionId: string) =>
      (await tasksOf(transitionId)).find((x) => x.stepKey === 'peer_call_7d');
    expect(await peerCall(first.view.transitionId)).toMatchObject({
      pathwayVersion: pathway.currentVersion,
      dueAt: discharged,
    });
    expect(await peerCall(second.view.transitionId)).toMatchObject({
      pathwayVersion: next,
      dueAt: new Date(discharged.getTime() + DAY),
    });
  });
});
