/**
 * The leak test's subjects, made through the API as the hospital would: a registered person with a consent
 * naming CBO A and CBO C, a break glass by a clinician of another hospital, an agreed restriction, a §2.24
 * list request, and a discharged transition with a referral to CBO A, a thread message with an attachment
 * and the follow-up task the discharge made. Also the placeholder subject of the list baselines.
 */
import { eq } from 'drizzle-orm';
import { services, tasks } from '../../src/db/schema/index.ts';
import type { TestApp, TestClient } from '../support/test-app.ts';
import { tpoConsent } from './fixtures.ts';
import { MESSAGE, TRANSITION } from './leak-routes-transitions.ts';
import { emergencyBody, REAL, registration, type Person, type Subject, V1 } from './leak-routes.ts';

/** The lists' baseline subject: no ids (list routes use none). */
export const PLACEHOLDER: Subject = {
  patientId: '',
  consentId: '',
  emergencyId: '',
  restrictionId: '',
  listRequestId: '',
  recipientId: '',
  transitionId: '',
  referralId: '',
  taskId: '',
  messageId: '',
  serviceId: '',
  person: REAL,
};

async function post(c: TestClient, url: string, body: unknown, status: number) {
  const res = await c.request('POST', url, body);
  if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; recipients?: Array<{ id: string; organizationId: string | null }> }>();
}

export interface SubjectMakers {
  t: TestApp;
  navigator: TestClient;
  /** The clinician elsewhere who breaks the glass. */
  clinicianOne: TestClient;
  orgA: string;
  orgC: string;
}

export async function subjectMaker(m: SubjectMakers): Promise<(person: Person) => Promise<Subject>> {
  const partnerServices = await m.t.deps.db
    .select({ id: services.id, organizationId: services.organizationId })
    .from(services)
    .where(eq(services.status, 'active'));
  const serviceOf = (org: string) => {
    const found = partnerServices.find((x) => x.organizationId === org);
    if (!found) throw new Error('the demo CBO has no active service');
    return found.id;
  };
  const { navigator } = m;
  return async (person) => {
    const patient = await post(navigator, `${V1}/patients`, registration(person), 201);
    const consent = await post(
      navigator,
      `${V1}/patients/${patient.id}/consents`,
      tpoConsent([m.orgA, m.orgC]),
      201,
    );
    const emergency = await post(
      m.clinicianOne,
      `${V1}/patients/${patient.id}/emergency-access`,
      emergencyBody,
      201,
    );
    const restriction = await post(
      navigator,
      `${V1}/patients/${patient.id}/restrictions`,
      {
        description: 'No disclosure for operations',
        organizationId: null,
        purposes: ['HOPERAT'],
        receivedOn: '2026-11-23',
        decision: 'agreed',
      },
      201,
    );
    const listRequest = await post(
      navigator,
      `${V1}/patients/${patient.id}/disclosure-list-requests`,
      { receivedOn: '2026-11-22' },
      201,
    );
    const transition = await post(
      navigator,
      `${V1}/transitions`,
      { ...TRANSITION, patientId: patient.id },
      201,
    );
    const referral = await post(
      navigator,
      `${V1}/transitions/${transition.id}/referrals`,
      { serviceId: serviceOf(m.orgA) },
      201,
    );
    const message = await post(navigator, `${V1}/referrals/${referral.id}/messages`, MESSAGE, 201);
    const [task] = await m.t.deps.db
      .select()
      .from(tasks)
      .where(eq(tasks.transitionId, transition.id))
      .limit(1);
    if (!task) throw new Error('the discharge made no follow-up task');
    return {
      patientId: patient.id,
      consentId: consent.id,
      emergencyId: emergency.id,
      restrictionId: restriction.id,
      listRequestId: listRequest.id,
      recipientId: consent.recipients?.find((r) => r.organizationId === m.orgA)?.id ?? '',
      transitionId: transition.id,
      referralId: referral.id,
      messageId: message.id,
      taskId: task.id,
      serviceId: serviceOf(m.orgC),
      person,
    };
  };
}
