/**
 * Foundation benchmark: latency (p50, p99) and throughput of the two requests everything else stands
 * on, on PGlite and on PostgreSQL: (a) `POST /api/v1/auth/login` as the demo navigator (argon2id
 * verification, a session row and an audit event per request) and (b) `GET /api/v1/organizations`
 * with an API bearer token (token lookup, membership load, a list query).
 */
import type { BenchContext } from './lib/context.ts';
import { demoLogin, issueDemoApiToken, startBenchServer } from './lib/handoff.ts';
import { measureLoad, type LoadFigures } from './lib/load.ts';
import type { BenchEngine, BenchResult } from './lib/report.ts';

function figures(prefix: string, engine: BenchEngine, f: LoadFigures): BenchResult[] {
  return [
    { name: `${prefix}_p50`, engine, value: f.p50Ms, unit: 'ms', better: 'lower', n: f.requests },
    { name: `${prefix}_p99`, engine, value: f.p99Ms, unit: 'ms', better: 'lower', n: f.requests },
    {
      name: `${prefix}_rps`,
      engine,
      value: f.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      n: f.requests,
    },
  ];
}

/** One request up front, so a wrong route or credential fails with its answer instead of as load errors. */
async function probe(url: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${await res.text()}`);
}

/** Waits until the server answers a cheap request promptly, i.e. the backlog of the load is gone. */
async function settle(url: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await fetch(`${url}/healthz`).catch(() => undefined);
    if (performance.now() - started < 50) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}

export default async function foundation(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of context.engines) {
    const databaseUrl = engine === 'postgres' ? await context.createPostgresDatabase() : undefined;
    const server = await startBenchServer({ engine, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const load = {
        connections: context.load.connections,
        durationSeconds: context.load.durationSeconds,
        runs: context.load.runs,
        warmupSeconds: context.load.warmupSeconds,
      };

      const loginUrl = `${server.url}/api/v1/auth/login`;
      const loginRequest = {
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(demoLogin),
      };
      await probe(loginUrl, loginRequest);
      context.log(`${engine}: POST /api/v1/auth/login`);
      results.push(
        ...figures('login', engine, await measureLoad({ url: loginUrl, ...loginRequest, ...load })),
      );

      const token = await issueDemoApiToken(server.deps);
      const orgsUrl = `${server.url}/api/v1/organizations`;
      const orgsRequest = { method: 'GET' as const, headers: { authorization: `Bearer ${token}` } };
      await probe(orgsUrl, orgsRequest);
      context.log(`${engine}: GET /api/v1/organizations`);
      results.push(
        ...figures(
          'organizations_list',
          engine,
          await measureLoad({ url: orgsUrl, ...orgsRequest, ...load }),
        ),
      );
    } finally {
      // autocannon stops at its deadline with requests still in flight; let the server finish them.
      await settle(server.url);
      await server.close();
      context.log(`${engine}: server closed`);
    }
  }
  return results;
}
