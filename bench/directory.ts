/**
 * Directory benchmark: with 20,000 services in the network, the latency (p50, p95, p99) of
 * `POST /api/v1/match` over HTTP, one request at a time, for a rotation of realistic needs; the first
 * match after start (which loads the in-memory snapshot); and matches that each follow a capacity update
 * (the snapshot reads the change and replaces the service in place). For context, the latency of one
 * authenticated `GET /api/v1/services/{id}` in the same setup. The client runs in a worker thread of
 * the bench process (its own event loop; the machine's cores are shared), as in the other benchmarks. Targets: match p95 ≤ 50 ms on PGlite and ≤ 20 ms on
 * PostgreSQL.
 *
 * HSDS import: the grown directory is exported as the HSDS CSV data package and imported into a new,
 * empty network (every organization, location and service created: the first import of a state
 * directory), then imported again (every row updated in place). Wall time of `importDirectory`, parse
 * included. Target: 20,000 services in ≤ 60 s.
 */
import { operatorActor, type Deps } from '../server/src/app/context.ts';
import { exportHsds } from '../server/src/app/directory/hsds/export-hsds.ts';
import { importDirectory } from '../server/src/app/directory/import/run-import.ts';
import { createNetwork } from '../server/src/app/network/create-network.ts';
import { authenticateSession } from '../server/src/app/identity/authenticate.ts';
import { login } from '../server/src/app/identity/login.ts';
import { createApiToken } from '../server/src/app/tokens/create-api-token.ts';
import { DEMO_NETWORK_SLUG } from '../server/src/domain/demo/organizations.ts';
import { and, eq } from 'drizzle-orm';
import { networks, organizations, services } from '../server/src/db/schema/index.ts';
import { latencies } from './lib/latencies.ts';
import type { BenchContext } from './lib/context.ts';
import { startBenchServer } from './lib/handoff.ts';
import { timeSequentially, type TimedRequest } from './lib/sequential.ts';
import type { BenchEngine, BenchResult } from './lib/report.ts';
import { growDirectory } from './lib/synthetic-directory.ts';

/** The organization of `intake@demo.handoff.test` (the first OBOT of the demo roster). */
const FIRST_OBOT_SLUG = 'ohio-city-recovery-medicine';
const SERVICES = Number(process.env.BENCH_DIRECTORY_SERVICES ?? 20_000);
const REQUESTS = Number(process.env.BENCH_MATCH_REQUESTS ?? 300);

const NEEDS = [
  {
    medication: { name: 'buprenorphine', phase: 'start' },
    home: { zip: '44113' },
    insurance: [{ kind: 'medicaid' }],
  },
  { medication: { name: 'methadone', phase: 'continue' }, otherNeeds: ['housing'], home: { zip: '44102' } },
  { medication: { name: 'naltrexone_xr', phase: 'start' }, home: { zip: '43215' }, language: 'es' },
  {
    medication: { name: 'buprenorphine', phase: 'continue' },
    home: { zip: '45202' },
    age: 34,
    gender: 'female',
    // An expected discharge two days from now (a fixed date would fall into the past and measure a
    // window in which nothing can open).
    intakeWindow: { from: new Date(Date.now() + 2 * 86_400_000).toISOString(), withinHours: 72 },
  },
  {
    otherNeeds: ['peer_support', 'harm_reduction'],
    home: { zip: '44311' },
    insurance: [{ kind: 'uninsured' }],
  },
];

async function tokenFor(deps: Deps, email: string): Promise<string> {
  const meta = { requestId: null, clientAddress: '127.0.0.1', via: 'cli' as const };
  const { sessionToken } = await login(deps, { email, password: 'handoff-demo-2026' }, meta);
  const { actor } = await authenticateSession(deps, sessionToken, meta);
  return (await createApiToken(deps, actor, { name: 'bench', expiresInDays: 1 })).token;
}

export default async function directory(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of context.engines) {
    const databaseUrl = engine === 'postgres' ? await context.createPostgresDatabase() : undefined;
    const server = await startBenchServer({ engine, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const [network] = await server.deps.db
        .select()
        .from(networks)
        .where(eq(networks.slug, DEMO_NETWORK_SLUG));
      if (!network) throw new Error('no demo network');
      const added = await growDirectory(server.deps.db, network.id, SERVICES, server.deps.clock.now());
      context.log(`${engine}: directory grown by ${added} to ${SERVICES} services`);
      const navigator = await tokenFor(server.deps, 'navigator@demo.handoff.test');
      const intake = await tokenFor(server.deps, 'intake@demo.handoff.test');
      const matchUrl = `${server.url}/api/v1/match`;

      const match = (i: number, token = navigator): TimedRequest => ({
        url: matchUrl,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(NEEDS[i % NEEDS.length]),
      });
      const [cold = Number.NaN] = await timeSequentially([match(0)]);
      results.push({
        name: 'match_first_after_start',
        engine,
        value: Math.round(cold),
        unit: 'ms',
        better: 'lower',
        n: 1,
      });
      await timeSequentially(Array.from({ length: 30 }, (_, i) => match(i)));
      const samples = await timeSequentially(Array.from({ length: REQUESTS }, (_, i) => match(i)));
      results.push(...latencies('match', engine, samples, { digits: 1 }));
      context.log(`${engine}: ${REQUESTS} matches`);

      const serviceId = await firstServiceOf(server.deps, network.id, FIRST_OBOT_SLUG);
      // Context: one authenticated read of one service (token check, one query, a view) in the same setup.
      const read: TimedRequest = {
        url: `${server.url}/api/v1/services/${serviceId}`,
        method: 'GET',
        headers: { authorization: `Bearer ${navigator}` },
      };
      results.push(
        ...latencies('service_read', engine, await timeSequentially(Array(REQUESTS).fill(read)), {
          digits: 1,
        }),
      );
      const updates = Math.min(100, REQUESTS);
      const interleaved = Array.from({ length: updates }, (_, i): TimedRequest[] => [
        {
          url: `${server.url}/api/v1/services/${serviceId}/capacity`,
          method: 'PUT',
          headers: { authorization: `Bearer ${intake}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: i % 2 === 0 ? 'waitlist' : 'accepting' }),
        },
        match(i),
      ]).flat();
      const afterUpdate = (await timeSequentially(interleaved)).filter((_, i) => i % 2 === 1);
      results.push(...latencies('match_after_capacity_update', engine, afterUpdate, { digits: 1 }));
      results.push(...(await hsdsImport(server.deps, network.id, engine, context)));
    } finally {
      await server.close();
    }
  }
  return results;
}

/** Seconds to import the directory's HSDS CSV export into a new network, then to re-import it in place. */
async function hsdsImport(
  deps: Deps,
  networkId: string,
  engine: BenchEngine,
  context: BenchContext,
): Promise<BenchResult[]> {
  const operator = operatorActor();
  const exported = await exportHsds(deps, operator, networkId);
  const files = Object.fromEntries(
    Object.entries(exported)
      .filter(([name]) => name.startsWith('csv/') && name.endsWith('.csv'))
      .map(([name, chunks]) => [name.slice('csv/'.length), chunks.join('')]),
  );
  const target = await createNetwork(deps, operator, { slug: 'hsds-bench', name: 'HSDS bench network' });
  const results: BenchResult[] = [];
  for (const name of ['hsds_import_new', 'hsds_reimport_in_place']) {
    const started = performance.now();
    const report = await importDirectory(deps, operator, { format: 'hsds-csv', files, networkId: target.id });
    const seconds = (performance.now() - started) / 1000;
    if (report.state !== 'succeeded' || report.problemCount > 0)
      throw new Error(`HSDS import ${report.state} with ${report.problemCount} problems`);
    context.log(`${engine}: ${name} of ${report.importedRows} services in ${seconds.toFixed(1)} s`);
    results.push({
      name,
      engine,
      value: Math.round(seconds * 10) / 10,
      unit: 's',
      better: 'lower',
      n: report.importedRows,
    });
  }
  return results;
}

/** A service of the organization the demo intake user works for. */
async function firstServiceOf(deps: Deps, networkId: string, slug: string): Promise<string> {
  const [row] = await deps.db
    .select({ id: services.id })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .where(and(eq(services.networkId, networkId), eq(organizations.slug, slug)))
    .limit(1);
  if (!row) throw new Error(`no service of ${slug}`);
  return row.id;
}
