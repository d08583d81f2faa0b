/**
 * "Nothing acknowledged is ever lost", with a real server process and a real SMTP listener: a change that
 * queues an e-mail is acknowledged (201), the process is killed with SIGKILL before the outbox delivers it,
 * and after a restart the e-mail reaches the listener exactly once (counted by its de-duplication key).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo-network.ts';
import { skipReason } from '../harness/database.ts';
import { httpLogin, newInstallation, startServer, type Installation } from '../support/processes.ts';
import { startSmtp } from '../support/receivers.ts';

const keyOf = (raw: string) => /X-Handoff-Dedupe-Key: (\S+)/.exec(raw)?.[1];

describe.skipIf(skipReason)('outbox across a crash', { timeout: 180_000 }, () => {
  const installations: Installation[] = [];
  afterAll(async () => {
    for (const i of installations) await i.dispose();
  });

  it('delivers an e-mail committed before kill -9 exactly once after the restart', async () => {
    const smtp = await startSmtp();
    try {
      const i = await newInstallation({
        HANDOFF_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        // The first server delivers only at start; anything queued later waits for the next process.
        HANDOFF_OUTBOX_INTERVAL_MS: '600000',
        HANDOFF_TICK_INTERVAL_MS: '3600000',
      });
      installations.push(i);
      const first = await startServer(i.env);
      const headers = await httpLogin(first.url, 'admin.cbo@demo.handoff.test', DEMO_PASSWORD);
      const session = (await (await fetch(`${first.url}/api/v1/auth/session`, { headers })).json()) as {
        memberships: Array<{ organization: { id: string } }>;
      };
      const org = session.memberships[0]?.organization.id ?? '';
      const res = await fetch(`${first.url}/api/v1/organizations/${org}/invitations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: 'crash.test@example.test', roles: ['cbo_intake'] }),
      });
      expect(res.status).toBe(201);
      const key = `invitation:${((await res.json()) as { id: string }).id}`;
      await first.kill9();
      expect(smtp.mail.filter((m) => keyOf(m.raw) === key)).toEqual([]);

      const second = await startServer({ ...i.env, HANDOFF_OUTBOX_INTERVAL_MS: '200' });
      try {
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline && !smtp.mail.some((m) => keyOf(m.raw) === key)) {
          await new Promise((r) => setTimeout(r, 100));
        }
        // Give a duplicate every chance to arrive before counting.
        await new Promise((r) => setTimeout(r, 1500));
        const delivered = smtp.mail.filter((m) => keyOf(m.raw) === key);
        expect(delivered).toHaveLength(1);
        expect(delivered[0]?.to).toBe('crash.test@example.test');
      } finally {
        await second.stop();
      }
    } finally {
      await smtp.close();
    }
  });
});
