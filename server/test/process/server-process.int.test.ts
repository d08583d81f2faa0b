/**
 * The server as a real process: one process per embedded data dir, detection of an interrupted
 * first start, a kill -9 in the middle of a burst of writes (no half-written rows, audit chain
 * intact after restart), and no passwords or tokens in what the processes log.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo-network.ts';
import { openPglite, openPostgres, queryRows, type Database } from '../../src/db/client.ts';
import { skipReason, testEngine } from '../harness/database.ts';
import { httpLogin, newInstallation, runCli, startServer, type Installation } from '../support/processes.ts';

const installations: Installation[] = [];
const captured: string[] = [];
const secrets: string[] = [DEMO_PASSWORD];

async function install(extra: Record<string, string> = {}) {
  const i = await newInstallation(extra);
  installations.push(i);
  return i;
}

function openDirect(i: Installation): Promise<Database> | Database {
  return i.env.DATABASE_URL ? openPostgres(i.env.DATABASE_URL, 2) : openPglite(join(i.dataDir, 'pgdata'));
}

describe.skipIf(skipReason)('server process', { timeout: 240_000 }, () => {
  afterAll(async () => {
    for (const i of installations) await i.dispose();
  });

  it.skipIf(testEngine !== 'pglite')(
    'refuses a second server (and the CLI) on the same embedded data dir',
    async () => {
      const i = await install();
      const first = await startServer(i.env);
      try {
        const second = await runCli(['serve'], { ...i.env, PORT: '0' });
        expect(second.code).not.toBe(0);
        expect(second.stderr).toMatch(/Another Handoff process \(pid \d+\) is using the data directory/);
        const cli = await runCli(['org', 'list', '--json'], i.env);
        expect(cli.code).not.toBe(0);
        expect(cli.stderr).toMatch(/Another Handoff process/);
        expect((await fetch(`${first.url}/healthz`)).ok).toBe(true);
      } finally {
        await first.stop();
        captured.push(first.output().stdout);
      }
      // a clean stop releases the lock
      const list = await runCli(['org', 'list', '--json'], i.env);
      expect(list.code).toBe(0);
    },
  );

  it.skipIf(testEngine !== 'pglite')(
    'detects a first start that was interrupted and says how to recover',
    async () => {
      const i = await install();
      const { spawn } = await import('node:child_process');
      const child = spawn(
        process.execPath,
        [new URL('../../bin/handoff.mjs', import.meta.url).pathname, 'serve'],
        {
          env: { ...process.env, ...i.env, PORT: '0' },
          stdio: 'ignore',
        },
      );
      const exited = new Promise((r) => child.on('exit', r));
      const marker = join(i.dataDir, 'FIRST_START_INCOMPLETE');
      const deadline = Date.now() + 30_000;
      while (!(existsSync(marker) && existsSync(join(i.dataDir, 'pgdata'))) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill('SIGKILL');
      await exited;
      expect(existsSync(marker)).toBe(true);
      const again = await runCli(['serve'], { ...i.env, PORT: '0' });
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/first start of Handoff in .* was interrupted/);
      expect(again.stderr).toMatch(/rm -rf/);
    },
  );

  it('survives kill -9 during a burst of writes: no half-written rows, audit chain intact', async () => {
    const i = await install();
    let server = await startServer(i.env);
    const headers = await httpLogin(server.url, 'admin.cbo@demo.handoff.test', DEMO_PASSWORD);
    const session = (await (await fetch(`${server.url}/api/v1/auth/session`, { headers })).json()) as {
      memberships: Array<{ organization: { id: string } }>;
    };
    const org = session.memberships[0]?.organization.id ?? '';
    let acknowledged = 0;
    let stop = false;
    const writer = async (n: number) => {
      for (let k = 0; !stop; k++) {
        const write =
          k % 2 === 0
            ? fetch(`${server.url}/api/v1/tokens`, {
                method: 'POST',
                headers,
                body: JSON.stringify({ name: `burst-${n}-${k}` }),
              })
            : fetch(`${server.url}/api/v1/organizations/${org}/sites`, {
                method: 'POST',
                headers,
                body: JSON.stringify({ name: `Burst ${n}-${k}` }),
              });
        try {
          const res = await write;
          if (res.status === 201) {
            acknowledged++;
            const body = (await res.json()) as { token?: string };
            if (body.token) secrets.push(body.token);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Promise.all([1, 2, 3, 4].map(writer));
    while (acknowledged < 40) await new Promise((r) => setTimeout(r, 10));
    await server.kill9();
    stop = true;
    await writers;
    captured.push(server.output().stdout);

    server = await startServer(i.env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await server.stop();
    captured.push(server.output().stdout);

    const verify = await runCli(['audit', 'verify'], i.env);
    expect(verify.stderr).toMatch(/Audit trail intact/);
    expect(verify.code).toBe(0);

    const database = await openDirect(i);
    try {
      const [tokens] = await queryRows<{ rows: number; audited: number }>(
        database.db,
        sql`select count(*)::int as rows,
              count(*) filter (where exists (select 1 from audit_event e
                where e.action = 'token.create' and e.entity_id = t.id::text))::int as audited
            from api_token t where t.name like 'burst-%'`,
      );
      const [siteRows] = await queryRows<{ rows: number; audited: number }>(
        database.db,
        sql`select count(*)::int as rows,
              count(*) filter (where exists (select 1 from audit_event e
                where e.action = 'site.create' and e.entity_id = s.id::text))::int as audited
            from site s where s.name like 'Burst %'`,
      );
      const [events] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_event where action in ('token.create', 'site.create')`,
      );
      // every committed write has its audit event and vice versa; everything acknowledged survived
      expect(tokens?.audited).toBe(tokens?.rows);
      expect(siteRows?.audited).toBe(siteRows?.rows);
      expect(events?.n).toBe((tokens?.rows ?? 0) + (siteRows?.rows ?? 0));
      expect((tokens?.rows ?? 0) + (siteRows?.rows ?? 0)).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      await database.close();
    }
  });

  it('logs no passwords, session cookies or API tokens', async () => {
    const i = await install();
    const server = await startServer(i.env);
    const headers = await httpLogin(server.url, 'navigator@demo.handoff.test', DEMO_PASSWORD);
    secrets.push(headers.cookie?.split('=')[1] ?? '');
    const token = (await (
      await fetch(`${server.url}/api/v1/tokens`, { method: 'POST', headers, body: '{"name":"x"}' })
    ).json()) as {
      token: string;
    };
    secrets.push(token.token);
    await fetch(`${server.url}/api/v1/network`, { headers: { authorization: `Bearer ${token.token}` } });
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'navigator@demo.handoff.test', password: 'a-wrong-password-123' }),
    });
    secrets.push('a-wrong-password-123');
    const invite = await fetch(`${server.url}/api/v1/invitations/secret-invitation-token-123`);
    expect(invite.status).toBe(404);
    secrets.push('secret-invitation-token-123');
    await server.stop();
    const { stdout, stderr } = server.output();
    captured.push(stdout);
    const logs = captured.join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).toMatch(/"route":"\/api\/v1\/invitations\/:token"/);
    for (const secret of secrets.filter((s) => s.length >= 8)) {
      expect(logs.includes(secret), `log contains a secret (${secret.slice(0, 4)}…)`).toBe(false);
    }
    // stderr carries only the human banner; the demo password is printed there by design on first start
    for (const secret of secrets.filter((s) => s.length >= 8 && s !== DEMO_PASSWORD))
      expect(stderr.includes(secret)).toBe(false);
  });
});
