/**
 * The leak test's table (see leak.int.test.ts): the people it registers, and for every patient, consent,
 * restriction, list-request and emergency-access route the server publishes, how to call it and which
 * gate decides it. A new route must get a row here, or the leak test fails.
 */
import type { Action } from '../../src/domain/identity/permissions.ts';
import { tpoConsent } from './fixtures.ts';
import { TASK_ROUTES } from './leak-routes-followup.ts';
import { TRANSITION_ROUTES } from './leak-routes-transitions.ts';

// ---------------------------------------------------------------------------------------------------
// People. The made-up person has values of the same lengths as the real one, so that bodies which echo
// what was sent (a registration) have the same length either way.

export interface Person {
  givenName: string;
  familyName: string;
  mrn: string;
  birthDate: string;
  phone: string;
  memberId: string;
}

export const REAL: Person = {
  givenName: 'Quillon',
  familyName: 'Vantravers-Leak',
  mrn: 'LEAK-77310',
  birthDate: '1979-08-23',
  phone: '+1 555 017 4491',
  memberId: 'MBR-88231',
};
export const MADE_UP: Person = {
  givenName: 'Brantor',
  familyName: 'Oxbridgely-Made',
  mrn: 'MADE-10482',
  birthDate: '1966-02-14',
  phone: '+1 555 013 8826',
  memberId: 'MBR-40517',
};
/** The holder's own control patient: every route must succeed for the holder with the walker's bodies. */
export const CONTROL: Person = {
  givenName: 'Ottoline',
  familyName: 'Control-Holder',
  mrn: 'CTRL-55021',
  birthDate: '1990-01-30',
  phone: '+1 555 019 0077',
  memberId: 'MBR-11904',
};

export const registration = (p: Person) => ({
  givenName: p.givenName,
  familyName: p.familyName,
  birthDate: p.birthDate,
  sex: 'female',
  mrn: p.mrn,
  phones: [{ number: p.phone, use: 'mobile', voicemailOk: false, textOk: true }],
  unhoused: true,
  preferredLanguage: 'es',
  insurance: { kind: 'medicaid', payerName: 'State Medicaid', memberId: p.memberId },
});

/** A string that must not come back to a denied actor, and what it is. */
export type Secret = [label: string, value: string];

/** The strings that identify a person, in the forms a response might carry them. */
export function identifyingStrings(p: Person): Secret[] {
  const digits = p.phone.replace(/\D/g, '');
  const [y, m, d] = p.birthDate.split('-');
  return [
    ['given name', p.givenName],
    ['family name', p.familyName],
    ['MRN', p.mrn],
    ['date of birth', p.birthDate],
    ['date of birth (US)', `${m}/${d}/${y}`],
    ['phone', p.phone],
    ['phone digits', digits],
    ['phone digits', digits.slice(1)],
    ['phone digits', digits.slice(-7)],
    ['insurance member id', p.memberId],
  ];
}

// ---------------------------------------------------------------------------------------------------
// The walker: how to call each patient or consent route. Keys must equal the routes the OpenAPI
// document lists for patients, consents and emergency accesses.

/** What a request is about: the real patient and its consent and emergency access, or unknown ones. */
export interface Subject {
  patientId: string;
  consentId: string;
  emergencyId: string;
  restrictionId: string;
  listRequestId: string;
  transitionId: string;
  referralId: string;
  /** A message of the referral's thread with an attachment. */
  messageId: string;
  /** A follow-up task of the transition (the demo's default pathway makes them at discharge). */
  taskId: string;
  /** A recipient of the consent (the revocation body names it; the same in the real and unknown call). */
  recipientId: string;
  /** A service of a consented partner (referral bodies name it; the same in the real and unknown call). */
  serviceId: string;
  person: Person;
}

export interface Req {
  url: string;
  body?: unknown;
  /** Status the control actor gets on its control subject (id routes). */
  control?: number;
  /** A consented recipient finds the patient with this request (positive control). */
  recipient?: true;
}

/**
 * How a route decides for an actor it does not let in:
 * - `consent`: the decision point (`openPatient`): a role with the action gets the consent decision
 *   (audited `consent.decide` denied, no patient), a role without it the not-found of `authorize`;
 * - `role`: only the role matrix, then a plain not-found (break glass, emergency review);
 * - `list` and `register`: the actor's own organization; what it may not see is simply absent.
 */
export type Gate = 'consent' | 'role' | 'list' | 'register';

export interface RouteCase {
  gate: Gate;
  action: Action;
  /** Who checks the bodies on the control patient: the holder's navigator, its manager, or a clinician. */
  controlBy?: 'holder' | 'manager' | 'clinician';
  requests: (s: Subject, recipientOrgId: string) => Req[];
}

export const V1 = '/api/v1';
export const enc = encodeURIComponent;
export const writtenRequest = { method: 'letter', receivedOn: '2026-11-23' };
export const emergencyBody = {
  recipientName: 'Dr. Okafor',
  recipientAffiliation: 'Lakeside ED',
  nature: 'Unresponsive, suspected overdose',
  consentUnobtainable: true,
};

export const ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/patients': {
    gate: 'list',
    action: 'patient.read',
    requests: ({ person: p }) => [
      { url: `${V1}/patients`, recipient: true },
      { url: `${V1}/patients?q=${enc(p.familyName)}`, recipient: true },
      { url: `${V1}/patients?q=${enc(p.givenName)}`, recipient: true },
      { url: `${V1}/patients?q=${enc(`${p.givenName} ${p.familyName}`)}&birthDate=${p.birthDate}` },
      { url: `${V1}/patients?q=${enc(p.mrn)}` },
      { url: `${V1}/patients?birthDate=${p.birthDate}`, recipient: true },
    ],
  },
  'POST /api/v1/patients': {
    gate: 'register',
    action: 'patient.register',
    requests: ({ person }) => [{ url: `${V1}/patients`, body: registration(person) }],
  },
  'GET /api/v1/patients/{id}': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ patientId }) => [
      { url: `${V1}/patients/${patientId}`, control: 200, recipient: true },
      { url: `${V1}/patients/${patientId}?purpose=ETREAT`, control: 200 },
      { url: `${V1}/patients/${patientId}?purpose=HPAYMT`, control: 200 },
    ],
  },
  'POST /api/v1/patients/{id}/consents': {
    gate: 'consent',
    action: 'consent.record',
    controlBy: 'holder',
    requests: ({ patientId }, org) => [
      { url: `${V1}/patients/${patientId}/consents`, body: tpoConsent([org]), control: 201 },
      // An incomplete consent: the 422 listing missing elements must not come before the decision.
      {
        url: `${V1}/patients/${patientId}/consents`,
        body: { type: 'tpo', recipients: [{ kind: 'organization', organizationId: org }] },
        control: 422,
      },
    ],
  },
  'GET /api/v1/patients/{id}/consents': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ patientId }) => [{ url: `${V1}/patients/${patientId}/consents`, control: 200 }],
  },
  'POST /api/v1/consents/{id}/revoke': {
    gate: 'consent',
    action: 'consent.revoke',
    controlBy: 'holder',
    requests: ({ consentId, recipientId }) => [
      {
        url: `${V1}/consents/${consentId}/revoke`,
        body: { recipientIds: [recipientId], writtenRequest },
        control: 200,
      },
    ],
  },
  'POST /api/v1/consents/{id}/suspect': {
    gate: 'consent',
    action: 'consent.revoke',
    controlBy: 'holder',
    requests: ({ consentId }) => [
      {
        url: `${V1}/consents/${consentId}/suspect`,
        body: { reason: 'signature looks traced' },
        control: 200,
      },
    ],
  },
  'POST /api/v1/consents/{id}/expiry-event': {
    gate: 'consent',
    action: 'consent.revoke',
    controlBy: 'holder',
    requests: ({ consentId }) => [
      { url: `${V1}/consents/${consentId}/expiry-event`, body: { occurredOn: '2026-11-23' }, control: 200 },
    ],
  },
  'GET /api/v1/consents/{id}/form.pdf': {
    gate: 'consent',
    action: 'consent.record',
    controlBy: 'holder',
    requests: ({ consentId }) => [
      { url: `${V1}/consents/${consentId}/form.pdf?language=es`, control: 200 },
      { url: `${V1}/consents/${consentId}/form.pdf`, control: 200 },
    ],
  },
  'GET /api/v1/patients/{id}/consent-form.pdf': {
    gate: 'consent',
    action: 'consent.record',
    controlBy: 'holder',
    requests: ({ patientId }) => [
      { url: `${V1}/patients/${patientId}/consent-form.pdf?type=tpo&language=en`, control: 200 },
      { url: `${V1}/patients/${patientId}/consent-form.pdf?type=counseling_notes&language=es`, control: 200 },
    ],
  },
  'GET /api/v1/patients/{id}/disclosures': {
    gate: 'consent',
    action: 'disclosure.report',
    controlBy: 'holder',
    requests: ({ patientId }) => [
      { url: `${V1}/patients/${patientId}/disclosures`, control: 200 },
      { url: `${V1}/patients/${patientId}/disclosures?format=csv`, control: 200 },
      { url: `${V1}/patients/${patientId}/disclosures?format=pdf&language=es`, control: 200 },
      { url: `${V1}/patients/${patientId}/disclosures?kind=intermediary&from=2020-01-01`, control: 200 },
    ],
  },
  'POST /api/v1/patients/{id}/restrictions': {
    gate: 'consent',
    action: 'restriction.manage',
    controlBy: 'holder',
    requests: ({ patientId }, org) => [
      {
        url: `${V1}/patients/${patientId}/restrictions`,
        body: {
          description: 'No disclosure to this organization for payment',
          organizationId: org,
          purposes: ['HPAYMT'],
          receivedOn: '2026-11-23',
          decision: 'agreed',
        },
        control: 201,
      },
    ],
  },
  'GET /api/v1/patients/{id}/restrictions': {
    gate: 'consent',
    action: 'restriction.manage',
    controlBy: 'holder',
    requests: ({ patientId }) => [{ url: `${V1}/patients/${patientId}/restrictions`, control: 200 }],
  },
  'POST /api/v1/patients/{id}/emergency-access': {
    gate: 'role',
    action: 'emergency.access',
    controlBy: 'clinician',
    requests: ({ patientId }) => [
      {
        url: `${V1}/patients/${patientId}/emergency-access`,
        body: emergencyBody,
        control: 201,
      },
    ],
  },
  'POST /api/v1/restrictions/{id}/terminate': {
    gate: 'consent',
    action: 'restriction.manage',
    controlBy: 'holder',
    requests: ({ restrictionId }) => [
      {
        url: `${V1}/restrictions/${restrictionId}/terminate`,
        body: { basis: 'patient_written', note: 'Letter of 2026-11-23' },
        control: 200,
      },
    ],
  },
  'POST /api/v1/patients/{id}/disclosure-list-requests': {
    gate: 'consent',
    action: 'disclosure.report',
    controlBy: 'holder',
    requests: ({ patientId }) => [
      {
        url: `${V1}/patients/${patientId}/disclosure-list-requests`,
        body: { receivedOn: '2026-11-20' },
        control: 201,
      },
    ],
  },
  'GET /api/v1/patients/{id}/disclosure-list-requests': {
    gate: 'consent',
    action: 'disclosure.report',
    controlBy: 'holder',
    requests: ({ patientId }) => [
      { url: `${V1}/patients/${patientId}/disclosure-list-requests`, control: 200 },
    ],
  },
  'GET /api/v1/disclosure-list-requests': {
    gate: 'list',
    action: 'disclosure.report',
    requests: () => [
      { url: `${V1}/disclosure-list-requests` },
      { url: `${V1}/disclosure-list-requests?status=all` },
    ],
  },
  'POST /api/v1/disclosure-list-requests/{id}/fulfil': {
    gate: 'role',
    action: 'disclosure.report',
    controlBy: 'holder',
    requests: ({ listRequestId }) => [
      { url: `${V1}/disclosure-list-requests/${listRequestId}/fulfil`, body: {}, control: 200 },
    ],
  },
  'GET /api/v1/emergency-accesses': {
    gate: 'list',
    action: 'emergency.review',
    requests: () => [{ url: `${V1}/emergency-accesses` }, { url: `${V1}/emergency-accesses?status=all` }],
  },
  'POST /api/v1/emergency-accesses/{id}/review': {
    gate: 'role',
    action: 'emergency.review',
    controlBy: 'manager',
    requests: ({ emergencyId }) => [
      { url: `${V1}/emergency-accesses/${emergencyId}/review`, body: { note: 'Checked' }, control: 200 },
    ],
  },
};

Object.assign(ROUTES, TRANSITION_ROUTES, TASK_ROUTES);

export const BREAK_GLASS = 'POST /api/v1/patients/{id}/emergency-access';

/** The paths the issue names: patient ids, consent ids, the patient list, emergency accesses. */
export const walked = (path: string) =>
  path === '/api/v1/patients' ||
  (path.startsWith('/api/v1/patients/') && path.includes('{id}')) ||
  path.startsWith('/api/v1/consents/{id}') ||
  path.startsWith('/api/v1/restrictions/{id}') ||
  path.startsWith('/api/v1/disclosure-list-requests') ||
  path.startsWith('/api/v1/emergency-accesses') ||
  path.startsWith('/api/v1/transitions') ||
  path.startsWith('/api/v1/referrals') ||
  path.startsWith('/api/v1/tasks');
/** Anything else that looks like patient data must be walked too (a new route fails the coverage test). */
export const patientLike = (path: string) =>
  /patient|consent|disclos|restriction|emergenc|transition|referral|task/i.test(path);
