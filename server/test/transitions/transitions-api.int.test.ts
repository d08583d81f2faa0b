/**
 * Transitions and closed-loop referrals through the API, one patient from "MOUD started" to "linked": a
 * navigator starts a transition with a buprenorphine plan and a 7-day bridge; a referral without a consent
 * naming the partner is refused; with consent it is sent once even when retried (Idempotency-Key); the
 * partner reads it with the §2.32 notice, accepts (If-Match; stale → 412; illegal → 409 with the allowed
 * moves; missing reason → 422), books 9 days out (a 58-hour coverage gap on the worklist), moves the visit
 * to day 5 (covered), reports attendance (linked). Messages with read receipts and a type-checked
 * attachment; a third organization and a revoked partner get the same 404 as an unknown id.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../src/app/context.ts';
import { createUser } from '../../src/app/members/create-user.ts';
import { outbox, referrals, services, treatingRelationships } from '../../src/db/schema/index.ts';
import type {
  InboxRow,
  MessageView,
  Page,
  ReferralView,
  TransitionRow,
  TransitionView,
} from '../../src/domain/transitions/views.ts';
import type { AcknowledgementPromise } from '../../src/domain/directory/service.ts';
import { ackDeadline } from '../../src/domain/transitions/ack-deadline.ts';
import { pdfText, squash } from '../../src/integrations/pdf/pdf-text.test-support.ts';
import { skipReason } from '../harness/database.ts';
import { PATIENT, tpoConsent } from '../consent/fixtures.ts';
import { activeOrg, createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';

const UNKNOWN = '0b7c1c4e-0000-4000-8000-000000000000';
/** Discharge at START (2026-11-23 10:00 in New York); the 7-day bridge covers 23–29 November. */
const COVERAGE_END = '2026-11-30T05:00:00.000Z';

describe.skipIf(skipReason)('transitions and referrals API', () => {
  let t: TestApp;
  let navigator: TestClient;
  let intake: TestClient;
  let other: TestClient;
  let partnerOrg: string;
  let serviceId: string;
  let otherServiceId: string;
  let patientId: string;
  let consentId: string;
  let transition: TransitionView;
  let referral: ReferralView;
  let etag = '';

  const call = async <T>(
    c: TestClient,
    method: string,
    url: string,
    body?: unknown,
    status = 200,
    headers?: Record<string, string>,
  ) => {
    const res = await c.request(method, url, body, headers);
    expect(res.statusCode, res.body).toBe(status);
    return { body: res.statusCode === 204 ? (undefined as T) : res.json<T>(), headers: res.headers };
  };
  const move = (c: TestClient, body: unknown, ifMatch = etag) =>
    c.request(
      'POST',
      `/api/v1/referrals/${referral.id}/status`,
      body,
      ifMatch ? { 'if-match': ifMatch } : {},
    );
  const accepted = async (c: TestClient, body: unknown) => {
    const res = await move(c, body);
    expect(res.statusCode, res.body).toBe(200);
    etag = String(res.headers.etag);
    referral = res.json<ReferralView>();
    return referral;
  };

  beforeAll(async () => {
    // With the demo's 18-month history: the worklists and the inbox must find this patient among it.
    t = await createTestApp({}, { history: true });
    navigator = await t.login('navigator@demo.handoff.test');
    intake = await t.login('intake@demo.handoff.test');
    partnerOrg = activeOrg(intake);
    const active = await t.deps.db.select().from(services).where(eq(services.status, 'active'));
    const own = active.find((s) => s.organizationId === partnerOrg);
    const elsewhere = active.find(
      (s) => s.organizationId !== partnerOrg && s.organizationId !== activeOrg(navigator),
    );
    if (!own || !elsewhere) throw new Error('demo services missing');
    serviceId = own.id;
    otherServiceId = elsewhere.id;
    await createUser(t.deps, operatorActor(), {
      email: 'intake@third.test',
      password: 'third passphrase 1',
      organization: elsewhere.organizationId,
      role: 'cbo_intake',
    });
    other = await t.login('intake@third.test', 'third passphrase 1');
    const patient = await call<{ id: string }>(
      navigator,
      'POST',
      '/api/v1/patients',
      { ...PATIENT, mrn: 'T-1' },
      201,
    );
    patientId = patient.body.id;
    const consent = await call<{ id: string }>(
      navigator,
      'POST',
      `/api/v1/patients/${patientId}/consents`,
      tpoConsent([partnerOrg]),
      201,
    );
    consentId = consent.body.id;
  });
  afterAll(() => t.close());

  it('starts a transition with a MOUD plan and computes coverage end from the 7-day bridge', async () => {
    const res = await call<TransitionView>(
      navigator,
      'POST',
      '/api/v1/transitions',
      {
        patientId,
        encounterType: 'ed',
        admittedAt: new Date(Date.parse(START) - 6 * 3_600_000).toISOString(),
        dischargedAt: START,
        oudIdentifiedBy: 'clinician',
        disposition: 'home',
        careTeam: { navigatorMembershipId: navigator.session.activeMembershipId },
        careNeeds: ['phone', 'transportation'],
        moudPlan: {
          medication: 'buprenorphine',
          formulation: 'sublingual_film',
          dose: '16 mg daily',
          lastDoseAt: START,
          bridge: { kind: 'prescription', days: 7 },
          naloxoneGiven: true,
        },
      },
      201,
    );
    transition = res.body;
    expect(res.headers.etag).toBe('"1"');
    expect(transition.gap).toMatchObject({ state: 'pending', coverageEnd: COVERAGE_END, gapHours: 0 });
    expect(transition.careTeam.navigator?.membershipId).toBe(navigator.session.activeMembershipId);
  });

  it('refuses a plan that does not hold together, naming the field, and stores nothing', async () => {
    const res = await navigator.request('POST', '/api/v1/transitions', {
      patientId,
      encounterType: 'ed',
      admittedAt: START,
      oudIdentifiedBy: 'clinician',
      moudPlan: {
        medication: 'methadone',
        formulation: 'sublingual_film',
        dose: '30 mg',
        bridge: { kind: 'prescription', days: 3 },
        naloxoneGiven: false,
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['moudPlan.formulation', 'moudPlan.bridge.kind']));
    const list = await call<Page<TransitionRow>>(navigator, 'GET', '/api/v1/transitions?q=Delgado');
    expect(list.body.items.map((i) => i.id)).toEqual([transition.id]);
  });

  it('cannot send a referral to an organization no consent names', async () => {
    const res = await navigator.request('POST', `/api/v1/transitions/${transition.id}/referrals`, {
      serviceId: otherServiceId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ type: string }>().type).toMatch(/no-consent$/);
    const stored = await t.deps.db.select().from(referrals).where(eq(referrals.transitionId, transition.id));
    expect(stored).toHaveLength(0);
  });

  it('sends a referral once, however often the request is retried with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'retry-me-1' };
    const first = await call<ReferralView>(
      navigator,
      'POST',
      `/api/v1/transitions/${transition.id}/referrals`,
      { serviceId },
      201,
      key,
    );
    const again = await call<ReferralView>(
      navigator,
      'POST',
      `/api/v1/transitions/${transition.id}/referrals`,
      { serviceId },
      201,
      key,
    );
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const reused = await navigator.request(
      'POST',
      `/api/v1/transitions/${transition.id}/referrals`,
      { serviceId, urgency: 'urgent' },
      key,
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json<{ type: string }>().type).toMatch(/idempotency-key-reused$/);
    const stored = await t.deps.db.select().from(referrals).where(eq(referrals.transitionId, transition.id));
    expect(stored).toHaveLength(1);
    referral = first.body;
    expect(referral).toMatchObject({ status: 'sent', side: 'sender', taskStatus: 'requested', consentId });
    expect(referral.businessStatus?.code).toBe('2.0');
    const [service] = await t.deps.db.select().from(services).where(eq(services.id, serviceId));
    const due = ackDeadline({
      sentAt: new Date(START),
      urgency: 'routine',
      promise: (service?.acknowledgement as AcknowledgementPromise | null) ?? undefined,
      timeZone: service?.timezone ?? '',
      holidays: service?.holidays ?? [],
    });
    expect(referral.ackDueAt).toBe(due.toISOString());
    expect(due.getTime()).toBeGreaterThan(Date.parse(START));
    const mail = await t.deps.db
      .select()
      .from(outbox)
      .where(sql`${outbox.dedupeKey} like ${`referral:${referral.id}:sent:%`}`);
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) expect(JSON.stringify(m.payload)).not.toMatch(/Rosa|Delgado|buprenorphine/i);
  });

  it('shows the partner the referral and the packet with the §2.32 notice', async () => {
    const res = await call<ReferralView>(intake, 'GET', `/api/v1/referrals/${referral.id}`);
    etag = String(res.headers.etag);
    expect(res.body).toMatchObject({ side: 'receiver', patient: { name: 'Rosa Delgado-Test' } });
    expect(res.body.allowedMoves.sort()).toEqual(['accepted', 'cancelled', 'declined', 'scheduled']);
    expect(res.body.disclosure?.statement).toBeTruthy();
    expect(res.body.packet).toMatchObject({
      version: 1,
      coverageEnd: COVERAGE_END,
      moudPlan: { medication: 'buprenorphine', dose: '16 mg daily' },
      careNeeds: ['phone', 'transportation'],
    });
    expect(res.body.packet?.patient?.phones[0]?.textOk).toBe(true);
    const inbox = await call<Page<InboxRow>>(intake, 'GET', '/api/v1/referrals?box=inbox&open=true');
    expect(inbox.body.items.map((i) => i.id)).toContain(referral.id);
  });

  it('guards every move: If-Match required, stale 412, illegal 409 with allowed moves, missing reason 422', async () => {
    expect((await move(intake, { status: 'accepted' }, '')).statusCode).toBe(428);
    expect((await move(intake, { status: 'accepted' }, '"99"')).statusCode).toBe(412);
    const illegal = await move(intake, { status: 'attended' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json<{ allowed: string[] }>().allowed.sort()).toEqual([
      'accepted',
      'cancelled',
      'declined',
      'scheduled',
    ]);
    const noReason = await move(intake, { status: 'declined' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['reason']);
    const wrongKind = await move(intake, { status: 'declined', reason: { code: 'duplicate', text: 'x' } });
    expect(wrongKind.statusCode).toBe(400);
    // The sender may not accept its own referral.
    expect((await move(navigator, { status: 'accepted' })).statusCode).toBe(409);
    const stored = await t.deps.db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(stored[0]?.status).toBe('sent');
  });

  it('lets one of two people acting at once win; the other gets 412', async () => {
    const [a, b] = await Promise.all([
      move(intake, { status: 'accepted' }),
      move(intake, { status: 'accepted' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? a : b;
    etag = String(winner.headers.etag);
    referral = winner.json<ReferralView>();
    expect(referral.acknowledgedAt).toBeTruthy();
    const relationship = await t.deps.db
      .select()
      .from(treatingRelationships)
      .where(
        and(
          eq(treatingRelationships.patientId, patientId),
          eq(treatingRelationships.organizationId, partnerOrg),
        ),
      );
    expect(relationship).toHaveLength(1);
  });

  it('books 9 days out: the worklist shows a 58-hour coverage gap; moving the visit to day 5 clears it', async () => {
    const day9 = '2026-12-02T15:00:00.000Z'; // 2 December 10:00 New York
    await accepted(intake, { status: 'scheduled', appointment: { at: day9, place: 'Main St clinic' } });
    const flagged = await call<Page<TransitionRow>>(
      navigator,
      'GET',
      '/api/v1/transitions?gap=flagged&scope=mine',
    );
    const row = flagged.body.items.find((i) => i.id === transition.id);
    expect(row?.gap).toMatchObject({
      state: 'gap',
      gapHours: 58,
      coverageEnd: COVERAGE_END,
      firstAppointmentAt: day9,
    });
    await accepted(intake, { status: 'scheduled', appointment: { at: '2026-11-28T15:00:00.000Z' } });
    const after = await call<TransitionView>(navigator, 'GET', `/api/v1/transitions/${transition.id}`);
    expect(after.body.gap).toMatchObject({ state: 'covered', gapHours: 0 });
    const stillFlagged = await call<Page<TransitionRow>>(navigator, 'GET', '/api/v1/transitions?gap=flagged');
    expect(stillFlagged.body.items.map((i) => i.id)).not.toContain(transition.id);
  });

  it('keeps messages with read receipts and type-checked attachments', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const sent = await call<MessageView>(
      navigator,
      'POST',
      `/api/v1/referrals/${referral.id}/messages`,
      {
        body: 'She has no phone; reach her through the shelter desk.',
        attachment: { fileName: 'card.png', mediaType: 'image/png', contentBase64: png },
      },
      201,
    );
    const fake = await navigator.request('POST', `/api/v1/referrals/${referral.id}/messages`, {
      body: 'x',
      attachment: { fileName: 'card.pdf', mediaType: 'application/pdf', contentBase64: png },
    });
    expect(fake.statusCode).toBe(400);
    expect(
      (await navigator.request('POST', `/api/v1/referrals/${referral.id}/messages`, { body: '  ' }))
        .statusCode,
    ).toBe(400);
    const thread = await call<{ messages: MessageView[]; disclosure: unknown }>(
      intake,
      'GET',
      `/api/v1/referrals/${referral.id}/messages`,
    );
    expect(thread.body.messages).toHaveLength(1);
    expect(thread.body.disclosure).toBeTruthy();
    await call(intake, 'POST', `/api/v1/referrals/${referral.id}/messages/read`, { upToSeq: 1 }, 204);
    const seen = await call<{ messages: MessageView[] }>(
      navigator,
      'GET',
      `/api/v1/referrals/${referral.id}/messages`,
    );
    expect(seen.body.messages[0]?.readBy.map((r) => r.organization.id)).toEqual([partnerOrg]);
    const file = await intake.request(
      'GET',
      `/api/v1/referrals/${referral.id}/messages/${sent.body.id}/attachment`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(Buffer.from(png, 'base64'))).toBe(true);
  });

  it('prints the patient letter (Spanish) and the partner letter with the §2.32 statement', async () => {
    const patientPdf = await navigator.request(
      'GET',
      `/api/v1/transitions/${transition.id}/packet.pdf?lang=es`,
    );
    expect(patientPdf.statusCode).toBe(200);
    expect(patientPdf.headers['content-type']).toBe('application/pdf');
    const letter = squash(await pdfText(patientPdf.rawPayload));
    expect(letter).toContain(referral.service.name);
    expect(letter).toMatch(/sábado, 28 de noviembre de 2026/i);
    const partnerPdf = await navigator.request(
      'GET',
      `/api/v1/transitions/${transition.id}/packet.pdf?audience=partner&referral=${referral.id}`,
    );
    expect(partnerPdf.statusCode).toBe(200);
    const partner = squash(await pdfText(partnerPdf.rawPayload));
    expect(partner).toContain('42 CFR');
    expect(partner).toContain(consentId);
    expect(partner).toContain('16 mg daily');
    // The partner cannot print the hospital's letters: the transition is the hospital's.
    expect((await intake.request('GET', `/api/v1/transitions/${transition.id}/packet.pdf`)).statusCode).toBe(
      404,
    );
  });

  it('reports attendance; the transition becomes linked', async () => {
    await accepted(intake, { status: 'attended' });
    expect(referral).toMatchObject({ status: 'attended', taskStatus: 'in-progress' });
    const after = await call<TransitionView>(navigator, 'GET', `/api/v1/transitions/${transition.id}`);
    expect(after.body.status).toBe('linked');
    expect(after.body.gap.state).toBe('linked');
    expect(referral.history.map((h) => h.to)).toEqual([
      'sent',
      'accepted',
      'scheduled',
      'scheduled',
      'attended',
    ]);
  });

  it('keeps the history immutable', async () => {
    const refused = await t.deps.db.execute(sql`update referral_event set note = 'x'`).then(
      () => 'updated',
      (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
    );
    expect(refused).toMatch(/append-only/);
  });

  it('hides the referral from a third organization and from a partner whose consent was revoked', async () => {
    const hidden = await other.request('GET', `/api/v1/referrals/${referral.id}`);
    const unknown = await other.request('GET', `/api/v1/referrals/${UNKNOWN}`);
    expect(hidden.statusCode).toBe(404);
    const strip = (b: string) => {
      const { instance: _i, ...rest } = JSON.parse(b) as Record<string, unknown>;
      return rest;
    };
    expect(strip(hidden.body)).toEqual(strip(unknown.body));
    await call(navigator, 'POST', `/api/v1/consents/${consentId}/revoke`, {
      writtenRequest: { method: 'letter', receivedOn: '2026-11-23' },
    });
    // Accepting gave the partner a treating relationship, but the consent naming it is gone: no access.
    const revoked = await intake.request('GET', `/api/v1/referrals/${referral.id}`);
    expect(revoked.statusCode).toBe(404);
    const inbox = await call<Page<InboxRow>>(intake, 'GET', '/api/v1/referrals?box=inbox');
    expect(inbox.body.items.map((i) => i.id)).not.toContain(referral.id);
    const stillThere = await t.deps.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, referral.id), ne(referrals.status, 'draft')));
    expect(stillThere).toHaveLength(1);
  });
});
