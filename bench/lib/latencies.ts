/** p50 / p95 / p99 of latency samples as bench results (nearest-rank percentiles; `target` on p95 only). */
import type { BenchEngine, BenchResult } from './report.ts';

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function latencies(
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
