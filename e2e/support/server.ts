/**
 * Starts a real Handoff server for journeys: an SMTP capture on a free port, then
 * `node server/bin/handoff.mjs serve` on another free port with a fresh data dir, the demo network and a
 * random secret key; waits for `GET /healthz`. The global setup starts the suite's server with it; a journey
 * that must not disturb the others (one that moves the server's clock) starts its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';
import { startSmtpCapture } from './smtp-capture.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..', '..');
export const resultsDir = join(repoRoot, 'e2e', 'results');
const STARTUP_TIMEOUT_MS = 180_000;

export interface RunningServer {
  baseUrl: string;
  /** Where the SMTP capture writes each message (`support/mailbox.ts` reads it). */
  mailDir: string;
  /** Stops the server and the SMTP capture and removes the data (kept with `HANDOFF_E2E_KEEP`). */
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** The server's log, under `e2e/results/`. */
  logName: string;
  /** More environment for the server (e.g. `HANDOFF_DEV_CLOCK`). */
  env?: Record<string, string>;
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The server exited with code ${child.exitCode} before it was healthy:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not healthy after ${STARTUP_TIMEOUT_MS} ms:\n${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no server log)';
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  mkdirSync(resultsDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'handoff-e2e-'));
  const dataDir = join(work, 'data');
  const mailDir = join(work, 'mail');
  mkdirSync(mailDir);

  const smtp = await startSmtpCapture(mailDir, await freePort());
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(resultsDir, options.logName);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['server/bin/handoff.mjs', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HANDOFF_DATA_DIR: dataDir,
      HANDOFF_DEMO: '1',
      HANDOFF_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      HANDOFF_OUTBOX_INTERVAL_MS: '200',
      // Every browser shares 127.0.0.1: keep the per-address sign-in limit out of the journeys' way.
      HANDOFF_LOGIN_RATE_PER_MINUTE: '600',
      HANDOFF_SECRET_KEY: randomBytes(32).toString('base64'),
      HANDOFF_PUBLIC_URL: baseUrl,
      HANDOFF_LOG_LEVEL: process.env.HANDOFF_LOG_LEVEL ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = async () => {
    await stopChild(child);
    await smtp.close();
    log.end();
    if (!process.env.HANDOFF_E2E_KEEP) rmSync(work, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, mailDir, stop };
}
