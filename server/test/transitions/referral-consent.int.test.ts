/**
 * What the consent decides around a referral, beyond the main journey: a consent that covers treatment but
 * not demographics shows the partner the plan without saying who the patient is; a draft is invisible to the
 * partner (the same 404 as an unknown id) and sending it later asks the consent again; a partner cannot
 * revive a referral the hospital cancelled; the access decision behind a send is audited with the send, and
 * on its own when the send is refused.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, referrals } from '../../src/db/schema/index.ts';
import type { InboxRow, Page, ReferralView } from '../../src/domain/transitions/views.ts';
import { skipReason } from '../harness/database.ts';
import { expectCall, referralFixture, type ReferralFixture } from '../support/referral-fixture.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

const UNKNOWN = '0b7c1c4e-0000-4000-8000-000000000000';

describe.skipIf(skipReason)('referrals and the consent behind them', () => {
  let t: TestApp;
  let navigator: TestClient;
  let intake: TestClient;
  let serviceId: string;
  let fixture: ReferralFixture;
  const transitionFor = (mrn: string, categories: string[]) => fixture.prepare(mrn, categories);

  const json = expectCall;
  beforeAll(async () => {
    t = await createTestApp();
    fixture = await referralFixture(t);
    ({ navigator, intake, serviceId } = fixture);
  });
  afterAll(() => t.close());

  it('shows the plan but not who the patient is when the consent covers treatment only', async () => {
    const { transitionId } = await transitionFor('C-1', ['treatment']);
    const sent = await json<ReferralView>(
      navigator,
      'POST',
      `/api/v1/transitions/${transitionId}/referrals`,
      { serviceId },
      201,
    );
    const seen = await json<ReferralView>(intake, 'GET', `/api/v1/referrals/${sent.body.id}`);
    expect(seen.body.patient.name).toBeNull();
    expect(seen.body.packet).toMatchObject({ patient: null, encounterType: 'ed' });
    expect(JSON.stringify(seen.body)).not.toContain('PatC-1');
    const inbox = await json<Page<InboxRow>>(intake, 'GET', '/api/v1/referrals?box=inbox&sort=sent');
    const row = inbox.body.items.find((i) => i.id === sent.body.id);
    expect(row?.patient.name).toBeNull();
    // The hospital, holding the record, sees the name.
    const own = await json<ReferralView>(navigator, 'GET', `/api/v1/referrals/${sent.body.id}`);
    expect(own.body.patient.name).toBe('PatC-1 Delgado-Test');
  });

  it('keeps a draft from the partner and asks the consent again when it is sent', async () => {
    const { transitionId, consentId } = await transitionFor('C-2', ['demographics', 'treatment']);
    const draft = await json<ReferralView>(
      navigator,
      'POST',
      `/api/v1/transitions/${transitionId}/referrals`,
      { serviceId, send: false },
      201,
    );
    expect(draft.body).toMatchObject({ status: 'draft', sentAt: null, ackDueAt: null });
    const hidden = await intake.request('GET', `/api/v1/referrals/${draft.body.id}`);
    const unknown = await intake.request('GET', `/api/v1/referrals/${UNKNOWN}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
    await json(navigator, 'POST', `/api/v1/consents/${consentId}/revoke`, {
      writtenRequest: { method: 'letter', receivedOn: '2026-11-23' },
    });
    const send = await navigator.request(
      'POST',
      `/api/v1/referrals/${draft.body.id}/status`,
      { status: 'sent' },
      { 'if-match': draft.etag },
    );
    expect(send.statusCode).toBe(422);
    expect(send.json<{ type: string }>().type).toMatch(/no-consent$/);
    const still = await json<ReferralView>(navigator, 'GET', `/api/v1/referrals/${draft.body.id}`);
    expect(still.body.status).toBe('draft');
  });

  it('lets only the hospital reopen a referral it cancelled', async () => {
    const { transitionId } = await transitionFor('C-3', ['demographics', 'treatment']);
    const sent = await json<ReferralView>(
      navigator,
      'POST',
      `/api/v1/transitions/${transitionId}/referrals`,
      { serviceId },
      201,
    );
    const cancelled = await json<ReferralView>(
      navigator,
      'POST',
      `/api/v1/referrals/${sent.body.id}/status`,
      {
        status: 'cancelled',
        reason: { code: 'patient_declined', text: 'Wants to wait' },
      },
      200,
      sent.etag,
    );
    const reopen = await intake.request(
      'POST',
      `/api/v1/referrals/${sent.body.id}/status`,
      { status: 'sent', note: 'We can take her' },
      { 'if-match': cancelled.etag },
    );
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json<{ allowed: string[] }>().allowed).toEqual([]);
    const back = await json<ReferralView>(
      navigator,
      'POST',
      `/api/v1/referrals/${sent.body.id}/status`,
      { status: 'sent', note: 'She changed her mind' },
      200,
      cancelled.etag,
    );
    expect(back.body.status).toBe('sent');
    expect(back.body.history.map((h) => h.to)).toEqual(['sent', 'cancelled', 'sent']);
  });

  it('audits the decision with the send in one append, and alone when the send is refused', async () => {
    const { patientId, transitionId } = await transitionFor('C-4', ['demographics', 'treatment']);
    const eventsOf = () =>
      t.deps.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.patientId, patientId))
        .orderBy(asc(auditEvents.chain), asc(auditEvents.seq));
    const before = (await eventsOf()).length;
    const refused = await navigator.request('POST', `/api/v1/transitions/${transitionId}/referrals`, {
      serviceId: UNKNOWN,
    });
    expect(refused.statusCode).toBe(400);
    const afterRefusal = (await eventsOf()).slice(before);
    expect(afterRefusal.map((e) => [e.action, e.details['for']])).toEqual([
      ['consent.decide', 'referral.send'],
    ]);
    expect(await t.deps.db.select().from(referrals).where(eq(referrals.patientId, patientId))).toEqual([]);

    const sent = await json<ReferralView>(
      navigator,
      'POST',
      `/api/v1/transitions/${transitionId}/referrals`,
      { serviceId },
      201,
    );
    const [decision, send, ...rest] = (await eventsOf()).slice(before + 1);
    expect(rest).toEqual([]);
    expect(decision).toMatchObject({
      action: 'consent.decide',
      details: { decision: 'permit', for: 'referral.send' },
    });
    expect(send).toMatchObject({
      action: 'referral.send',
      entityId: sent.body.id,
      seq: (decision?.seq ?? 0) + 1,
    });
    expect(send?.prevHash).toBe(decision?.hash);
    expect(send?.requestId).toBe(decision?.requestId);
  });
});
