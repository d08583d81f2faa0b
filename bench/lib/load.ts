/**
 * HTTP load with autocannon's programmatic API. The load generator runs in a worker thread so that it
 * does not share an event loop with an in-process server. Each measurement is a short warm-up and then
 * several runs; the figures are medians over the runs (this machine is shared and noisy).
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections (default 10). */
  connections?: number;
  /** Seconds per measured run (default 10). */
  durationSeconds?: number;
  /** Measured runs; figures are their medians (default 1). */
  runs?: number;
  /** Seconds of unmeasured load before the runs (default 2; 0 for none). */
  warmupSeconds?: number;
}

export interface RunFigures {
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  /** Completed requests. */
  requests: number;
}

export interface LoadFigures extends RunFigures {
  runs: RunFigures[];
}

export class LoadError extends Error {}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function once(options: LoadOptions, durationSeconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
    connections: options.connections ?? 10,
    duration: durationSeconds,
    workers: 1,
    timeout: 30,
  });
  const failed = result.errors + result.non2xx + result.timeouts;
  if (failed > 0) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new LoadError(
      `${options.method ?? 'GET'} ${options.url}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ` +
        `${result.timeouts} timeouts out of ${result.requests.total} (status codes ${codes})`,
    );
  }
  return result;
}

/** Runs the load and returns median p50/p99 latency (ms) and throughput (requests/s) over the runs. */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const warmup = options.warmupSeconds ?? 2;
  if (warmup > 0) await once(options, warmup);
  const runs: RunFigures[] = [];
  for (let i = 0; i < (options.runs ?? 1); i++) {
    const result = await once(options, options.durationSeconds ?? 10);
    runs.push({
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requestsPerSecond: round(result.requests.total / Math.max(result.duration, 0.001), 1),
      requests: result.requests.total,
    });
  }
  return {
    p50Ms: round(median(runs.map((r) => r.p50Ms))),
    p99Ms: round(median(runs.map((r) => r.p99Ms))),
    requestsPerSecond: round(median(runs.map((r) => r.requestsPerSecond)), 1),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    runs,
  };
}
