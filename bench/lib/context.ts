/**
 * What `bench/run.ts` hands every benchmark: the engines to measure, a way to get a fresh PostgreSQL
 * database, and the load settings (overridable with BENCH_DURATION, BENCH_RUNS, BENCH_CONNECTIONS,
 * BENCH_WARMUP).
 */
import type { BenchEngine, BenchResult } from './report.ts';

export interface LoadSettings {
  /** Seconds per measured run. */
  durationSeconds: number;
  /** Measured runs per figure; figures are medians over them. */
  runs: number;
  connections: number;
  warmupSeconds: number;
}

export interface BenchContext {
  engines: BenchEngine[];
  /** A fresh, empty database on the bench's PostgreSQL cluster (only when `engines` has 'postgres'). */
  createPostgresDatabase(): Promise<string>;
  load: LoadSettings;
  log(message: string): void;
}

/** A benchmark module's default export. */
export type Bench = (context: BenchContext) => Promise<BenchResult[]>;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, not '${raw}'`);
  return value;
}

export function loadSettingsFromEnv(): LoadSettings {
  return {
    durationSeconds: positive('BENCH_DURATION', 5),
    runs: Math.max(1, Math.round(positive('BENCH_RUNS', 3))),
    connections: Math.max(1, Math.round(positive('BENCH_CONNECTIONS', 10))),
    warmupSeconds: positive('BENCH_WARMUP', 2),
  };
}
