/**
 * An in-process Handoff for integration tests: a fresh database from the harness (PGlite or
 * PostgreSQL, per Vitest project), the demo network seeded, the Fastify app built (driven with
 * `inject`), a manual clock, and logs captured in memory so tests can scan them for secrets.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../src/app/context.ts';
import { DEMO_PASSWORD, seedDemoNetwork } from '../../src/app/demo/seed-demo-network.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { manualClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { openTestDatabase, type TestDatabase } from '../harness/database.ts';

export { DEMO_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: ReturnType<typeof manualClock>;
  test: TestDatabase;
  logs: string[];
  /** Signs in with the demo password (or the given one); returns a client bound to that session. */
  login(email: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  cookie: string;
  csrf: string;
  session: SessionBody;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface SessionBody {
  user: { id: string; email: string };
  memberships: Array<{
    id: string;
    organization: { id: string; slug: string; kind: string; name: string };
    roles: string[];
  }>;
  activeMembershipId: string;
  csrfToken: string;
  permissions: string[];
  totpEnrollmentRequired: boolean;
}

export const START = '2026-11-23T15:00:00.000Z';

/**
 * A test app on a fresh database with the demo network. The demo's 18-month transition history is left out
 * unless `history` is asked for (it costs seconds per database and most tests do not read it).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { history?: boolean } = {},
): Promise<TestApp> {
  const test = await openTestDatabase();
  const clock = manualClock(START);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const config = loadConfig({
    HANDOFF_LOGIN_RATE_PER_MINUTE: '1000',
    HANDOFF_DATA_DIR: '/nonexistent-test-dir',
    ...env,
  });
  const deps: Deps = {
    db: test.database.db,
    engine: test.database.engine,
    clock,
    config,
    secretKey: randomBytes(32),
    log: createLogger('info', sink),
  };
  await seedDemoNetwork(deps, { history: options.history ?? false });
  const app = await buildApp(deps);
  await app.ready();

  const login = async (email: string, password = DEMO_PASSWORD): Promise<TestClient> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    return clientFor(app, res);
  };
  return {
    app,
    deps,
    clock,
    test,
    logs,
    login,
    async close() {
      await app.close();
      await test.dispose();
    },
  };
}

export function clientFor(app: FastifyInstance, loginResponse: LightMyRequestResponse): TestClient {
  const cookie = loginResponse.cookies.find((c) => c.name === 'handoff_session');
  if (!cookie) throw new Error('no session cookie');
  const session = loginResponse.json<SessionBody>();
  const client: TestClient = {
    cookie: `handoff_session=${cookie.value}`,
    csrf: session.csrfToken,
    session,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
  return client;
}

/** The organization id of the client's active membership. */
export const activeOrg = (c: TestClient): string => {
  const m = c.session.memberships.find((x) => x.id === c.session.activeMembershipId);
  if (!m) throw new Error('no active membership');
  return m.organization.id;
};
