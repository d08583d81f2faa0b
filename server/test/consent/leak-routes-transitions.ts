/**
 * The leak test's rows for the transition and referral routes (issue 5), and the bodies its setup sends:
 * every one of these routes goes through `openPatient` for the patient behind the transition or referral.
 */
import type { RouteCase } from './leak-routes.ts';

const V1 = '/api/v1';
const enc = encodeURIComponent;

/** A transition body (the patient id is added) and a thread message with a small PNG attached. */
export const TRANSITION = {
  encounterType: 'ed',
  admittedAt: '2026-11-23T08:00:00Z',
  dischargedAt: '2026-11-23T14:00:00Z',
  oudIdentifiedBy: 'clinician',
  moudPlan: {
    medication: 'buprenorphine',
    formulation: 'sublingual_film',
    dose: '16 mg daily',
    lastDoseAt: '2026-11-23T13:00:00Z',
    bridge: { kind: 'prescription', days: 7 },
    naloxoneGiven: true,
  },
};
export const MESSAGE = {
  body: 'Discharged today; bridge for 7 days.',
  attachment: {
    fileName: 'card.png',
    mediaType: 'image/png',
    contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7]).toString('base64'),
  },
};

/** Transition and referral routes (issue 5): every one goes through `openPatient` for the patient behind it. */
export const TRANSITION_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/transitions': {
    gate: 'list',
    action: 'patient.read',
    requests: ({ person }) => [
      { url: `${V1}/transitions` },
      { url: `${V1}/transitions?q=${enc(person.familyName)}&scope=team&sort=coverage_end` },
      { url: `${V1}/transitions?gap=flagged` },
    ],
  },
  'POST /api/v1/transitions': {
    gate: 'consent',
    action: 'transition.manage',
    controlBy: 'holder',
    requests: ({ patientId }) => [
      {
        url: `${V1}/transitions`,
        body: {
          patientId,
          encounterType: 'ed',
          admittedAt: '2026-11-23T08:00:00Z',
          oudIdentifiedBy: 'clinician',
        },
        control: 201,
      },
    ],
  },
  'GET /api/v1/transitions/{id}': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ transitionId }) => [{ url: `${V1}/transitions/${transitionId}`, control: 200 }],
  },
  'PATCH /api/v1/transitions/{id}': {
    gate: 'consent',
    action: 'transition.manage',
    controlBy: 'holder',
    // No If-Match: the holder gets 428, a denied actor the decision's 404 first.
    requests: ({ transitionId }) => [
      { url: `${V1}/transitions/${transitionId}`, body: { careNeeds: ['food'] }, control: 428 },
    ],
  },
  'POST /api/v1/transitions/{id}/referrals': {
    gate: 'consent',
    action: 'referral.send',
    controlBy: 'holder',
    requests: ({ transitionId, serviceId }) => [
      { url: `${V1}/transitions/${transitionId}/referrals`, body: { serviceId }, control: 201 },
    ],
  },
  'GET /api/v1/transitions/{id}/packet.pdf': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ transitionId }) => [
      { url: `${V1}/transitions/${transitionId}/packet.pdf`, control: 200 },
      { url: `${V1}/transitions/${transitionId}/packet.pdf?audience=partner&lang=es`, control: 200 },
    ],
  },
  'GET /api/v1/referrals': {
    gate: 'list',
    action: 'patient.read',
    requests: () => [
      { url: `${V1}/referrals` },
      { url: `${V1}/referrals?box=inbox&open=true&sort=ack_due` },
      { url: `${V1}/referrals?box=outbox` },
    ],
  },
  'GET /api/v1/referrals/{id}': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ referralId }) => [{ url: `${V1}/referrals/${referralId}`, control: 200 }],
  },
  'POST /api/v1/referrals/{id}/status': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ referralId }) => [
      {
        url: `${V1}/referrals/${referralId}/status`,
        body: { status: 'cancelled', reason: { code: 'duplicate', text: 'Sent twice' } },
        control: 428,
      },
    ],
  },
  'GET /api/v1/referrals/{id}/messages': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ referralId }) => [{ url: `${V1}/referrals/${referralId}/messages`, control: 200 }],
  },
  'POST /api/v1/referrals/{id}/messages': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ referralId }) => [
      { url: `${V1}/referrals/${referralId}/messages`, body: { body: 'Any news?' }, control: 201 },
    ],
  },
  'POST /api/v1/referrals/{id}/messages/read': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ referralId }) => [
      { url: `${V1}/referrals/${referralId}/messages/read`, body: { upToSeq: 1 }, control: 204 },
    ],
  },
  'GET /api/v1/referrals/{id}/messages/{messageId}/attachment': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ referralId, messageId }) => [
      { url: `${V1}/referrals/${referralId}/messages/${messageId}/attachment`, control: 200 },
    ],
  },
};
