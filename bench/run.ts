/**
 * `npm run bench [-- NAME…]`: runs every benchmark in `bench/` (each `bench/NAME.ts` default-exports a
 * `Bench`), or the named ones, against PGlite and a PostgreSQL cluster it starts itself, and writes
 * `bench/results/NAME.json`. BENCH_ENGINES=pglite|postgres|pglite,postgres narrows the engines; without
 * PostgreSQL binaries only PGlite runs, with a loud notice (an error when CI=true).
 *
 * Each engine is measured in a process of its own (as a server runs one engine), so that one engine's
 * heap and workers do not weigh on the other's numbers; this process merges their results.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { loadSettingsFromEnv, type Bench, type BenchContext } from './lib/context.ts';
import { postgresAvailable, startBenchPostgres, type BenchPostgres } from './lib/postgres.ts';
import { buildReport, formatResults, writeReport, type BenchEngine, type BenchResult } from './lib/report.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

function availableBenches(): string[] {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'run.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

function requestedEngines(): BenchEngine[] {
  const raw = process.env.BENCH_ENGINES ?? 'pglite,postgres';
  const engines = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const engine of engines) {
    if (engine !== 'pglite' && engine !== 'postgres')
      throw new Error(`BENCH_ENGINES: unknown engine '${engine}'`);
  }
  return engines as BenchEngine[];
}

const log = (message: string) => console.log(`[bench +${Math.round(performance.now() / 1000)}s] ${message}`);

async function main(): Promise<void> {
  const all = availableBenches();
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${all.join(', ')}`);
  const selected = names.length > 0 ? names : all;

  let engines = requestedEngines();
  if (engines.includes('postgres') && !postgresAvailable()) {
    const message = 'PostgreSQL server binaries not found; install them with `apt-get install postgresql`.';
    if (process.env.CI === 'true') throw new Error(`${message} They are required when CI=true.`);
    console.error(`\n${'!'.repeat(80)}\n!!! bench: ${message} Measuring PGlite only.\n${'!'.repeat(80)}\n`);
    engines = engines.filter((e) => e !== 'postgres');
  }

  let postgres: BenchPostgres | undefined;
  const context: BenchContext = {
    engines,
    async createPostgresDatabase() {
      if (!postgres) {
        postgres = await startBenchPostgres();
        log(`PostgreSQL ${postgres.cluster.major ?? '?'} on 127.0.0.1:${postgres.cluster.port}`);
      }
      return postgres.createDatabase();
    },
    load: loadSettingsFromEnv(),
    log,
  };
  log(
    `benches: ${selected.join(', ')}; engines: ${engines.join(', ')}; load: ${JSON.stringify(context.load)}`,
  );

  try {
    for (const name of selected) {
      const module = (await import(pathToFileURL(join(benchDir, `${name}.ts`)).href)) as { default?: Bench };
      if (typeof module.default !== 'function')
        throw new Error(`bench/${name}.ts has no default-exported Bench`);
      log(`${name}: start`);
      const results = engines.length > 1 ? runPerEngine(name, engines) : await module.default(context);
      if (process.env.BENCH_OUT) {
        writeFileSync(process.env.BENCH_OUT, JSON.stringify(results));
        continue;
      }
      const file = await writeReport(buildReport(name, results));
      log(`${name}: wrote ${file}\n${formatResults(results)}`);
    }
  } finally {
    await postgres?.stop();
  }
}

/** Runs one bench once per engine, each in a child process, and returns their results in engine order. */
function runPerEngine(name: string, engines: BenchEngine[]): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
  return engines.flatMap((engine) => {
    const out = join(dir, `${engine}.json`);
    const runTs = join(benchDir, '..', 'server', 'bin', 'run-ts.mjs');
    const child = spawnSync(process.execPath, [runTs, join(benchDir, 'run.ts'), name], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_ENGINES: engine, BENCH_OUT: out },
    });
    if (child.status !== 0) throw new Error(`bench ${name} on ${engine} failed (exit ${child.status})`);
    return JSON.parse(readFileSync(out, 'utf8')) as BenchResult[];
  });
}

// Ctrl-C: exit through process.exit so that the PostgreSQL cluster's exit hook stops it.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

try {
  await main();
  // Libraries (pools, PGlite workers) may hold the loop open; the work is done.
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
