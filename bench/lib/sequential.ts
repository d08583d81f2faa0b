/**
 * One request at a time, timed, from a worker thread: the client's own work (sending, reading and
 * parsing responses) does not run on the in-process server's event loop, as with a real client.
 */
import { Worker } from 'node:worker_threads';

export interface TimedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const durations = [];
  for (const request of workerData.requests) {
    const started = performance.now();
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    const text = await res.text();
    const elapsed = performance.now() - started;
    if (!res.ok) throw new Error(request.method + ' ' + request.url + ' answered ' + res.status + ': ' + text);
    durations.push(elapsed);
  }
  parentPort.postMessage(durations);
})().catch((error) => { throw error; });
`;

/** Sends the requests in order, each after the previous answered; returns each one's milliseconds. */
export function timeSequentially(requests: TimedRequest[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { requests } });
    worker.once('message', (durations: number[]) => resolve(durations));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`request worker exited with ${code}`));
    });
  });
}
