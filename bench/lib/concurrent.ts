/**
 * Closed-loop load with every request timed: `connections` clients in a worker thread (its own event loop,
 * as in `sequential.ts`), each sending its next request as soon as the previous one answered, for a fixed
 * time. Unlike autocannon (`load.ts`) it keeps every latency, so p95 is exact, and it can vary each request:
 * request `i` (counted over all clients) goes to `urls[i % urls.length]` with `bodies[i % bodies.length]`,
 * and `{seq}` in a header value becomes a number unique to the request (e.g. an `Idempotency-Key`).
 */
import { Worker } from 'node:worker_threads';

export interface ConcurrentLoad {
  urls: string[];
  method: string;
  headers: Record<string, string>;
  bodies?: string[];
  connections: number;
  durationSeconds: number;
  /** Prefix of `{seq}`, so that keys of separate runs never collide. */
  run: string;
  /** The status every answer must have (e.g. 201). */
  expectStatus: number;
}

export interface ConcurrentFigures {
  /** Milliseconds of each request that answered within the run. */
  latencies: number[];
  /** Completed requests per second over the run (first start to last answer). */
  requestsPerSecond: number;
}

const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
(async () => {
  let seq = 0;
  const latencies = [];
  const failures = [];
  const started = performance.now();
  const deadline = started + w.durationSeconds * 1000;
  let last = started;
  const client = async () => {
    while (performance.now() < deadline && failures.length === 0) {
      const i = seq++;
      const headers = {};
      for (const [k, v] of Object.entries(w.headers)) headers[k] = v.replace('{seq}', w.run + '-' + i);
      const body = w.bodies && w.bodies.length > 0 ? w.bodies[i % w.bodies.length] : undefined;
      const at = performance.now();
      const res = await fetch(w.urls[i % w.urls.length], { method: w.method, headers, body });
      const text = await res.text();
      last = performance.now();
      if (res.status !== w.expectStatus) failures.push(w.method + ' answered ' + res.status + ': ' + text.slice(0, 500));
      else latencies.push(last - at);
    }
  };
  await Promise.all(Array.from({ length: w.connections }, client));
  parentPort.postMessage({ latencies, failures, seconds: (last - started) / 1000 });
})().catch((error) => { throw error; });
`;

/** Runs the load; rejects on the first answer with another status than `expectStatus`. */
export function runConcurrent(load: ConcurrentLoad): Promise<ConcurrentFigures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: load });
    worker.once(
      'message',
      ({ latencies, failures, seconds }: { latencies: number[]; failures: string[]; seconds: number }) => {
        if (failures.length > 0) reject(new Error(`${failures.length} failed request(s): ${failures[0]}`));
        else resolve({ latencies, requestsPerSecond: latencies.length / Math.max(seconds, 0.001) });
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}
