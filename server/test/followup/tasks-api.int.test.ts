/**
 * Working tasks over the API: the worklists (mine, team, overdue, due today), one task with its ETag, taking
 * and assigning it (the step's role or a program manager), logging contact attempts, snoozing and completing
 * with what the step records — and the unhappy paths: 428 without If-Match, 412 on a stale version, 400 for
 * an outcome that does not fit the step, 409 once it is done, 403 for the side that does not own it, 404 for
 * an organization that is not a party.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { memberships } from '../../src/db/schema/index.ts';
import type { TaskView } from '../../src/domain/followup/views.ts';
import type { Page } from '../../src/domain/transitions/views.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';
import { expectCall, referralFixture, type ReferralFixture } from '../support/referral-fixture.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.skipIf(skipReason)('tasks API', () => {
  let t: TestApp;
  let f: ReferralFixture;
  let transitionId: string;

  const call = expectCall;
  const list = (c: TestClient, filter: string) =>
    call<Page<TaskView>>(c, 'GET', `/api/v1/tasks?filter=${filter}`);
  const find = async (c: TestClient, filter: string, stepKey: string) =>
    (await list(c, filter)).body.items.find((i) => i.transitionId === transitionId && i.stepKey === stepKey);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    f = await referralFixture(t);
    const { view } = await f.send('TA-1');
    transitionId = view.transitionId;
    const current = await f.navigator.request('GET', `/api/v1/transitions/${transitionId}`);
    const discharged = await f.navigator.request(
      'PATCH',
      `/api/v1/transitions/${transitionId}`,
      { dischargedAt: new Date(Date.parse(START) + 2 * HOUR).toISOString() },
      { 'if-match': String(current.headers.etag) },
    );
    expect(discharged.statusCode, discharged.body).toBe(200);
  });
  afterAll(() => t.close());

  it('lists my tasks and the team queue, with the patient named for the holder', async () => {
    const mine = await find(f.navigator, 'mine', 'moud_check_7d');
    expect(mine).toMatchObject({
      status: 'open',
      state: 'upcoming',
      assignee: { membershipId: f.navigator.session.activeMembershipId },
    });
    expect(mine?.patient.name).toBe('PatTA-1 Delgado-Test');
    expect(await find(f.navigator, 'mine', 'peer_call_7d')).toBeUndefined();
    expect(await find(f.navigator, 'team', 'peer_call_7d')).toMatchObject({
      assignee: null,
      role: 'peer_specialist',
      state: 'due_today',
    });
    expect(await find(f.navigator, 'due_today', 'peer_call_7d')).toBeDefined();
    expect(await find(f.navigator, 'overdue', 'peer_call_7d')).toBeUndefined();
  });

  it('logs attempts, refuses what does not fit, and completes once', async () => {
    const task = await find(f.navigator, 'mine', 'moud_check_7d');
    if (!task) throw new Error('no task');
    const url = `/api/v1/tasks/${task.id}`;
    const got = await call<TaskView>(f.navigator, 'GET', url);
    expect(got.etag).toBe(`"${task.version}"`);

    const attempt = await call<TaskView>(
      f.navigator,
      'POST',
      `${url}/attempts`,
      { method: 'phone', result: 'wrong_number', note: 'Number disconnected' },
      201,
    );
    expect(attempt.body.attempts).toMatchObject([
      { method: 'phone', result: 'wrong_number', by: { name: expect.any(String) } },
    ]);
    expect(attempt.body.version).toBe(task.version);
    const future = await f.navigator.request('POST', `${url}/attempts`, {
      method: 'text',
      result: 'reached',
      at: '2030-01-01T00:00:00Z',
    });
    expect(future.statusCode).toBe(400);

    expect((await f.navigator.request('POST', `${url}/complete`, { onMoud: true })).statusCode).toBe(428);
    const stale = await f.navigator.request(
      'POST',
      `${url}/complete`,
      { onMoud: true },
      { 'if-match': `"${task.version + 5}"` },
    );
    expect(stale.statusCode).toBe(412);
    const wrong = await f.navigator.request(
      'POST',
      `${url}/complete`,
      { result: 'reached' },
      { 'if-match': got.etag },
    );
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toMatch(/onMoud|on_moud/);
    expect((await call<TaskView>(f.navigator, 'GET', url)).body.status).toBe('open');

    const done = await call<TaskView>(
      f.navigator,
      'POST',
      `${url}/complete`,
      { onMoud: true, note: 'Took dose today' },
      200,
      got.etag,
    );
    expect(done.body).toMatchObject({
      status: 'done',
      state: 'done',
      outcome: { records: 'on_moud', onMoud: true, note: 'Took dose today' },
    });
    expect(done.etag).toBe(`"${task.version + 1}"`);
    const again = await f.navigator.request(
      'POST',
      `${url}/complete`,
      { onMoud: false },
      { 'if-match': done.etag },
    );
    expect(again.statusCode).toBe(409);
    expect(await find(f.navigator, 'mine', 'moud_check_7d')).toBeUndefined();
  });

  it('assigns only to someone with the step role, snoozes into the future, and shows overdue past the deadline', async () => {
    const task = await find(f.navigator, 'team', 'peer_call_7d');
    if (!task) throw new Error('no task');
    const url = `/api/v1/tasks/${task.id}`;
    // The navigator is not a peer specialist: taking a peer call is refused, naming the field.
    const take = await f.navigator.request('POST', `${url}/assign`, {}, { 'if-match': `"${task.version}"` });
    expect(take.statusCode).toBe(400);
    expect(take.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('membershipId');
    // The picker offers exactly the colleagues who may hold it: peer specialists and program managers.
    const picker = await call<{ assignees: { membershipId: string; name: string }[] }>(
      f.navigator,
      'GET',
      `${url}/assignees`,
      undefined,
      200,
    );
    expect(picker.body.assignees.length).toBeGreaterThan(0);
    const eligible = await t.deps.db
      .select({ id: memberships.id, roles: memberships.roles })
      .from(memberships)
      .where(
        inArray(
          memberships.id,
          picker.body.assignees.map((a) => a.membershipId),
        ),
      );
    expect(
      eligible.every((m) => m.roles.includes('peer_specialist') || m.roles.includes('program_manager')),
    ).toBe(true);
    expect(picker.body.assignees.map((a) => a.membershipId)).not.toContain(
      f.navigator.session.activeMembershipId,
    );
    const colleague = picker.body.assignees[0];
    const handed = await call<TaskView>(
      f.navigator,
      'POST',
      `${url}/assign`,
      { membershipId: colleague?.membershipId },
      200,
      `"${task.version}"`,
    );
    expect(handed.body.assignee).toEqual(colleague);
    const current = `"${handed.body.version}"`;

    const past = await f.navigator.request(
      'POST',
      `${url}/snooze`,
      { until: START, reason: 'x' },
      { 'if-match': current },
    );
    expect(past.statusCode).toBe(400);
    const until = new Date(Date.parse(START) + DAY).toISOString();
    const snoozed = await call<TaskView>(
      f.navigator,
      'POST',
      `${url}/snooze`,
      { until, reason: 'Asked to be called tomorrow' },
      200,
      current,
    );
    expect(snoozed.body).toMatchObject({
      state: 'snoozed',
      snoozedUntil: until,
      snoozeReason: 'Asked to be called tomorrow',
    });
    expect(await find(f.navigator, 'due_today', 'peer_call_7d')).toBeUndefined();

    t.clock.set(new Date(Date.parse(START) + 8 * DAY));
    const navigator = await t.login('navigator@demo.handoff.test');
    expect(await find(navigator, 'overdue', 'peer_call_7d')).toMatchObject({ state: 'overdue' });
    t.clock.set(START);
  });

  it('hides tasks from organizations that are not a party and refuses work to the side that does not own it', async () => {
    const task = await find(f.navigator, 'team', 'peer_call_7d');
    if (!task) throw new Error('no task');
    const url = `/api/v1/tasks/${task.id}`;
    // The partner has a consent and the referral, but this is the hospital's own task: it may not see it.
    const partner = await f.intake.request('GET', url);
    expect(partner.statusCode).toBe(404);
    expect(
      (await f.intake.request('GET', '/api/v1/tasks?filter=team'))
        .json<Page<TaskView>>()
        .items.map((i) => i.id),
    ).not.toContain(task.id);
    const other = await t.login('admin.cbo@demo.handoff.test');
    const unknown = await other.request('GET', `/api/v1/tasks/0b7c1c4e-0000-4000-8000-000000000000`);
    const hidden = await other.request('GET', url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
  });
});
