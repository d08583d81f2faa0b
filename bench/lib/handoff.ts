/**
 * Starts Handoff in-process for a benchmark, on PGlite (a temp data dir) or on a PostgreSQL database,
 * with the demo data loaded, and issues an API token for the demo navigator.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps, MemberActor } from '../../server/src/app/context.ts';
import { authenticateSession } from '../../server/src/app/identity/authenticate.ts';
import { login } from '../../server/src/app/identity/login.ts';
import { createApiToken } from '../../server/src/app/tokens/create-api-token.ts';
import { loadConfig } from '../../server/src/config.ts';
import { startHandoff } from '../../server/src/server.ts';
import type { BenchEngine } from './report.ts';

export const demoLogin = { email: 'navigator@demo.handoff.test', password: 'handoff-demo-2026' } as const;

export interface BenchServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

export interface StartBenchServerOptions {
  engine: BenchEngine;
  /** Required for 'postgres'. */
  databaseUrl?: string;
  /** Extra environment for `loadConfig`. */
  env?: Record<string, string>;
}

export async function startBenchServer(options: StartBenchServerOptions): Promise<BenchServer> {
  if (options.engine === 'postgres' && !options.databaseUrl)
    throw new Error('postgres engine needs a databaseUrl');
  const dataDir = await mkdtemp(join(tmpdir(), 'handoff-bench-'));
  try {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HANDOFF_DATA_DIR: dataDir,
      ...(options.engine === 'postgres' ? { DATABASE_URL: options.databaseUrl } : {}),
      HANDOFF_DEMO: '1',
      HANDOFF_SECRET_KEY: randomBytes(32).toString('base64'),
      // Per-request info logs would measure pino and the terminal, not Handoff.
      HANDOFF_LOG_LEVEL: 'warn',
      // All load comes from 127.0.0.1: lift the per-IP login rate limit (30/min by default).
      HANDOFF_LOGIN_RATE_PER_MINUTE: '1000000',
      ...options.env,
    });
    const app = await startHandoff(config);
    return {
      url: app.url.replace(/\/$/, ''),
      deps: app.deps,
      async close() {
        try {
          await app.close();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** An API token acting as the demo navigator's first membership, issued through the use cases. */
export async function issueDemoApiToken(deps: Deps): Promise<string> {
  const meta = { requestId: null, clientAddress: '127.0.0.1', via: 'cli' as const };
  const { sessionToken } = await login(deps, { ...demoLogin }, meta);
  const { actor } = await authenticateSession(deps, sessionToken, meta);
  const created = await createApiToken(deps, actor, { name: 'bench', expiresInDays: 1 });
  return created.token;
}

/** Signs in a demo user through the use cases and issues an API token for its first membership. */
export async function signInMember(
  deps: Deps,
  email: string,
): Promise<{ member: MemberActor; token: string }> {
  const meta = { requestId: null, clientAddress: '127.0.0.1', via: 'cli' as const };
  const { sessionToken } = await login(deps, { email, password: demoLogin.password }, meta);
  const { actor } = await authenticateSession(deps, sessionToken, meta);
  if (actor.kind !== 'member') throw new Error(`${email} has no membership`);
  const created = await createApiToken(deps, actor, { name: 'bench', expiresInDays: 1 });
  return { member: actor, token: created.token };
}
