/**
 * Pathways over the API and the partner's side of the tasks they make: the hospital's program manager
 * creates a partnership's pathway (one active per owner, steps validated by field, only the hospital edits,
 * new versions with If-Match); a referral sent afterwards pins the current version; once the partner accepts,
 * its intake staff get the task, work it, and lose it the moment the patient revokes the consent; the
 * hospital sees the partner's task but may not work it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referrals } from '../../src/db/schema/index.ts';
import type { PathwayStep } from '../../src/domain/followup/pathway.ts';
import type { PathwayView, TaskView } from '../../src/domain/followup/views.ts';
import type { Page } from '../../src/domain/transitions/views.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';
import { expectCall, referralFixture, type ReferralFixture } from '../support/referral-fixture.ts';

const INTAKE_CALL: PathwayStep = {
  key: 'intake_call',
  title: 'Call the patient to confirm intake',
  side: 'partner',
  role: 'cbo_intake',
  anchor: 'referral_accepted',
  offsetMinutes: 0,
  deadlineMinutes: 72 * 60,
  records: 'contact',
};

describe.skipIf(skipReason)('pathways API and partner tasks', () => {
  let t: TestApp;
  let f: ReferralFixture;
  let manager: TestClient;
  let partnershipId: string;

  const call = expectCall;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    f = await referralFixture(t);
    manager = await t.login('manager.hospital@demo.handoff.test');
    const partnership = await call<{ id: string }>(
      manager,
      'POST',
      '/api/v1/partnerships',
      { partnerOrganizationId: f.partnerOrg, status: 'active' },
      201,
    );
    partnershipId = partnership.body.id;
  });
  afterAll(() => t.close());

  it('creates, validates and versions a partnership pathway; only the hospital manages it', async () => {
    const bad = await manager.request('POST', '/api/v1/pathways', {
      name: 'Intake',
      partnershipId,
      steps: [{ ...INTAKE_CALL, role: 'navigator' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain('steps.0.role');
    const navigator = await f.navigator.request('POST', '/api/v1/pathways', {
      name: 'Intake',
      partnershipId,
      steps: [INTAKE_CALL],
    });
    expect(navigator.statusCode).toBe(403);

    const created = await call<PathwayView>(
      manager,
      'POST',
      '/api/v1/pathways',
      { name: 'Intake', partnershipId, steps: [INTAKE_CALL] },
      201,
    );
    expect(created.body).toMatchObject({
      version: 1,
      owner: { kind: 'partnership', id: partnershipId },
      steps: [INTAKE_CALL],
    });
    const twice = await manager.request('POST', '/api/v1/pathways', {
      name: 'Again',
      partnershipId,
      steps: [INTAKE_CALL],
    });
    expect(twice.statusCode).toBe(409);

    // Both sides see it; the partner may not edit it.
    const seen = await call<PathwayView[]>(f.intake, 'GET', '/api/v1/pathways');
    expect(seen.body.map((p) => p.id)).toContain(created.body.id);
    const partnerAdmin = await t.login('admin.cbo@demo.handoff.test');
    const partnerEdit = await partnerAdmin.request(
      'PUT',
      `/api/v1/pathways/${created.body.id}`,
      { name: 'Mine', steps: [INTAKE_CALL] },
      { 'if-match': created.etag },
    );
    expect(partnerEdit.statusCode).toBe(403);

    const url = `/api/v1/pathways/${created.body.id}`;
    expect((await manager.request('PUT', url, { name: 'Intake', steps: [INTAKE_CALL] })).statusCode).toBe(
      428,
    );
    const v2 = await call<PathwayView>(
      manager,
      'PUT',
      url,
      { name: 'Intake within 48 h', steps: [{ ...INTAKE_CALL, deadlineMinutes: 48 * 60 }] },
      200,
      created.etag,
    );
    expect(v2.body).toMatchObject({ version: 2, name: 'Intake within 48 h' });
    expect(v2.etag).toBe('"2"');
    const stale = await manager.request(
      'PUT',
      url,
      { name: 'Intake', steps: [INTAKE_CALL] },
      { 'if-match': created.etag },
    );
    expect(stale.statusCode).toBe(412);
  });

  it('gives the partner its task after acceptance, and takes it away with the consent', async () => {
    const { view, etag, consentId } = await f.send('PW-1');
    const [referral] = await t.deps.db.select().from(referrals).where(eq(referrals.id, view.id));
    expect(referral?.pathwayVersion).toBe(2);
    await call(f.intake, 'POST', `/api/v1/referrals/${view.id}/status`, { status: 'accepted' }, 200, etag);

    const team = await call<Page<TaskView>>(f.intake, 'GET', '/api/v1/tasks?filter=team');
    const task = team.body.items.find((i) => i.referralId === view.id && i.stepKey === 'intake_call');
    expect(task).toMatchObject({
      side: 'partner',
      role: 'cbo_intake',
      pathway: { version: 2 },
      patient: { name: 'PatPW-1 Delgado-Test' },
    });
    if (!task) throw new Error('no partner task');
    expect(Date.parse(task.deadlineAt) - Date.parse(task.dueAt)).toBe(48 * 3_600_000);
    await call(
      f.intake,
      'POST',
      `/api/v1/tasks/${task.id}/attempts`,
      { method: 'text', result: 'reached' },
      201,
    );

    // The hospital holds the record and sees the partner's task, but it is not the hospital's to do.
    await call(f.navigator, 'GET', `/api/v1/tasks/${task.id}`);
    const work = await f.navigator.request('POST', `/api/v1/tasks/${task.id}/attempts`, {
      method: 'phone',
      result: 'reached',
    });
    expect(work.statusCode).toBe(403);

    await call(f.navigator, 'POST', `/api/v1/consents/${consentId}/revoke`, {
      writtenRequest: { method: 'letter', receivedOn: '2026-11-23' },
    });
    const after = await call<Page<TaskView>>(f.intake, 'GET', '/api/v1/tasks?filter=team');
    expect(after.body.items.map((i) => i.id)).not.toContain(task.id);
    expect(after.body.total).toBe(team.body.total - 1);
    expect((await f.intake.request('GET', `/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
  });
});
