/**
 * The leak test (part2-privacy.md P4, P21, P22): for every actor the consent denies, every REST route
 * that takes a patient, consent or emergency-access id, lists patients or registers one answers the real
 * id (or the real patient's name, MRN, date of birth) exactly as it answers an unknown id (or a made-up
 * person): same status, same body apart from the request id, same headers, same length, and nothing
 * identifying in the body or headers. The routes are read from the server's OpenAPI document, and the test
 * fails when a patient or consent route appears that the walker below does not know how to call.
 *
 * It also proves that a denial writes nothing to the disclosure ledger, that it is audited as a
 * `consent.decide` denial naming no patient (a role without the route's action: as that action's
 * denial), and that the audit trail of the real request looks like the audit trail of the unknown one
 * (an organization's administrators can read their members' events, so the trail is one more thing
 * that "comes back"). Positive controls show the walk is not vacuous: the holder gets a success from
 * every route with the same bodies, and CBO A, while a consent names it, reads the patient and finds it
 * in the list.
 *
 * Actors: a CBO the patient's consent does not name; a CBO of another network; a clinician of another
 * hospital whose colleague broke the glass for this patient; CBO A (its intake user and its
 * administrator) after the consent is revoked for it. §2.51 break glass reveals the patient's existence
 * to a clinician by design (documented and audited, P19), so that one route is checked separately for
 * clinicians.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../src/app/context.ts';
import { createUser } from '../../src/app/members/create-user.ts';
import { createNetwork } from '../../src/app/network/create-network.ts';
import { createOrganization } from '../../src/app/organizations/create-organization.ts';
import { createOrganizationInput } from '../../src/app/organizations/schemas.ts';
import { auditEvents, disclosures, organizations } from '../../src/db/schema/index.ts';
import { grantedScope, type Action } from '../../src/domain/identity/permissions.ts';
import { isRole, type Role } from '../../src/domain/identity/vocabulary.ts';
import { skipReason } from '../harness/database.ts';
import { tpoConsent } from './fixtures.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

// ---------------------------------------------------------------------------------------------------
// People. The made-up person has values of the same lengths as the real one, so that bodies which echo
// what was sent (a registration) have the same length either way.

interface Person {
  givenName: string;
  familyName: string;
  mrn: string;
  birthDate: string;
  phone: string;
  memberId: string;
}

const REAL: Person = {
  givenName: 'Quillon',
  familyName: 'Vantravers-Leak',
  mrn: 'LEAK-77310',
  birthDate: '1979-08-23',
  phone: '+1 555 017 4491',
  memberId: 'MBR-88231',
};
const MADE_UP: Person = {
  givenName: 'Brantor',
  familyName: 'Oxbridgely-Made',
  mrn: 'MADE-10482',
  birthDate: '1966-02-14',
  phone: '+1 555 013 8826',
  memberId: 'MBR-40517',
};
/** The holder's own control patient: every route must succeed for the holder with the walker's bodies. */
const CONTROL: Person = {
  givenName: 'Ottoline',
  familyName: 'Control-Holder',
  mrn: 'CTRL-55021',
  birthDate: '1990-01-30',
  phone: '+1 555 019 0077',
  memberId: 'MBR-11904',
};

const registration = (p: Person) => ({
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
type Secret = [label: string, value: string];

/** The strings that identify a person, in the forms a response might carry them. */
function identifyingStrings(p: Person): Secret[] {
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
interface Subject {
  patientId: string;
  consentId: string;
  emergencyId: string;
  restrictionId: string;
  listRequestId: string;
  /** A recipient of the consent (the revocation body names it; the same in the real and unknown call). */
  recipientId: string;
  person: Person;
}

interface Req {
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
type Gate = 'consent' | 'role' | 'list' | 'register';

interface RouteCase {
  gate: Gate;
  action: Action;
  /** Who checks the bodies on the control patient: the holder's navigator, its manager, or a clinician. */
  controlBy?: 'holder' | 'manager' | 'clinician';
  requests: (s: Subject, recipientOrgId: string) => Req[];
}

const V1 = '/api/v1';
const enc = encodeURIComponent;
const writtenRequest = { method: 'letter', receivedOn: '2026-11-23' };
const emergencyBody = {
  recipientName: 'Dr. Okafor',
  recipientAffiliation: 'Lakeside ED',
  nature: 'Unresponsive, suspected overdose',
  consentUnobtainable: true,
};

const ROUTES: Record<string, RouteCase> = {
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

const BREAK_GLASS = 'POST /api/v1/patients/{id}/emergency-access';

/** The paths the issue names: patient ids, consent ids, the patient list, emergency accesses. */
const walked = (path: string) =>
  path === '/api/v1/patients' ||
  (path.startsWith('/api/v1/patients/') && path.includes('{id}')) ||
  path.startsWith('/api/v1/consents/{id}') ||
  path.startsWith('/api/v1/restrictions/{id}') ||
  path.startsWith('/api/v1/disclosure-list-requests') ||
  path.startsWith('/api/v1/emergency-accesses');
/** Anything else that looks like patient data must be walked too (a new route fails the coverage test). */
const patientLike = (path: string) => /patient|consent|disclos|restriction|emergenc/i.test(path);

// ---------------------------------------------------------------------------------------------------
// Actors.

type ActorKey = 'otherCbo' | 'otherNetwork' | 'clinician' | 'cboARevoked' | 'cboAAdminRevoked';

/** The walked actors, and the others: the holder's navigator and manager, CBO A while consented, and
 * the clinician who breaks the glass in the setup. */
type ClientKey = ActorKey | 'navigator' | 'manager' | 'cboA' | 'clinicianOne';

interface ActorCase {
  key: ActorKey;
  label: string;
  /** Walked while the consent names CBO A, or after it was revoked for CBO A. */
  when: 'consented' | 'revoked';
}

const ACTORS: ActorCase[] = [
  { key: 'otherCbo', label: "a CBO the patient's consent does not name (intake + admin)", when: 'consented' },
  { key: 'otherNetwork', label: 'a CBO of another network (intake + admin)', when: 'consented' },
  {
    key: 'clinician',
    label: 'a clinician of another hospital (colleague broke the glass)',
    when: 'consented',
  },
  { key: 'cboARevoked', label: 'CBO A intake after the revocation', when: 'revoked' },
  { key: 'cboAAdminRevoked', label: 'CBO A admin after the revocation', when: 'revoked' },
];

// ---------------------------------------------------------------------------------------------------
// Exchanges and their comparison.

interface AuditRow {
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  purpose: string | null;
  via: string;
  details: Record<string, unknown>;
}

interface Exchange {
  method: string;
  url: string;
  body: unknown;
  res: LightMyRequestResponse;
  requestId: string;
  audit: AuditRow[];
  /** Rows the request added to the disclosure ledger: in all, and for the real patient. */
  ledger: { all: number; patient: number };
}

interface Pair {
  real: Exchange;
  unknown: Exchange;
}

const IGNORED_HEADERS = new Set(['date', 'x-request-id']);

const headerValue = (v: string | string[] | number | undefined) =>
  Array.isArray(v) ? v.join(', ') : String(v ?? '');

/** Everything a response carries, as text: status line, headers and body. */
function responseText(res: LightMyRequestResponse): string {
  const headers = Object.entries(res.headers)
    .map(([k, v]) => `${k}: ${headerValue(v)}`)
    .join('\n');
  return `${res.statusCode}\n${headers}\n\n${res.rawPayload.toString('latin1')}`;
}

/** What the actor itself sent: anything in here may come back. */
const sentText = (ex: Exchange) => `${ex.url} ${ex.body === undefined ? '' : JSON.stringify(ex.body)}`;

/** Patient ids in a registration answer (the new patient, or the same-organization duplicates). */
function ownPatientIds(ex: Exchange): string[] {
  if (!/json/.test(headerValue(ex.res.headers['content-type']))) return [];
  const body = ex.res.json<{ id?: unknown; duplicates?: Array<{ id?: unknown }> }>();
  return [body.id, ...(body.duplicates ?? []).map((d) => d.id)].filter(
    (id): id is string => typeof id === 'string',
  );
}

/** Replaces what legitimately differs between the two calls (ids and values sent, request id) by tokens. */
function normalise(text: string, ex: Exchange, s: Subject): string {
  const tokens: Array<[string, string]> = [
    [ex.requestId, '<request-id>'],
    [s.patientId, '<patient-id>'],
    [s.consentId, '<consent-id>'],
    [s.emergencyId, '<emergency-id>'],
    [s.restrictionId, '<restriction-id>'],
    [s.listRequestId, '<list-request-id>'],
    ...ownPatientIds(ex).map((id): [string, string] => [id, '<own-patient-id>']),
    ...Object.entries(s.person).map(([k, v]): [string, string] => [String(v), `<${k}>`]),
  ];
  let out = text;
  for (const [value, token] of tokens) out = out.split(value).join(token);
  return out;
}

function assertSameAnswer(pair: Pair, real: Subject, unknown: Subject) {
  const { real: a, unknown: b } = pair;
  const what = `${a.method} ${a.url} vs ${b.url}`;
  expect(a.res.statusCode, `status of ${what}`).toBe(b.res.statusCode);
  expect(normalise(a.res.body, a, real), `body of ${what}`).toBe(normalise(b.res.body, b, unknown));
  expect(Object.keys(a.res.headers).sort(), `header names of ${what}`).toEqual(
    Object.keys(b.res.headers).sort(),
  );
  for (const [name, value] of Object.entries(a.res.headers)) {
    if (IGNORED_HEADERS.has(name)) continue;
    expect(headerValue(value), `header ${name} of ${what}`).toBe(headerValue(b.res.headers[name]));
  }
  // Content length too: the only differing member, `instance`, is a UUID of fixed length.
  expect(a.res.rawPayload.length, `length of ${what}`).toBe(b.res.rawPayload.length);
}

/** No identifying string of the patient, and no id of it the actor did not send, anywhere in `text`. */
function assertNothingIdentifying(text: string, ex: Exchange, forbidden: Secret[], where: string) {
  const sent = sentText(ex).toLowerCase();
  const haystack = text.toLowerCase();
  for (const [label, value] of forbidden) {
    if (sent.includes(value.toLowerCase())) continue;
    expect(
      haystack.includes(value.toLowerCase()),
      `${where} of ${ex.method} ${ex.url} contains the ${label} ${value}`,
    ).toBe(false);
  }
}

const auditText = (rows: AuditRow[]) => JSON.stringify(rows);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

// ---------------------------------------------------------------------------------------------------

describe.skipIf(skipReason)('leak test: denied actors learn nothing about a patient (P4, P21, P22)', () => {
  let t: TestApp;
  const clients = new Map<ClientKey, TestClient>();
  let orgA: string;
  let orgC: string;
  let real: Subject;
  let unknown: Subject;
  let control: Subject;
  let controlUnknown: Subject;
  /** Responses to the list routes before the patient existed, per actor and URL. */
  const baselines = new Map<string, LightMyRequestResponse>();
  const results = new Map<string, Pair[]>();

  const client = (key: ClientKey): TestClient => {
    const c = clients.get(key);
    if (!c) throw new Error(`no client ${key}`);
    return c;
  };
  const rolesOf = (c: TestClient): Role[] => {
    const m = c.session.memberships.find((x) => x.id === c.session.activeMembershipId);
    return (m?.roles ?? []).filter(isRole);
  };
  const ledgerRows = async () => {
    const [all] = await t.deps.db.select({ n: count() }).from(disclosures);
    const [patient] = await t.deps.db
      .select({ n: count() })
      .from(disclosures)
      .where(eq(disclosures.patientId, real.patientId));
    return { all: all?.n ?? 0, patient: patient?.n ?? 0 };
  };

  async function exchange(c: TestClient, method: string, req: Req): Promise<Exchange> {
    const before = await ledgerRows();
    const res = await c.request(method, req.url, req.body);
    const after = await ledgerRows();
    const ledger = { all: after.all - before.all, patient: after.patient - before.patient };
    const requestId = headerValue(res.headers['x-request-id']);
    const audit = (await t.deps.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId)))
      .sort((x, y) => x.seq - y.seq)
      .map(({ action, outcome, entityType, entityId, patientId, purpose, via, details }) => ({
        action,
        outcome,
        entityType,
        entityId,
        patientId,
        purpose,
        via,
        details,
      }));
    return { method, url: req.url, body: req.body, res, requestId, audit, ledger };
  }

  /** Calls every request of a route with the real subject and with the unknown one, in turn. */
  async function walk(c: TestClient, key: string, a: Subject, b: Subject): Promise<Pair[]> {
    const route = ROUTES[key];
    if (!route) throw new Error(`no route ${key}`);
    const [method] = key.split(' ');
    const reals = route.requests(a, orgC);
    const unknowns = route.requests(b, orgC);
    const pairs: Pair[] = [];
    for (const [i, r] of reals.entries()) {
      const u = unknowns[i];
      if (!u) throw new Error('request lists differ');
      pairs.push({
        real: await exchange(c, method ?? 'GET', r),
        unknown: await exchange(c, method ?? 'GET', u),
      });
    }
    return pairs;
  }

  /** The patient's identifying strings and ids; an id may come back only in a request that sent it. */
  const forbiddenStrings = (): Secret[] => [
    ...identifyingStrings(REAL),
    ['patient id', real.patientId],
    ['consent id', real.consentId],
    ['emergency access id', real.emergencyId],
    ['restriction id', real.restrictionId],
    ['list request id', real.listRequestId],
    ['consent recipient id', real.recipientId],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const op = operatorActor();
    const navigator = await t.login('navigator@demo.handoff.test');
    const cboA = await t.login('intake@demo.handoff.test');
    clients.set('navigator', navigator);
    clients.set('cboA', cboA);
    clients.set('manager', await t.login('manager.hospital@demo.handoff.test'));
    orgA = activeOrg(cboA);
    const hospital = activeOrg(navigator);
    const orgs = await t.deps.db
      .select({ id: organizations.id, kind: organizations.kind, net: organizations.networkId })
      .from(organizations)
      .orderBy(organizations.name);
    const home = orgs.find((o) => o.id === hospital);
    const cbos = orgs.filter((o) => o.net === home?.net && o.kind === 'cbo' && o.id !== orgA);
    const otherHospital = orgs.find((o) => o.net === home?.net && o.kind === 'hospital' && o.id !== hospital);
    const [c, b] = cbos;
    if (!c || !b || !otherHospital)
      throw new Error('the demo network lacks the organizations this test needs');
    orgC = c.id;

    // A CBO the patient's consent does not name; its user is also its administrator (reads the audit
    // trail, reviews emergency accesses), so every consent route reaches the decision point.
    for (const role of ['cbo_intake', 'org_admin']) {
      await createUser(t.deps, op, {
        email: 'leak@other-cbo.test',
        password: 'leak passphrase 123',
        organization: b.id,
        role,
      });
    }
    // Two clinicians of another hospital: one breaks the glass for the patient, the other is walked.
    for (const email of ['er.one@lakeside.test', 'er.two@lakeside.test']) {
      await createUser(t.deps, op, {
        email,
        password: 'leak passphrase 123',
        organization: otherHospital.id,
        role: 'clinician',
      });
    }
    // Another network with a CBO of its own.
    const network = await createNetwork(t.deps, op, { slug: 'leak-elsewhere', name: 'Elsewhere' });
    const elsewhere = await createOrganization(
      t.deps,
      op,
      createOrganizationInput.parse({
        slug: 'elsewhere-recovery',
        kind: 'cbo',
        cboSubtype: 'obot',
        name: 'Elsewhere Recovery',
      }),
      network.id,
    );
    for (const role of ['cbo_intake', 'org_admin']) {
      await createUser(t.deps, op, {
        email: 'leak@elsewhere.test',
        password: 'leak passphrase 123',
        organization: elsewhere.id,
        role,
      });
    }
    clients.set('otherCbo', await t.login('leak@other-cbo.test', 'leak passphrase 123'));
    clients.set('otherNetwork', await t.login('leak@elsewhere.test', 'leak passphrase 123'));
    clients.set('clinicianOne', await t.login('er.one@lakeside.test', 'leak passphrase 123'));
    clients.set('clinician', await t.login('er.two@lakeside.test', 'leak passphrase 123'));
    clients.set('cboARevoked', cboA);
    clients.set('cboAAdminRevoked', await t.login('admin.cbo@demo.handoff.test'));

    // Baselines: what each actor's lists look like before the patient exists.
    const placeholder: Subject = {
      patientId: '',
      consentId: '',
      emergencyId: '',
      restrictionId: '',
      listRequestId: '',
      recipientId: '',
      person: REAL,
    };
    for (const actor of ACTORS) {
      for (const [key, route] of Object.entries(ROUTES)) {
        if (route.gate !== 'list') continue;
        for (const r of route.requests(placeholder, orgC)) {
          baselines.set(
            `${actor.key} ${r.url}`,
            await client(actor.key).request(key.split(' ')[0] ?? 'GET', r.url),
          );
        }
      }
    }

    // The patient, its consent naming CBO A and CBO C, and a break glass by a clinician elsewhere.
    const setup = async (c: TestClient, url: string, body: unknown, status: number) => {
      const res = await c.request('POST', url, body);
      if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string; recipients?: Array<{ id: string; organizationId: string | null }> }>();
    };
    const subjectOf = async (person: Person): Promise<Subject> => {
      const patient = await setup(navigator, `${V1}/patients`, registration(person), 201);
      const consent = await setup(
        navigator,
        `${V1}/patients/${patient.id}/consents`,
        tpoConsent([orgA, orgC]),
        201,
      );
      const emergency = await setup(
        client('clinicianOne'),
        `${V1}/patients/${patient.id}/emergency-access`,
        emergencyBody,
        201,
      );
      const restriction = await setup(
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
      const listRequest = await setup(
        navigator,
        `${V1}/patients/${patient.id}/disclosure-list-requests`,
        { receivedOn: '2026-11-22' },
        201,
      );
      const recipientId = consent.recipients?.find((r) => r.organizationId === orgA)?.id ?? '';
      return {
        patientId: patient.id,
        consentId: consent.id,
        emergencyId: emergency.id,
        restrictionId: restriction.id,
        listRequestId: listRequest.id,
        recipientId,
        person,
      };
    };
    real = await subjectOf(REAL);
    control = await subjectOf(CONTROL);
    const unknownIds = () => ({
      patientId: randomUUID(),
      consentId: randomUUID(),
      emergencyId: randomUUID(),
      restrictionId: randomUUID(),
      listRequestId: randomUUID(),
    });
    unknown = { ...unknownIds(), recipientId: real.recipientId, person: MADE_UP };
    controlUnknown = { ...unknownIds(), recipientId: control.recipientId, person: MADE_UP };
  });
  afterAll(() => t.close());

  it('walks exactly the patient, consent and emergency-access routes the server publishes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const { paths } = res.json<{ paths: Record<string, Record<string, unknown>> }>();
    const published = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ key: `${m.toUpperCase()} ${path}`, path })),
    );
    const selected = published.filter((r) => walked(r.path)).map((r) => r.key);
    expect(selected.sort(), 'a new patient/consent route needs a row in ROUTES').toEqual(
      Object.keys(ROUTES).sort(),
    );
    const unwalked = published.filter((r) => patientLike(r.path) && !walked(r.path)).map((r) => r.key);
    expect(unwalked, 'patient-like routes outside the walked paths').toEqual([]);
  });

  it('positive control: the holder succeeds on every id route with the walker’s own bodies', async () => {
    for (const [key, route] of Object.entries(ROUTES)) {
      if (!route.controlBy) continue;
      const c = client(
        route.controlBy === 'holder'
          ? 'navigator'
          : route.controlBy === 'manager'
            ? 'manager'
            : 'clinicianOne',
      );
      const pairs = await walk(c, key, control, controlUnknown);
      for (const [i, { real: a, unknown: b }] of pairs.entries()) {
        expect(a.res.statusCode, `${key} #${i}: ${a.res.body.slice(0, 300)}`).toBe(
          route.requests(control, orgC)[i]?.control,
        );
        expect(b.res.statusCode, `${key} #${i} unknown`).toBe(404);
      }
    }
  });

  it('positive control: CBO A, named by the consent, reads the patient and finds it in the list (ledgered)', async () => {
    const cboA = client('cboA');
    for (const key of ['GET /api/v1/patients/{id}', 'GET /api/v1/patients']) {
      const reqs = ROUTES[key]?.requests(real, orgC) ?? [];
      const pairs = await walk(cboA, key, real, unknown);
      for (const [i, { real: a, unknown: b }] of pairs.entries()) {
        if (!reqs[i]?.recipient) continue;
        expect(a.res.statusCode, a.url).toBe(200);
        expect(a.res.body, a.url).toContain(real.patientId);
        expect(a.res.body, a.url).toContain(REAL.familyName);
        expect(a.ledger.patient, `ledger after ${a.url}`).toBe(1);
        if (b.url === a.url) continue; // the plain list: the same request twice
        expect(b.res.body, b.url).not.toContain(real.patientId);
        expect(b.res.statusCode === 404 || b.res.body === '{"items":[]}', b.url).toBe(true);
      }
    }
  });

  const walkTests = (actor: ActorCase) => {
    for (const [key, route] of Object.entries(ROUTES)) {
      if (route.gate === 'register') continue;
      if (actor.key === 'clinician' && key === BREAK_GLASS) continue; // by design, below
      routeTests(actor, key, route);
    }
  };

  function routeTests(actor: ActorCase, key: string, route: RouteCase) {
    const id = `${actor.key} ${key}`;
    it(`${actor.label}: ${key} answers the real ${route.gate === 'list' || route.gate === 'register' ? 'person' : 'id'} like an unknown one`, async () => {
      const pairs = await walk(client(actor.key), key, real, unknown);
      results.set(id, pairs);
      const forbidden = forbiddenStrings();
      for (const pair of pairs) {
        assertSameAnswer(pair, real, unknown);
        assertNothingIdentifying(responseText(pair.real.res), pair.real, forbidden, 'response');
        assertNothingIdentifying(responseText(pair.unknown.res), pair.unknown, forbidden, 'response');
        if (route.gate === 'list') {
          // And exactly what the actor got before the patient existed: no counts, no hidden markers.
          const before = baselines.get(`${actor.key} ${pair.real.url}`);
          expect(before, pair.real.url).toBeDefined();
          if (!before) continue;
          expect(pair.real.res.statusCode).toBe(before.statusCode);
          const strip = (r: LightMyRequestResponse) =>
            r.body.split(headerValue(r.headers['x-request-id'])).join('<request-id>');
          expect(strip(pair.real.res), `${pair.real.url} before and after`).toBe(strip(before));
          expect(Object.keys(pair.real.res.headers).sort()).toEqual(Object.keys(before.headers).sort());
        }
      }
    });

    it(`${actor.label}: ${key} writes no disclosure and the same audit trail, naming no patient`, async () => {
      const pairs = results.get(id);
      expect(pairs, 'the answer test ran first').toBeDefined();
      const roles = rolesOf(client(actor.key));
      const hasAction = grantedScope(roles, route.action) !== undefined;
      const forbidden = forbiddenStrings();
      for (const { real: a, unknown: b } of pairs ?? []) {
        // Nothing about this patient in the ledger; other patients the actor may see are ledgered alike.
        expect(a.ledger.patient, `ledger after ${a.url}`).toBe(0);
        expect(b.ledger.patient, `ledger after ${b.url}`).toBe(0);
        expect(a.ledger.all, `ledger after ${a.url} vs ${b.url}`).toBe(b.ledger.all);
        const expected =
          route.gate === 'consent'
            ? [{ action: hasAction ? 'consent.decide' : route.action, outcome: 'denied', patientId: null }]
            : route.gate === 'role'
              ? hasAction
                ? []
                : [{ action: route.action, outcome: 'denied', patientId: null }]
              : undefined;
        if (expected) {
          expect(
            a.audit.map(({ action, outcome, patientId }) => ({ action, outcome, patientId })),
            `audit of ${a.url}`,
          ).toEqual(expected);
        }
        // Other ids (ledger rows, patients the actor may see) are fresh per request: compared as "<uuid>".
        const shape = (ex: Exchange, s: Subject) =>
          ex.audit.map((e) => normalise(JSON.stringify(e), ex, s).replace(UUID, '<uuid>'));
        expect(shape(a, real), `audit of ${a.url} vs ${b.url}`).toEqual(shape(b, unknown));
        for (const ex of [a, b]) assertNothingIdentifying(auditText(ex.audit), ex, forbidden, 'audit trail');
      }
    });
  }

  for (const actor of ACTORS.filter((a) => a.when === 'consented')) walkTests(actor);

  it('revokes the consent for CBO A (per recipient: it stays active for CBO C)', async () => {
    const res = await client('navigator').request('POST', `${V1}/consents/${real.consentId}/revoke`, {
      recipientIds: [real.recipientId],
      writtenRequest: { method: 'signed_form', receivedOn: '2026-11-23' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ state: string }>().state).toBe('active');
  });

  for (const actor of ACTORS.filter((a) => a.when === 'revoked')) walkTests(actor);

  // Registration last: it gives the actor's organization patients of its own (which its lists then show).
  for (const actor of ACTORS)
    routeTests(actor, 'POST /api/v1/patients', ROUTES['POST /api/v1/patients'] as RouteCase);

  it('break glass reveals the patient to a clinician by design: granted, documented and audited (P19)', async () => {
    // The one exception to "same as unknown": §2.51 lets medical personnel learn of and read the patient in an
    // emergency. It is limited to clinical roles, flagged for the holder's review and audited with the patient.
    const pairs = await walk(client('clinician'), BREAK_GLASS, real, unknown);
    for (const { real: a, unknown: b } of pairs) {
      expect(a.res.statusCode, a.res.body).toBe(201);
      expect(b.res.statusCode).toBe(404);
      expect(a.audit).toEqual([
        expect.objectContaining({
          action: 'emergency.access',
          outcome: 'success',
          patientId: real.patientId,
          purpose: 'ETREAT',
        }),
      ]);
      expect(b.audit).toEqual([]);
      const id = a.res.json<{ id: string }>().id;
      const review = await client('manager').request('GET', `${V1}/emergency-accesses`);
      expect(review.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(id);
    }
  });

  it('the denied organizations’ administrators find no patient in their audit trail (GET /audit-events)', async () => {
    const byOrg: Array<[ActorKey, ActorKey[]]> = [
      ['otherCbo', ['otherCbo']],
      ['otherNetwork', ['otherNetwork']],
      ['cboAAdminRevoked', ['cboARevoked', 'cboAAdminRevoked']],
    ];
    const problems: string[] = [];
    for (const [admin, members] of byOrg) {
      const sent = new Map<string, Exchange>();
      for (const [id, pairs] of results) {
        if (!members.some((m) => id.startsWith(`${m} `))) continue;
        for (const p of pairs) for (const ex of [p.real, p.unknown]) sent.set(ex.requestId, ex);
      }
      const res = await client(admin).request('GET', `${V1}/audit-events?limit=500`);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<{ items: Array<AuditRow & { requestId: string | null }> }>().items;
      const mine = items.filter((e) => e.requestId !== null && sent.has(e.requestId));
      expect(mine.length, 'the denials are in the trail').toBeGreaterThan(0);
      const ids = new Map(forbiddenStrings().map(([label, value]) => [value, label]));
      for (const e of mine) {
        const ex = sent.get(e.requestId ?? '');
        if (!ex) continue;
        for (const [field, value] of [
          ['patientId', e.patientId],
          ['entityId', e.entityId],
        ] as const) {
          const label = value === null ? undefined : ids.get(value);
          if (value !== null && label && !sentText(ex).includes(value))
            problems.push(`${admin} sees ${e.action}.${field} = the ${label} after ${ex.method} ${ex.url}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
