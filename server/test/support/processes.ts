/**
 * Real processes for tests: the `handoff` CLI and server started with `node server/bin/handoff.mjs`,
 * their output captured (to assert on messages and to scan logs for secrets), on the engine of the
 * current Vitest project (a temporary data dir for PGlite; a scratch database for PostgreSQL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabaseUrl, testEngine } from '../harness/database.ts';

const bin = fileURLToPath(new URL('../../bin/handoff.mjs', import.meta.url));

export interface Installation {
  env: Record<string, string>;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A fresh, empty installation (data dir, and a database on PostgreSQL) for the current engine. */
export async function newInstallation(extra: Record<string, string> = {}): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handoff-proc-'));
  const env: Record<string, string> = {
    HANDOFF_DATA_DIR: dataDir,
    HANDOFF_SECRET_KEY: randomBytes(32).toString('base64'),
    HANDOFF_LOG_LEVEL: 'info',
    HANDOFF_LOGIN_RATE_PER_MINUTE: '100000',
    ...extra,
  };
  let drop = async () => undefined as unknown;
  if (testEngine === 'postgres') {
    const scratch = await createScratchDatabaseUrl();
    env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  }
  return { env, dataDir, dispose: async () => void (await drop()) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/** Starts `handoff serve`; resolves once /healthz answers, rejects if the process exits first. */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void exited.then(() => (done = true));
  while (!done && Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (done) throw new Error(`server exited early:\n${stderr}`);
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`server did not become healthy:\n${stderr}`);
  }
  return {
    url,
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Signs in over HTTP; returns headers for cookie-authenticated writes. */
export async function httpLogin(
  url: string,
  email: string,
  password: string,
): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}
