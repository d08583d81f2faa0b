/**
 * Patients and 42 CFR Part 2 consent through the API: a hospital navigator registers a patient and
 * records a consent naming two CBOs; each CBO reads the patient with the §2.32 notice and every read is
 * ledgered; a per-recipient revocation cuts one CBO off at once while the other keeps reading; the
 * accounting of disclosures still lists the earlier disclosures; incomplete consents are refused with
 * every missing element named; suspected-false, expiry events and restrictions behave as part2-privacy.md
 * requires (emergency access is in emergency-access.int.test.ts, the missing-notice-texts case in
 * notice-texts.int.test.ts).
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../src/app/context.ts';
import { createUser } from '../../src/app/members/create-user.ts';
import { auditEvents, disclosures, organizations } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';
import { PATIENT, tpoConsent } from './fixtures.ts';

interface Patient {
  id: string;
  access: string;
  givenName: string;
  securityLabels: string[];
  part2: boolean;
  disclosure: null | {
    statement: string;
    noticeVersion: string;
    scope: { consentId: string; recipients: string[] } | null;
  };
}
interface Consent {
  id: string;
  state: string;
  recipients: Array<{
    id: string;
    organizationId: string | null;
    organizationName: string | null;
    revokedAt: string | null;
  }>;
}
interface Problem {
  status: number;
  type: string;
  errors?: Array<{ field: string; message: string }>;
  duplicates?: Array<{ id: string }>;
}

describe.skipIf(skipReason)('patients and consent API', () => {
  let t: TestApp;
  let navigator: TestClient;
  let cboA: TestClient;
  let cboB: TestClient;
  let cboBAdmin: TestClient;
  let orgA: string;
  let orgB: string;
  let patient: Patient;
  let consent: Consent;

  const call = async <T>(c: TestClient, method: string, url: string, body?: unknown, status = 200) => {
    const res = await c.request(method, url, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    navigator = await t.login('navigator@demo.handoff.test');
    cboA = await t.login('intake@demo.handoff.test');
    orgA = activeOrg(cboA);
    const [other] = await t.deps.db
      .select({ id: organizations.id, networkId: organizations.networkId })
      .from(organizations)
      .where(and(eq(organizations.kind, 'cbo'), like(organizations.name, '%Harm Reduction%')));
    if (!other || other.id === orgA) throw new Error('no second CBO in the demo');
    orgB = other.id;
    for (const [email, role] of [
      ['intake@b.test', 'cbo_intake'],
      ['admin@b.test', 'org_admin'],
    ] as const) {
      await createUser(t.deps, operatorActor(), {
        email,
        password: 'b passphrase 123',
        organization: orgB,
        role,
      });
    }
    cboB = await t.login('intake@b.test', 'b passphrase 123');
    cboBAdmin = await t.login('admin@b.test', 'b passphrase 123');
  });
  afterAll(() => t.close());

  it('registers a patient in the active organization, labelled Part 2', async () => {
    patient = await call<Patient>(navigator, 'POST', '/api/v1/patients', PATIENT, 201);
    expect(patient).toMatchObject({ access: 'holder', givenName: 'Rosa', disclosure: null });
    const [holder] = await t.deps.db
      .select({ part2: organizations.part2Program })
      .from(organizations)
      .where(eq(organizations.id, activeOrg(navigator)));
    expect(patient.part2).toBe(holder?.part2);
    expect(patient.securityLabels).toEqual([
      'R',
      'SUD',
      'OPIOIDUD',
      ...(holder?.part2 ? ['42CFRPart2'] : []),
    ]);
  });

  it('shows same-organization duplicates to the registering user and refuses a reused MRN', async () => {
    const dup = await navigator.request('POST', '/api/v1/patients', {
      ...PATIENT,
      givenName: 'rosa',
      mrn: null,
    });
    expect(dup.statusCode).toBe(409);
    const body = dup.json<Problem>();
    expect(body.type).toMatch(/possible-duplicate$/);
    expect(body.duplicates?.map((d) => d.id)).toEqual([patient.id]);
    // Another organization registering the same person sees no duplicate: nothing is matched across organizations.
    const elsewhere = await cboB.request('POST', '/api/v1/patients', { ...PATIENT, mrn: 'B-1' });
    expect(elsewhere.statusCode).toBe(201);
    const mrn = await navigator.request('POST', '/api/v1/patients', {
      ...PATIENT,
      givenName: 'Other',
      confirmNotDuplicate: true,
    });
    expect(mrn.statusCode).toBe(409);
    expect(mrn.json<Problem>().type).toMatch(/mrn-taken$/);
  });

  it('hides the patient from other organizations: the same 404 as an unknown id', async () => {
    const hidden = await cboA.request('GET', `/api/v1/patients/${patient.id}`);
    const unknown = await cboA.request('GET', '/api/v1/patients/0b7c1c4e-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    const { instance: _a, ...hiddenBody } = hidden.json<Record<string, unknown>>();
    const { instance: _b, ...unknownBody } = unknown.json<Record<string, unknown>>();
    expect(hiddenBody).toEqual(unknownBody);
    expect(Object.keys(hidden.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    const list = await call<{ items: Patient[] }>(cboA, 'GET', '/api/v1/patients?q=rosa');
    expect(list.items.map((p) => p.id)).not.toContain(patient.id);
  });

  it('refuses an incomplete consent with 422 naming every missing element, storing nothing', async () => {
    const res = await navigator.request('POST', `/api/v1/patients/${patient.id}/consents`, {
      type: 'tpo',
      recipients: [{ kind: 'organization', organizationId: orgA }],
      purposes: ['TREAT', 'HLEGAL'],
    });
    expect(res.statusCode).toBe(422);
    const fields = new Set(res.json<Problem>().errors?.map((e) => e.field));
    for (const element of [
      'information',
      'purpose',
      'revocation',
      'expiration',
      'signature',
      'signed_on',
      'tpo_redisclosure_statement',
      'tpo_refusal_consequences',
      'type_rules',
    ]) {
      expect(fields, element).toContain(element);
    }
    const list = await call<{ items: Consent[] }>(
      navigator,
      'GET',
      `/api/v1/patients/${patient.id}/consents`,
    );
    expect(list.items).toEqual([]);
  });

  it('records a consent naming two CBOs; each reads the patient with the §2.32 notice, ledgered', async () => {
    consent = await call<Consent>(
      navigator,
      'POST',
      `/api/v1/patients/${patient.id}/consents`,
      tpoConsent([orgA, orgB]),
      201,
    );
    expect(consent.state).toBe('active');
    expect(consent.recipients.map((r) => r.organizationId)).toEqual([orgA, orgB]);
    for (const c of [cboA, cboB]) {
      const seen = await call<Patient>(c, 'GET', `/api/v1/patients/${patient.id}`);
      expect(seen.access).toBe('consent');
      expect(seen.securityLabels).toContain('NORDSCLCD');
      expect(seen.disclosure?.statement).toMatch(/^This record which has been disclosed to you is protected/);
      expect(seen.disclosure?.scope?.consentId).toBe(consent.id);
      const list = await call<{ items: Patient[] }>(c, 'GET', '/api/v1/patients');
      expect(list.items.map((p) => p.id)).toContain(patient.id);
    }
    const rows = await t.deps.db.select().from(disclosures).where(eq(disclosures.patientId, patient.id));
    expect(rows.filter((r) => r.recipientOrgId === orgA)).toHaveLength(2); // the read and the list
    expect(rows.every((r) => r.consentId === consent.id && r.purpose === 'TREAT')).toBe(true);
  });

  it('keeps the consent list and the accounting to the holder', async () => {
    expect((await cboA.request('GET', `/api/v1/patients/${patient.id}/consents`)).statusCode).toBe(404);
    expect((await cboBAdmin.request('GET', `/api/v1/patients/${patient.id}/disclosures`)).statusCode).toBe(
      404,
    );
    // A role without the action gets 404 too for another organization's patient (403 only on its own).
    expect((await cboA.request('GET', `/api/v1/patients/${patient.id}/disclosures`)).statusCode).toBe(404);
    expect(
      (
        await cboA.request('POST', `/api/v1/consents/${consent.id}/revoke`, {
          writtenRequest: { method: 'letter', receivedOn: '2026-11-23' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('revokes for one recipient: that CBO is cut off on its next request, the other keeps reading', async () => {
    const recipientA = consent.recipients.find((r) => r.organizationId === orgA);
    const revoked = await call<Consent>(navigator, 'POST', `/api/v1/consents/${consent.id}/revoke`, {
      recipientIds: [recipientA?.id],
      writtenRequest: { method: 'signed_form', receivedOn: '2026-11-23' },
    });
    expect(revoked.state).toBe('active');
    expect(revoked.recipients.find((r) => r.organizationId === orgA)?.revokedAt).not.toBeNull();
    expect((await cboA.request('GET', `/api/v1/patients/${patient.id}`)).statusCode).toBe(404);
    const list = await call<{ items: Patient[] }>(cboA, 'GET', '/api/v1/patients');
    expect(list.items.map((p) => p.id)).not.toContain(patient.id);
    expect((await call<Patient>(cboB, 'GET', `/api/v1/patients/${patient.id}`)).access).toBe('consent');
  });

  it('accounts for every disclosure, including those before the revocation (JSON, CSV, PDF)', async () => {
    const report = await call<{
      items: Array<{ recipientOrganizationId: string; purpose: string; description: string }>;
    }>(navigator, 'GET', `/api/v1/patients/${patient.id}/disclosures`);
    expect(report.items.filter((i) => i.recipientOrganizationId === orgA)).toHaveLength(2);
    expect(report.items.filter((i) => i.recipientOrganizationId === orgB).length).toBeGreaterThanOrEqual(3);
    const csv = await navigator.request('GET', `/api/v1/patients/${patient.id}/disclosures?format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^date_time,recipient_organization/);
    const pdf = await navigator.request(
      'GET',
      `/api/v1/patients/${patient.id}/disclosures?format=pdf&language=es`,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const empty = await call<{ items: unknown[] }>(
      navigator,
      'GET',
      `/api/v1/patients/${patient.id}/disclosures?from=2020-01-01&to=2020-12-31`,
    );
    expect(empty.items).toEqual([]);
  });

  it('prints the recorded consent and a blank form as PDF, in English and Spanish', async () => {
    for (const url of [
      `/api/v1/consents/${consent.id}/form.pdf?language=es`,
      `/api/v1/patients/${patient.id}/consent-form.pdf?type=counseling_notes&language=en`,
    ]) {
      const res = await navigator.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('suspends a consent suspected to be false, and ends one whose expiry event happened', async () => {
    const second = await call<Consent>(
      navigator,
      'POST',
      `/api/v1/patients/${patient.id}/consents`,
      tpoConsent([orgA]),
      201,
    );
    expect((await cboA.request('GET', `/api/v1/patients/${patient.id}`)).statusCode).toBe(200);
    const suspended = await call<Consent>(navigator, 'POST', `/api/v1/consents/${second.id}/suspect`, {
      reason: 'signature does not match',
    });
    expect(suspended.state).toBe('suspended');
    expect((await cboA.request('GET', `/api/v1/patients/${patient.id}`)).statusCode).toBe(404);
    const ended = await call<Consent>(navigator, 'POST', `/api/v1/consents/${consent.id}/expiry-event`, {
      occurredOn: '2026-11-23',
    });
    expect(ended.state).toBe('expired');
    expect((await cboB.request('GET', `/api/v1/patients/${patient.id}`)).statusCode).toBe(404);
  });

  it('applies an agreed restriction before any consent; a paid-in-full one cannot be declined', async () => {
    await call(navigator, 'POST', `/api/v1/patients/${patient.id}/consents`, tpoConsent([orgB]), 201);
    const restriction = await call<{ decision: string }>(
      navigator,
      'POST',
      `/api/v1/patients/${patient.id}/restrictions`,
      {
        description: 'No disclosure to this organization for payment',
        organizationId: orgB,
        purposes: ['HPAYMT'],
        receivedOn: '2026-11-23',
        decision: 'agreed',
      },
      201,
    );
    expect(restriction.decision).toBe('agreed');
    expect((await cboB.request('GET', `/api/v1/patients/${patient.id}?purpose=HPAYMT`)).statusCode).toBe(404);
    expect((await cboB.request('GET', `/api/v1/patients/${patient.id}?purpose=TREAT`)).statusCode).toBe(200);
    const declined = await navigator.request('POST', `/api/v1/patients/${patient.id}/restrictions`, {
      description: 'Paid myself',
      organizationId: orgB,
      purposes: ['HPAYMT'],
      receivedOn: '2026-11-23',
      decision: 'declined',
      paidInFull: true,
      itemOrService: 'Visit 2026-11-01',
      paidBy: 'Patient',
    });
    expect(declined.statusCode).toBe(400);
  });

  it("ends an agreed restriction at the patient's written request, once; the program cannot end it alone", async () => {
    const [agreed] = (
      await call<{ items: Array<{ id: string; decision: string; terminatedAt: string | null }> }>(
        navigator,
        'GET',
        `/api/v1/patients/${patient.id}/restrictions`,
      )
    ).items.filter((r) => r.decision === 'agreed');
    const byProgram = await navigator.request('POST', `/api/v1/restrictions/${agreed?.id}/terminate`, {
      basis: 'program_notice',
      note: 'We told the patient',
    });
    expect(byProgram.statusCode).toBe(400);
    const ended = await call<{ terminatedAt: string | null; terminationBasis: string }>(
      navigator,
      'POST',
      `/api/v1/restrictions/${agreed?.id}/terminate`,
      { basis: 'patient_written', note: 'Letter received 2026-11-23' },
    );
    expect(ended).toMatchObject({ terminationBasis: 'patient_written' });
    expect(ended.terminatedAt).not.toBeNull();
    expect((await cboB.request('GET', `/api/v1/patients/${patient.id}?purpose=HPAYMT`)).statusCode).toBe(200);
    const again = await navigator.request('POST', `/api/v1/restrictions/${agreed?.id}/terminate`, {
      basis: 'patient_written',
      note: 'Twice',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await cboBAdmin.request('POST', `/api/v1/restrictions/${agreed?.id}/terminate`, {
          basis: 'patient_written',
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('logs a written request for the §2.24 list, due 30 days after receipt, on a worklist until fulfilled', async () => {
    const future = await navigator.request(
      'POST',
      `/api/v1/patients/${patient.id}/disclosure-list-requests`,
      {
        receivedOn: '2026-12-01',
      },
    );
    expect(future.statusCode).toBe(400);
    const logged = await call<{ id: string; dueOn: string; overdue: boolean }>(
      navigator,
      'POST',
      `/api/v1/patients/${patient.id}/disclosure-list-requests`,
      { receivedOn: '2026-11-01', note: 'Letter' },
      201,
    );
    expect(logged).toMatchObject({ dueOn: '2026-12-01', overdue: false });
    const own = await call<{ items: Array<{ id: string }> }>(
      navigator,
      'GET',
      `/api/v1/patients/${patient.id}/disclosure-list-requests`,
    );
    expect(own.items.map((i) => i.id)).toEqual([logged.id]);
    const manager = await t.login('manager.hospital@demo.handoff.test');
    const open = await call<{ items: Array<{ id: string; patientName: string }> }>(
      manager,
      'GET',
      '/api/v1/disclosure-list-requests',
    );
    expect(open.items.find((i) => i.id === logged.id)?.patientName).toBe('Rosa Delgado-Test');
    expect(
      (await cboBAdmin.request('POST', `/api/v1/disclosure-list-requests/${logged.id}/fulfil`)).statusCode,
    ).toBe(404);
    const done = await call<{ fulfilledAt: string | null }>(
      manager,
      'POST',
      `/api/v1/disclosure-list-requests/${logged.id}/fulfil`,
    );
    expect(done.fulfilledAt).not.toBeNull();
    const after = await call<{ items: Array<{ id: string }> }>(
      manager,
      'GET',
      '/api/v1/disclosure-list-requests',
    );
    expect(after.items.map((i) => i.id)).not.toContain(logged.id);
    expect(
      (await manager.request('POST', `/api/v1/disclosure-list-requests/${logged.id}/fulfil`)).statusCode,
    ).toBe(409);
  });

  it('audits one permit and one deny as consent decisions; the deny names no patient', async () => {
    const reader = await t.login('admin@b.test', 'b passphrase 123');
    const before = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'consent.decide'));
    await reader.request('GET', `/api/v1/patients/${patient.id}`);
    const after = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'consent.decide'));
    const added = after.filter((e) => !before.some((b) => b.id === e.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ outcome: 'success', patientId: patient.id });
    const outsider = await t.login('admin.cbo@demo.handoff.test');
    await outsider.request('GET', `/api/v1/patients/${patient.id}`);
    const denied = (
      await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'consent.decide'))
    ).filter((e) => !after.some((b) => b.id === e.id));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: 'denied', patientId: null });
  });
});
