/**
 * Transitions benchmark: the hospital's worklist and the partner's inbox on a network with 100,000
 * transitions, and the throughput of sending referrals, on PGlite and on PostgreSQL.
 *
 * Data (`lib/transition-data.ts`): three years of seeded transitions with one or two referrals each, 40 %
 * of them (40,000) at the demo navigator's hospital and the rest spread over the other hospitals; the demo
 * intake coordinator's OBOT receives about 15 % of the referrals. Bulk inserts, not the API.
 *
 * Figures:
 * - `worklist_team_gap`: `GET /api/v1/transitions?scope=team&sort=gap` as the demo navigator (p50, p95,
 *   p99; one request at a time over HTTP from a worker thread, as in the directory benchmark). Target: p95
 *   ≤ 50 ms (the number for 100,000 transitions).
 * - `worklist_flagged` (`gap=flagged`) and `worklist_mine` (`scope=mine`), same way (no target). The
 *   worklist lists open transitions unless asked otherwise; `worklist_team_all` (`status=all`, the whole
 *   history of the hospital, ~40,000 rows) is the worst case (no target).
 * - `inbox_open`: `GET /api/v1/referrals?box=inbox&open=true` as the intake coordinator (no target).
 * - `referral_create`: `POST /api/v1/transitions/{id}/referrals` to a service of the OBOT (consent check,
 *   referral, history event, audit, outbox e-mail), each with its own `Idempotency-Key`,
 *   rotating over transitions started through the use case beforehand; closed-loop load from 10 HTTP
 *   connections (BENCH_CONNECTIONS) against a server with its default pool of 10 database connections.
 *   `referral_create_rps` is the median over the runs (target ≥ 300/s on PostgreSQL); the latency
 *   percentiles are over every request of the runs.
 *
 * BENCH_TRANSITIONS (default 100,000), BENCH_WORKLIST_READS (default 300) and BENCH_REFERRAL_TRANSITIONS
 * (default 400) change the sizes; BENCH_DURATION, BENCH_RUNS and BENCH_WARMUP the load.
 */
import { count, sql } from 'drizzle-orm';
import type { Deps, MemberActor } from '../server/src/app/context.ts';
import { createApiToken } from '../server/src/app/tokens/create-api-token.ts';
import { createTransition } from '../server/src/app/transitions/create-transition.ts';
import { createTransitionInput } from '../server/src/app/transitions/schemas.ts';
import { transitions } from '../server/src/db/schema/index.ts';
import type { BenchContext } from './lib/context.ts';
import { runConcurrent } from './lib/concurrent.ts';
import { signInMember, startBenchServer, type BenchServer } from './lib/handoff.ts';
import { latencies } from './lib/latencies.ts';
import { median } from './lib/load.ts';
import type { BenchEngine, BenchResult } from './lib/report.ts';
import { timeSequentially, type TimedRequest } from './lib/sequential.ts';
import {
  generateTransitions,
  loadTransitionNetwork,
  referralPatients,
  seedTransitions,
  type TransitionNetwork,
} from './lib/transition-data.ts';

const READS = Number(process.env.BENCH_WORKLIST_READS ?? 300);
const WARMUP_READS = 30;
const REFERRAL_TRANSITIONS = Number(process.env.BENCH_REFERRAL_TRANSITIONS ?? 400);
const WORKLIST_TARGET_MS = 50;
const REFERRALS_TARGET_PER_S = 300;

const thousands = (n: number) => n.toLocaleString('en-US');

export default async function transitionsBench(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of context.engines) {
    const databaseUrl = engine === 'postgres' ? await context.createPostgresDatabase() : undefined;
    const server = await startBenchServer({ engine, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const { deps } = server;
      const navigator = await signInMember(deps, 'navigator@demo.handoff.test');
      const intake = await signInMember(deps, 'intake@demo.handoff.test');
      const network = await loadTransitionNetwork(deps, navigator.member, intake.member.organizationId);
      const now = deps.clock.now();
      const seededAt = performance.now();
      const rows = generateTransitions(network, now);
      await seedTransitions(deps, rows);
      context.log(
        `${engine}: seeded ${thousands(rows.transitions.length)} transitions, ${thousands(rows.referrals.length)} ` +
          `referrals, ${thousands(rows.patients.length)} patients with consents (${thousands(rows.recipients.length)} ` +
          `recipients), ${thousands(rows.treating.length)} treating relationships in ` +
          `${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
      );
      const [inDb] = await deps.db
        .select({
          all: count(),
          busy: sql<number>`count(*) filter (where ${transitions.hospitalOrgId} = ${network.busyHospital})`,
        })
        .from(transitions);
      context.log(
        `${engine}: ${thousands(inDb?.all ?? 0)} transitions in the database (with the demo's), ` +
          `${thousands(Number(inDb?.busy ?? 0))} at the navigator's hospital`,
      );
      results.push(...(await listReads(server, navigator.token, intake.token, engine, context)));
      results.push(...(await referralThroughput(server, network, navigator.member, engine, context)));
    } finally {
      await server.close();
    }
  }
  return results;
}

/** The worklist and inbox reads, each one request at a time after a few unmeasured ones. */
async function listReads(
  server: BenchServer,
  navigatorToken: string,
  intakeToken: string,
  engine: BenchEngine,
  context: BenchContext,
): Promise<BenchResult[]> {
  const lists = [
    { name: 'worklist_team_gap', token: navigatorToken, path: '/api/v1/transitions?scope=team&sort=gap' },
    {
      name: 'worklist_flagged',
      token: navigatorToken,
      path: '/api/v1/transitions?scope=team&gap=flagged&sort=gap',
    },
    { name: 'worklist_mine', token: navigatorToken, path: '/api/v1/transitions?scope=mine&sort=gap' },
    {
      name: 'worklist_team_all',
      token: navigatorToken,
      path: '/api/v1/transitions?scope=team&status=all&sort=gap',
    },
    { name: 'inbox_open', token: intakeToken, path: '/api/v1/referrals?box=inbox&open=true' },
  ];
  const results: BenchResult[] = [];
  for (const list of lists) {
    const request: TimedRequest = {
      url: `${server.url}${list.path}`,
      method: 'GET',
      headers: { authorization: `Bearer ${list.token}` },
    };
    const probe = await fetch(request.url, { headers: request.headers });
    if (!probe.ok) throw new Error(`GET ${list.path} answered ${probe.status}: ${await probe.text()}`);
    const page = (await probe.json()) as { total: number; items: unknown[] };
    await timeSequentially(Array<TimedRequest>(WARMUP_READS).fill(request));
    const samples = await timeSequentially(Array<TimedRequest>(READS).fill(request));
    const target = list.name === 'worklist_team_gap' ? { target: WORKLIST_TARGET_MS } : {};
    results.push(...latencies(list.name, engine, samples, { digits: 1, ...target }));
    const p95 = results.find((r) => r.name === `${list.name}_p95` && r.engine === engine)?.value;
    context.log(
      `${engine}: ${list.path}: total ${thousands(page.total)}, page of ${page.items.length}; p95 ${p95} ms`,
    );
  }
  return results;
}

/** Starts the transitions that referrals are sent from, through the use case (packet version 1 and all). */
async function startTransitions(deps: Deps, network: TransitionNetwork, navigator: MemberActor) {
  const now = deps.clock.now();
  const people = referralPatients(network, REFERRAL_TRANSITIONS, now);
  await seedTransitions(deps, people);
  const dischargedAt = new Date(now.getTime() - 3_600_000).toISOString();
  const ids: string[] = [];
  for (const patient of people.patients) {
    const input = createTransitionInput.parse({
      patientId: patient.id,
      encounterType: 'ed',
      admittedAt: new Date(now.getTime() - 8 * 3_600_000).toISOString(),
      dischargedAt,
      oudIdentifiedBy: 'clinician',
      disposition: 'home',
      careTeam: { navigatorMembershipId: navigator.membershipId },
      careNeeds: ['phone'],
      moudPlan: {
        medication: 'buprenorphine',
        formulation: 'sublingual_film',
        dose: '16 mg daily',
        lastDoseAt: dischargedAt,
        bridge: { kind: 'prescription', days: 7 },
        naloxoneGiven: true,
      },
    });
    ids.push((await createTransition(deps, navigator, input)).view.id);
  }
  return ids;
}

/** Referrals per second from `connections` clients, each request a new referral with its own key. */
async function referralThroughput(
  server: BenchServer,
  network: TransitionNetwork,
  navigator: MemberActor,
  engine: BenchEngine,
  context: BenchContext,
): Promise<BenchResult[]> {
  const transitionIds = await startTransitions(server.deps, network, navigator);
  const services = network.services.filter((s) => s.organizationId === network.inboxOrg);
  if (services.length === 0) throw new Error('the inbox organization has no active service');
  const token = await createApiToken(server.deps, navigator, { name: 'bench-referrals', expiresInDays: 1 });
  const load = (run: string, durationSeconds: number) =>
    runConcurrent({
      urls: transitionIds.map((id) => `${server.url}/api/v1/transitions/${id}/referrals`),
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'bench-{seq}',
      },
      bodies: services.map((s) => JSON.stringify({ serviceId: s.id, urgency: 'routine' })),
      connections: context.load.connections,
      durationSeconds,
      run,
      expectStatus: 201,
    });
  context.log(
    `${engine}: ${transitionIds.length} transitions started; POST …/referrals from ${context.load.connections} ` +
      `connections to ${services.length} service(s)`,
  );
  if (context.load.warmupSeconds > 0) await load('warmup', context.load.warmupSeconds);
  const rates: number[] = [];
  const samples: number[] = [];
  for (let i = 0; i < context.load.runs; i++) {
    const run = await load(`run${i}`, context.load.durationSeconds);
    rates.push(run.requestsPerSecond);
    samples.push(...run.latencies);
  }
  context.log(`${engine}: referrals/s per run: ${rates.map((r) => r.toFixed(1)).join(', ')}`);
  return [
    {
      name: 'referral_create_rps',
      engine,
      value: Math.round(median(rates) * 10) / 10,
      unit: 'req/s',
      ...(engine === 'postgres' ? { target: REFERRALS_TARGET_PER_S } : {}),
      better: 'higher',
      n: samples.length,
    },
    ...latencies('referral_create', engine, samples, { digits: 1 }),
  ];
}
