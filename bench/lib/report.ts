/**
 * The benchmark results file: one JSON document per benchmark in `bench/results/NAME.json`, with the
 * machine it ran on and one entry per figure and engine (see architecture.md, "Benchmarks").
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchEngine = 'pglite' | 'postgres';

export interface BenchResult {
  /** Figure name, snake_case, e.g. `login_p99`. */
  name: string;
  engine: BenchEngine;
  value: number;
  unit: string;
  /** The number the issue names, when it names one. */
  target?: number;
  better: 'lower' | 'higher';
  /** Sample size behind the value (requests, operations). */
  n: number;
}

export interface BenchReport {
  bench: string;
  date: string;
  machine: string;
  node: string;
  results: BenchResult[];
}

export const resultsDir = fileURLToPath(new URL('../results', import.meta.url));

/** `"<cores> cores, <GiB> GiB, <cpu model>"`. */
export function describeMachine(): string {
  const list = cpus();
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  const model = (list[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  return `${list.length} cores, ${gib} GiB, ${model}`;
}

export function buildReport(bench: string, results: BenchResult[], now = new Date()): BenchReport {
  return { bench, date: now.toISOString(), machine: describeMachine(), node: process.version, results };
}

/** Writes `bench/results/NAME.json` and returns its path. */
export async function writeReport(report: BenchReport, dir = resultsDir): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${report.bench}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** A plain-text table of the results, for the console. */
export function formatResults(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.engine,
    `${r.value} ${r.unit}`,
    r.target === undefined ? '' : `target ${r.target} (${r.better})`,
    `n=${r.n}`,
  ]);
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)),
    [],
  );
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
