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
import { grantedScope } from '../../src/domain/identity/permissions.ts';
import { isRole, type Role } from '../../src/domain/identity/vocabulary.ts';
import { skipReason } from '../harness/database.ts';
import { PLACEHOLDER, subjectMaker } from './leak-subjects.ts';
import {
  BREAK_GLASS,
  CONTROL,
  identifyingStrings,
  MADE_UP,
  patientLike,
  REAL,
  type Req,
  type RouteCase,
  ROUTES,
  type Secret,
  type Subject,
  V1,
  walked,
} from './leak-routes.ts';
import {
  assertNothingIdentifying,
  assertSameAnswer,
  type AuditRow,
  auditText,
  type Exchange,
  headerValue,
  normalise,
  type Pair,
  responseText,
  sentText,
  UUID,
} from './leak-compare.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

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
    ['transition id', real.transitionId],
    ['referral id', real.referralId],
    ['message id', real.messageId],
    ['task id', real.taskId],
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
    for (const actor of ACTORS) {
      for (const [key, route] of Object.entries(ROUTES)) {
        if (route.gate !== 'list') continue;
        for (const r of route.requests(PLACEHOLDER, orgC)) {
          baselines.set(
            `${actor.key} ${r.url}`,
            await client(actor.key).request(key.split(' ')[0] ?? 'GET', r.url),
          );
        }
      }
    }

    // The patient, its consent naming CBO A and CBO C, and a break glass by a clinician elsewhere.
    const subjectOf = await subjectMaker({ t, navigator, clinicianOne: client('clinicianOne'), orgA, orgC });
    real = await subjectOf(REAL);
    control = await subjectOf(CONTROL);
    const unknownIds = () => ({
      patientId: randomUUID(),
      consentId: randomUUID(),
      emergencyId: randomUUID(),
      restrictionId: randomUUID(),
      listRequestId: randomUUID(),
      transitionId: randomUUID(),
      referralId: randomUUID(),
      messageId: randomUUID(),
      taskId: randomUUID(),
    });
    unknown = { ...unknownIds(), recipientId: real.recipientId, serviceId: real.serviceId, person: MADE_UP };
    controlUnknown = {
      ...unknownIds(),
      recipientId: control.recipientId,
      serviceId: control.serviceId,
      person: MADE_UP,
    };
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
