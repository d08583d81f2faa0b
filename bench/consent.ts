/**
 * Consent benchmark: what the decision point adds to a patient read (issue target: ≤ 1 ms p95 on
 * PostgreSQL). The demo network gets 5,000 seeded patients spread over its hospitals, each with 0–3
 * consents (1–4 recipients, some revoked, expired, suspended or entered in error), restrictions,
 * emergency accesses, treating relationships and MRNs, written with bulk inserts. A member of a recipient
 * organization (the demo intake coordinator of the first OBOT) then reads random patients: a mix of
 * permitted and denied, as the logged decision counts show.
 *
 * Figures (p50, p95 and p99 in ms; one read at a time, in process):
 * - `decision`: steps 1–2 of `openPatient`: `loadAccessFacts` for one id, the role check, the local day
 *   and `decideAccess` (no target). The facts query also returns the patient row, which a read needs
 *   anyway, so this over-states what the decision adds.
 * - `patient_row`: the read without a decision point: the patient row by primary key (no target).
 * - `decision_added`: per iteration, `decision` minus `patient_row` for the same patient, timed back to
 *   back (their order alternating); the percentiles are of those differences, not differences of
 *   percentiles. Target 1 ms: the issue's number. The facts query is a prepared statement
 *   (`load-access-facts.ts`); before it was, this was ~1.4 ms p95 on PostgreSQL (query building and
 *   planning on every read).
 * - `decide_pure`: `decideAccess` alone on the loaded facts (no target; microseconds).
 * - `patient_read`: `GET /api/v1/patients/{id}` through `app.inject` with an API token: authentication,
 *   the decision point, its audit event, the ledger entry and §2.32 notice of a permitted read, and the
 *   view (no target). A denied read answers 404 after the same facts query and an audit write.
 *
 * - `denied_read`, `unknown_read`, `denied_minus_unknown`: P21's timing class — a denied read of an
 *   existing patient and a read of an unknown id, paired through HTTP; the difference should be ~0.
 *
 * BENCH_CONSENT_PATIENTS (default 5,000), BENCH_CONSENT_READS (default 3,000) and BENCH_CONSENT_HTTP_READS
 * (default 1,000, for `patient_read`) change the sizes.
 */
import { randomUUID } from 'node:crypto';
import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import { loadAccessFacts, type PatientFacts } from '../server/src/app/consent/load-access-facts.ts';
import type { Deps, MemberActor } from '../server/src/app/context.ts';
import { authenticateSession } from '../server/src/app/identity/authenticate.ts';
import { login } from '../server/src/app/identity/login.ts';
import { createApiToken } from '../server/src/app/tokens/create-api-token.ts';
import { bulkInsert } from '../server/src/db/bulk.ts';
import {
  consentRecipients,
  consents,
  emergencyAccesses,
  memberships,
  networks,
  organizations,
  patientIdentifiers,
  patients,
  restrictions,
  treatingRelationships,
} from '../server/src/db/schema/index.ts';
import {
  decideAccess,
  type AccessDecision,
  type AccessRequest,
} from '../server/src/domain/consent/decide.ts';
import type {
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
} from '../server/src/domain/consent/vocabulary.ts';
import { DEMO_NETWORK_SLUG } from '../server/src/domain/demo/organizations.ts';
import { FIRST_NAMES, LAST_NAMES } from '../server/src/domain/demo/names.ts';
import { createPrng, type Prng } from '../server/src/domain/demo/prng.ts';
import { grantedScope } from '../server/src/domain/identity/permissions.ts';
import { nameKey } from '../server/src/domain/patients/name-key.ts';
import { INSURANCE_KINDS } from '../server/src/domain/patients/vocabulary.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { localDay } from '../server/src/lib/local-day.ts';
import type { BenchContext } from './lib/context.ts';
import { startBenchServer } from './lib/handoff.ts';
import type { BenchEngine, BenchResult } from './lib/report.ts';

const PATIENTS = Number(process.env.BENCH_CONSENT_PATIENTS ?? 5_000);
const READS = Number(process.env.BENCH_CONSENT_READS ?? 3_000);
/** Full reads over HTTP are slower (audit and ledger writes): fewer of them. */
const HTTP_READS = Number(process.env.BENCH_CONSENT_HTTP_READS ?? 1_000);
const HTTP_WARMUP = 100;
/** Pairs of (denied, unknown) reads for the timing-class figures. */
const TIMING_PAIRS = 600;
/** Unmeasured iterations before each measured series (JIT, plan and buffer caches, pool connections). */
const WARMUP = 300;
/** Rounds of `decideAccess` over every loaded fact set. */
const PURE_ROUNDS = 10;
/** The demo intake coordinator: a member of the first OBOT, the recipient organization of the bench. */
const READER = 'intake@demo.handoff.test';
const DAY_MS = 86_400_000;
const TARGET_MS = 1;

type PatientInsert = typeof patients.$inferInsert;
type ConsentInsert = typeof consents.$inferInsert;
type RecipientInsert = typeof consentRecipients.$inferInsert;
type RestrictionInsert = typeof restrictions.$inferInsert;
type EmergencyInsert = typeof emergencyAccesses.$inferInsert;
type TreatingInsert = typeof treatingRelationships.$inferInsert;
type IdentifierInsert = typeof patientIdentifiers.$inferInsert;

interface Clinician {
  membershipId: string;
  userId: string;
  organizationId: string;
}

interface Network {
  networkId: string;
  hospitals: string[];
  /** Organizations a consent can name (every organization but health systems). */
  recipients: string[];
  /** Hospital → user ids of its members (who register patients and record consents). */
  staff: Map<string, string[]>;
  clinicians: Clinician[];
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const daysFrom = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

async function loadNetwork(deps: Deps): Promise<Network> {
  const [network] = await deps.db.select().from(networks).where(eq(networks.slug, DEMO_NETWORK_SLUG));
  if (!network) throw new Error('no demo network');
  const orgs = await deps.db
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.networkId, network.id))
    .orderBy(organizations.slug);
  const hospitals = orgs.filter((o) => o.kind === 'hospital').map((o) => o.id);
  if (hospitals.length === 0) throw new Error('the demo network has no hospital');
  const members = await deps.db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organizationId: memberships.organizationId,
      roles: memberships.roles,
    })
    .from(memberships)
    .where(and(eq(memberships.networkId, network.id), inArray(memberships.organizationId, hospitals)))
    .orderBy(memberships.id);
  const staff = new Map<string, string[]>();
  for (const m of members) staff.set(m.organizationId, [...(staff.get(m.organizationId) ?? []), m.userId]);
  const clinicians = await deps.db
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      organizationId: memberships.organizationId,
    })
    .from(memberships)
    .where(and(eq(memberships.networkId, network.id), arrayContains(memberships.roles, ['clinician'])))
    .orderBy(memberships.id);
  return {
    networkId: network.id,
    hospitals,
    recipients: orgs.filter((o) => o.kind !== 'health_system').map((o) => o.id),
    staff,
    clinicians,
  };
}

interface Seeded {
  patientIds: string[];
  rows: {
    patients: PatientInsert[];
    identifiers: IdentifierInsert[];
    consents: ConsentInsert[];
    recipients: RecipientInsert[];
    restrictions: RestrictionInsert[];
    emergencies: EmergencyInsert[];
    treating: TreatingInsert[];
  };
}

const TPO: ConsentPurpose[] = ['TREAT', 'HPAYMT', 'HOPERAT'];
const SPECIFIC_PURPOSES: ConsentPurpose[][] = [
  ['TREAT', 'CAREMGT'],
  ['CAREMGT'],
  ['TREAT', 'PATRQT'],
  ['HRESCH'],
  ['HLEGAL'],
];
const CATEGORIES: DataCategory[][] = [['demographics', 'treatment'], ['demographics'], ['treatment']];

/** The patients and their consent facts, drawn from a fixed seed relative to `now`. */
function generate(network: Network, readerOrg: string, now: Date, emergencyMs: number): Seeded {
  const rng: Prng = createPrng(42_000, 'bench-consent');
  const rows: Seeded['rows'] = {
    patients: [],
    identifiers: [],
    consents: [],
    recipients: [],
    restrictions: [],
    emergencies: [],
    treating: [],
  };
  const { networkId } = network;
  const stampOf = (days: number) => daysFrom(now, -days);
  const staffOf = (org: string) => rng.pick(network.staff.get(org) ?? [...network.staff.values()].flat());
  /** An organization other than the excluded ones (the holder, those a consent already names). */
  const otherOrg = (excluded: ReadonlySet<string>) => {
    for (;;) {
      const org = rng.pick(network.recipients);
      if (!excluded.has(org)) return org;
    }
  };
  const patientIds: string[] = [];
  for (let i = 0; i < PATIENTS; i++) {
    const holder = network.hospitals[i % network.hospitals.length] as string;
    const id = rng.uuid();
    patientIds.push(id);
    const given = rng.pick(FIRST_NAMES);
    const family = rng.pick(LAST_NAMES);
    const registered = stampOf(rng.int(1, 900));
    rows.patients.push({
      networkId,
      id,
      holderOrgId: holder,
      givenName: given,
      familyName: family,
      nameKey: nameKey(given, family),
      birthDate: isoDay(daysFrom(now, -rng.int(18 * 365, 75 * 365))),
      sex: rng.pick(['female', 'male', 'other', 'unknown']),
      genderIdentity: null,
      phones: [
        {
          number: `216-555-${String(rng.int(0, 9999)).padStart(4, '0')}`,
          use: 'mobile',
          voicemailOk: rng.chance(0.7),
          textOk: rng.chance(0.6),
        },
      ],
      address: rng.chance(0.85)
        ? { street: `${rng.int(1, 9999)} Euclid Ave`, city: 'Cleveland', state: 'OH', postalCode: '44115' }
        : null,
      unhoused: rng.chance(0.12),
      preferredLanguage: rng.chance(0.15) ? 'es' : 'en',
      insurance: { kind: rng.pick(INSURANCE_KINDS), payerName: null, memberId: null },
      part2: true,
      version: 1,
      createdBy: staffOf(holder),
      createdAt: registered,
      updatedAt: registered,
    });
    rows.identifiers.push({
      networkId,
      patientId: id,
      organizationId: holder,
      value: `BENCH-${String(100_000 + i)}`,
      createdAt: registered,
    });

    // Treating relationships: what class and general-designation recipients need (P6).
    if (rng.chance(0.15)) {
      rows.treating.push({
        networkId,
        patientId: id,
        organizationId: readerOrg,
        basis: 'referral',
        startedAt: registered,
        endedAt: rng.chance(0.2) ? stampOf(rng.int(0, 30)) : null,
      });
    }
    if (rng.chance(0.2)) {
      const org = otherOrg(new Set([holder]));
      if (org !== readerOrg)
        rows.treating.push({
          networkId,
          patientId: id,
          organizationId: org,
          basis: 'referral',
          startedAt: registered,
          endedAt: null,
        });
    }

    const consentCount = rng.pick([0, 1, 1, 1, 2, 2, 3]);
    for (let c = 0; c < consentCount; c++) {
      const consentId = rng.uuid();
      const roll = rng.next();
      const type: ConsentType = roll < 0.6 ? 'tpo' : roll < 0.9 ? 'specific' : 'counseling_notes';
      const purposes: ConsentPurpose[] =
        type === 'tpo'
          ? rng.chance(0.8)
            ? TPO
            : ['TREAT']
          : type === 'specific'
            ? rng.pick(SPECIFIC_PURPOSES)
            : ['TREAT'];
      const categories: DataCategory[] =
        type === 'counseling_notes' ? ['counseling_notes'] : rng.pick(CATEGORIES);
      const recordedAt = stampOf(rng.int(0, 720));
      const expiryRoll = rng.next();
      // A date (most of them: 15 % already past), or an event (a fifth of which has occurred).
      const byDate = expiryRoll < 0.75;
      const expiresOn = byDate
        ? isoDay(daysFrom(now, rng.chance(0.2) ? -rng.int(1, 365) : rng.int(1, 730)))
        : null;
      const eventAt = !byDate && rng.chance(0.2) ? stampOf(rng.int(0, 60)) : null;
      const revoked = rng.chance(0.1);
      const suspended = rng.chance(0.03);
      rows.consents.push({
        networkId,
        id: consentId,
        patientId: id,
        holderOrgId: holder,
        type,
        status: rng.chance(0.02) ? 'entered_in_error' : 'active',
        information: 'Name, date of birth, contact details, OUD treatment and medication, discharge plan',
        categories,
        purposes,
        purposeDescription: 'To arrange and continue treatment after discharge',
        revocationHow: 'In writing to the hospital program at any time',
        expiresOn,
        expiryEvent: byDate ? null : 'When I complete the treatment program',
        expiryEventAt: eventAt,
        expiryEventOn: eventAt ? isoDay(eventAt) : null,
        signatureMethod: rng.pick(['drawn', 'typed', 'paper_scan']),
        signerName: `${given} ${family}`,
        signerCapacity: 'patient',
        signerAuthority: null,
        signatureImage: null,
        signatureContentType: null,
        signedOn: isoDay(recordedAt),
        redisclosureStatement: true,
        refusalConsequences: type === 'tpo' ? 'Treatment does not depend on signing this consent' : null,
        hipaaRedisclosureStatement: type === 'tpo',
        programFundraises: false,
        fundraisingOptOutStatement: false,
        intermediary: false,
        language: 'en',
        noticeVersion: '2024-02',
        recordedBy: staffOf(holder),
        recordedAt,
        revokedAt: revoked ? daysFrom(recordedAt, rng.int(1, 60)) : null,
        suspendedAt: suspended ? stampOf(rng.int(0, 30)) : null,
        suspendedReason: suspended ? 'Signature does not match the record' : null,
        version: 1,
      });
      const recipientCount = rng.int(1, 4);
      const named = new Set<string>([holder]);
      let position = 0;
      for (let r = 0; r < recipientCount; r++) {
        const kindRoll = rng.next();
        const kind: RecipientKind =
          kindRoll < 0.85 ? 'organization' : kindRoll < 0.95 ? 'class' : 'general_designation';
        // The reader's organization is the first named recipient of about half the consents.
        const organizationId =
          kind !== 'organization' ? null : rng.chance(r === 0 ? 0.6 : 0.1) ? readerOrg : otherOrg(named);
        if (organizationId !== null && named.has(organizationId)) continue;
        if (organizationId !== null) named.add(organizationId);
        rows.recipients.push({
          networkId,
          id: rng.uuid(),
          consentId,
          patientId: id,
          position: position++,
          kind,
          organizationId,
          description: kind === 'organization' ? null : 'My treating providers in the network',
          revokedAt: rng.chance(0.1) ? daysFrom(recordedAt, rng.int(1, 30)) : null,
        });
      }
    }

    if (rng.chance(0.08)) {
      const decidedAt = stampOf(rng.int(0, 400));
      const scopeRoll = rng.next();
      rows.restrictions.push({
        networkId,
        id: rng.uuid(),
        patientId: id,
        description: 'Do not disclose to my employer-sponsored program',
        organizationId: scopeRoll < 0.3 ? readerOrg : scopeRoll < 0.5 ? null : otherOrg(new Set([holder])),
        purposes: rng.chance(0.5) ? ['TREAT'] : ['HPAYMT', 'HOPERAT'],
        receivedOn: isoDay(decidedAt),
        decision: rng.chance(0.7) ? 'agreed' : 'declined',
        paidInFull: false,
        itemOrService: null,
        paidBy: null,
        decidedBy: staffOf(holder),
        decidedAt,
        terminatedAt: rng.chance(0.2) ? daysFrom(decidedAt, rng.int(1, 30)) : null,
      });
    }

    const emergencyCount = rng.chance(0.04) ? rng.int(1, 2) : 0;
    for (let e = 0; e < emergencyCount && network.clinicians.length > 0; e++) {
      const clinician = rng.pick(network.clinicians);
      if (clinician.organizationId === holder) continue;
      // Most emergency accesses are over; a few are still open.
      const at = rng.chance(0.1)
        ? new Date(now.getTime() - rng.int(0, emergencyMs / 2))
        : stampOf(rng.int(1, 300));
      rows.emergencies.push({
        networkId,
        id: rng.uuid(),
        patientId: id,
        holderOrgId: holder,
        membershipId: clinician.membershipId,
        userId: clinician.userId,
        organizationId: clinician.organizationId,
        recipientName: 'Emergency department physician',
        recipientAffiliation: 'Emergency department',
        nature: 'Unresponsive on arrival; medication history needed',
        at,
        expiresAt: new Date(at.getTime() + emergencyMs),
        reviewedAt: null,
        reviewedBy: null,
        reviewNote: null,
      });
    }
  }
  return { patientIds, rows };
}

async function seed(deps: Deps, seeded: Seeded): Promise<void> {
  const { rows } = seeded;
  await deps.db.transaction(async (tx) => {
    await bulkInsert(tx, patients, rows.patients);
    await bulkInsert(tx, patientIdentifiers, rows.identifiers);
    await bulkInsert(tx, treatingRelationships, rows.treating);
    await bulkInsert(tx, consents, rows.consents);
    await bulkInsert(tx, consentRecipients, rows.recipients);
    await bulkInsert(tx, restrictions, rows.restrictions);
    await bulkInsert(tx, emergencyAccesses, rows.emergencies);
  });
  // Statistics for every seeded table, as autovacuum would have them on a database in use.
  for (const table of [
    patients,
    patientIdentifiers,
    treatingRelationships,
    consents,
    consentRecipients,
    restrictions,
    emergencyAccesses,
  ]) {
    await deps.db.execute(sql`analyze ${table}`);
  }
}

async function readerOf(deps: Deps): Promise<{ member: MemberActor; token: string }> {
  const meta = { requestId: null, clientAddress: '127.0.0.1', via: 'cli' as const };
  const { sessionToken } = await login(deps, { email: READER, password: 'handoff-demo-2026' }, meta);
  const { actor } = await authenticateSession(deps, sessionToken, meta);
  if (actor.kind !== 'member') throw new Error(`${READER} has no membership`);
  const created = await createApiToken(deps, actor, { name: 'bench', expiresInDays: 1 });
  return { member: actor, token: created.token };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function latencies(
  prefix: string,
  engine: BenchEngine,
  samples: number[],
  options: { target?: number; digits?: number } = {},
): BenchResult[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const scale = 10 ** (options.digits ?? 3);
  return (['p50', 'p95', 'p99'] as const).map((p) => ({
    name: `${prefix}_${p}`,
    engine,
    value: Math.round(percentile(sorted, Number(p.slice(1))) * scale) / scale,
    unit: 'ms',
    ...(options.target !== undefined && p === 'p95' ? { target: options.target } : {}),
    better: 'lower' as const,
    n: samples.length,
  }));
}

const describe = (d: AccessDecision) => (d.permit ? `permit:${d.basis}` : `deny:${d.reason}`);

function tally(decisions: AccessDecision[]): string {
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(describe(d), (counts.get(describe(d)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

export default async function consent(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of context.engines) {
    const databaseUrl = engine === 'postgres' ? await context.createPostgresDatabase() : undefined;
    const server = await startBenchServer({ engine, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const { deps } = server;
      const network = await loadNetwork(deps);
      const { member, token } = await readerOf(deps);
      const generated = generate(
        network,
        member.organizationId,
        deps.clock.now(),
        deps.config.emergencyAccessMs,
      );
      const seededAt = performance.now();
      await seed(deps, generated);
      const { rows } = generated;
      context.log(
        `${engine}: seeded ${rows.patients.length} patients at ${network.hospitals.length} hospitals, ` +
          `${rows.consents.length} consents, ${rows.recipients.length} recipients, ${rows.restrictions.length} ` +
          `restrictions, ${rows.emergencies.length} emergency accesses, ${rows.treating.length} treating ` +
          `relationships in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
      );

      const rng = createPrng(42_001, 'bench-consent-reads');
      const reads = Array.from({ length: WARMUP + READS }, () => rng.pick(generated.patientIds));
      const { networkId } = member;

      const patientRow = async (id: string): Promise<number> => {
        const started = performance.now();
        const [row] = await deps.db
          .select()
          .from(patients)
          .where(and(eq(patients.networkId, networkId), eq(patients.id, id)));
        const elapsed = performance.now() - started;
        if (!row) throw new Error(`patient ${id} not found`);
        return elapsed;
      };
      // Steps 1–2 of openPatient: the facts, the role check, the request's local day, the decision.
      const decision = async (
        id: string,
      ): Promise<{ ms: number; facts: PatientFacts; decision: AccessDecision }> => {
        const started = performance.now();
        const loaded = (await loadAccessFacts(deps.db, networkId, [id])).get(id);
        if (!grantedScope(member.roles, 'patient.read')) throw new Error('the reader may not read patients');
        const now = deps.clock.now();
        const request: AccessRequest = {
          organizationId: member.organizationId,
          membershipId: member.membershipId,
          category: 'demographics',
          purpose: 'TREAT',
          at: now,
          today: localDay(now, loaded?.timezone ?? 'UTC'),
        };
        const decided = loaded ? decideAccess(request, loaded.facts) : undefined;
        const ms = performance.now() - started;
        if (!loaded?.patient || !decided) throw new Error(`no facts for patient ${id}`);
        return { ms, facts: loaded, decision: decided };
      };

      const rowSamples: number[] = [];
      const decisionSamples: number[] = [];
      const addedSamples: number[] = [];
      const loadedFacts: PatientFacts[] = [];
      const decisions: AccessDecision[] = [];
      const deniedIds: string[] = [];
      for (const [i, id] of reads.entries()) {
        let row: number;
        let decided: Awaited<ReturnType<typeof decision>>;
        // Alternate the order, so that neither measurement always finds the pages the other just read.
        if (i % 2 === 0) {
          row = await patientRow(id);
          decided = await decision(id);
        } else {
          decided = await decision(id);
          row = await patientRow(id);
        }
        if (i < WARMUP) continue;
        rowSamples.push(row);
        decisionSamples.push(decided.ms);
        addedSamples.push(decided.ms - row);
        loadedFacts.push(decided.facts);
        decisions.push(decided.decision);
        if (!decided.decision.permit) deniedIds.push(id);
      }
      context.log(`${engine}: ${READS} decisions: ${tally(decisions)}`);
      results.push(
        ...latencies('decision', engine, decisionSamples),
        ...latencies('patient_row', engine, rowSamples),
        ...latencies('decision_added', engine, addedSamples, { target: TARGET_MS }),
      );

      const pure = decidePure(member, loadedFacts);
      context.log(`${engine}: ${pure.samples.length} pure decisions, ${pure.permits} permits`);
      results.push(...latencies('decide_pure', engine, pure.samples, { digits: 4 }));

      results.push(
        ...latencies(
          'patient_read',
          engine,
          await patientReads(deps, token, reads.slice(0, HTTP_WARMUP + HTTP_READS), context, engine),
        ),
      );

      const timing = await denialTiming(deps, token, deniedIds);
      results.push(
        ...latencies('denied_read', engine, timing.denied),
        ...latencies('unknown_read', engine, timing.unknown),
        ...latencies('denied_minus_unknown', engine, timing.difference),
      );
    } finally {
      await server.close();
    }
  }
  return results;
}

/**
 * P21's timing class: a denied read of an existing patient against a read of an unknown id, timed back
 * to back through HTTP (order alternating); the percentiles of the per-pair differences should sit
 * around zero (both do one facts query and one audit write, then answer the same 404).
 */
async function denialTiming(
  deps: Deps,
  token: string,
  denied: string[],
): Promise<{ denied: number[]; unknown: number[]; difference: number[] }> {
  const app = await buildApp(deps);
  const out = { denied: [] as number[], unknown: [] as number[], difference: [] as number[] };
  try {
    await app.ready();
    const read = async (id: string): Promise<number> => {
      const started = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/patients/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      const elapsed = performance.now() - started;
      if (res.statusCode !== 404) throw new Error(`expected 404 for ${id}, got ${res.statusCode}`);
      return elapsed;
    };
    for (let i = 0; i < HTTP_WARMUP + TIMING_PAIRS && denied.length > 0; i++) {
      const id = denied[i % denied.length] ?? '';
      const unknownId = randomUUID();
      let deniedMs: number;
      let unknownMs: number;
      if (i % 2 === 0) {
        deniedMs = await read(id);
        unknownMs = await read(unknownId);
      } else {
        unknownMs = await read(unknownId);
        deniedMs = await read(id);
      }
      if (i < HTTP_WARMUP) continue;
      out.denied.push(deniedMs);
      out.unknown.push(unknownMs);
      out.difference.push(deniedMs - unknownMs);
    }
    return out;
  } finally {
    await app.close();
  }
}

/** `decideAccess` alone, timed call by call over every loaded fact set, after one unmeasured round. */
function decidePure(member: MemberActor, loaded: PatientFacts[]): { samples: number[]; permits: number } {
  const samples: number[] = [];
  let permits = 0;
  for (let round = 0; round <= PURE_ROUNDS; round++) {
    for (const facts of loaded) {
      const now = new Date();
      const request: AccessRequest = {
        organizationId: member.organizationId,
        membershipId: member.membershipId,
        category: 'demographics',
        purpose: 'TREAT',
        at: now,
        today: localDay(now, facts.timezone ?? 'UTC'),
      };
      const started = performance.now();
      const decided = decideAccess(request, facts.facts);
      const elapsed = performance.now() - started;
      if (round === 0) continue;
      samples.push(elapsed);
      // Used, so that the call cannot be optimised away.
      if (decided.permit) permits++;
    }
  }
  return { samples, permits };
}

/** Full reads through the HTTP layer (in process, `app.inject`): 200 when permitted, 404 when denied. */
async function patientReads(
  deps: Deps,
  token: string,
  reads: string[],
  context: BenchContext,
  engine: BenchEngine,
): Promise<number[]> {
  const app = await buildApp(deps);
  try {
    await app.ready();
    const samples: number[] = [];
    const statuses = new Map<number, number>();
    for (const [i, id] of reads.entries()) {
      const started = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/patients/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      const elapsed = performance.now() - started;
      if (res.statusCode !== 200 && res.statusCode !== 404)
        throw new Error(`GET /api/v1/patients/${id} answered ${res.statusCode}: ${res.body}`);
      if (i < HTTP_WARMUP) continue;
      samples.push(elapsed);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    context.log(
      `${engine}: ${samples.length} reads over HTTP: ${[...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(', ')}`,
    );
    return samples;
  } finally {
    await app.close();
  }
}
