/**
 * Referrals for integration tests, made through the API as a navigator would: a registered patient with a
 * consent naming the well-known OBOT, a transition with the navigator on its care team, and a referral sent
 * to one of the OBOT's services. Sign-ins happen when the fixture is made: make it after moving the clock.
 */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { services } from '../../src/db/schema/index.ts';
import type { ReferralView } from '../../src/domain/transitions/views.ts';
import { PATIENT, tpoConsent } from '../consent/fixtures.ts';
import { activeOrg, START, type TestApp, type TestClient } from './test-app.ts';

export interface ReferralFixture {
  navigator: TestClient;
  intake: TestClient;
  partnerOrg: string;
  serviceId: string;
  /** A new patient (MRN unique per call) with a consent naming the OBOT for `categories`, and a transition. */
  prepare(
    mrn: string,
    categories?: string[],
  ): Promise<{ patientId: string; consentId: string; transitionId: string }>;
  /** Sends a referral for a new patient (MRN unique per call); returns the sender's view, its ETag, the consent. */
  send(
    mrn: string,
    urgency?: 'routine' | 'urgent',
  ): Promise<{ view: ReferralView; etag: string; consentId: string }>;
}

async function ok<T>(c: TestClient, method: string, url: string, body: unknown, status: number): Promise<T> {
  const res = await c.request(method, url, body);
  if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

export async function referralFixture(t: TestApp): Promise<ReferralFixture> {
  const navigator = await t.login('navigator@demo.handoff.test');
  const intake = await t.login('intake@demo.handoff.test');
  const partnerOrg = activeOrg(intake);
  const [service] = await t.deps.db
    .select()
    .from(services)
    .where(and(eq(services.organizationId, partnerOrg), eq(services.status, 'active')));
  if (!service) throw new Error('the well-known OBOT has no active service');
  const prepare: ReferralFixture['prepare'] = async (mrn, categories) => {
    const patient = await ok<{ id: string }>(
      navigator,
      'POST',
      '/api/v1/patients',
      { ...PATIENT, mrn, givenName: `Pat${mrn}`, confirmNotDuplicate: true },
      201,
    );
    const consent = await ok<{ id: string }>(
      navigator,
      'POST',
      `/api/v1/patients/${patient.id}/consents`,
      tpoConsent([partnerOrg], categories ? { categories } : undefined),
      201,
    );
    const transition = await ok<{ id: string }>(
      navigator,
      'POST',
      '/api/v1/transitions',
      {
        patientId: patient.id,
        encounterType: 'ed',
        admittedAt: START,
        oudIdentifiedBy: 'screening',
        careTeam: { navigatorMembershipId: navigator.session.activeMembershipId },
      },
      201,
    );
    return { patientId: patient.id, consentId: consent.id, transitionId: transition.id };
  };
  return {
    navigator,
    intake,
    partnerOrg,
    serviceId: service.id,
    prepare,
    async send(mrn, urgency = 'routine') {
      const { consentId, transitionId } = await prepare(mrn);
      const res = await navigator.request('POST', `/api/v1/transitions/${transitionId}/referrals`, {
        serviceId: service.id,
        urgency,
      });
      if (res.statusCode !== 201) throw new Error(`send referral: ${res.statusCode} ${res.body}`);
      return { view: res.json<ReferralView>(), etag: String(res.headers.etag), consentId };
    },
  };
}

/** A request that must answer `status`; its JSON body and ETag. */
export async function expectCall<T>(
  c: TestClient,
  method: string,
  url: string,
  body?: unknown,
  status = 200,
  etag?: string,
): Promise<{ body: T; etag: string }> {
  const res = await c.request(method, url, body, etag ? { 'if-match': etag } : undefined);
  expect(res.statusCode, res.body).toBe(status);
  return { body: res.json<T>(), etag: String(res.headers.etag) };
}
