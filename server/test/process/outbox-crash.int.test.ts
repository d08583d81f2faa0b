/**
 * "Nothing acknowledged is ever lost", with real server processes and a real SMTP listener:
 * - a change that queues an e-mail is acknowledged (201), the process is killed with SIGKILL before the
 *   outbox delivers it, and after a restart the e-mail reaches the listener exactly once;
 * - the process is killed while the listener holds the e-mail unanswered (mid-send): when the lease
 *   (`HANDOFF_OUTBOX_LEASE_MS`) runs out the next process sends it again, and the receiver, de-duplicating
 *   by key, keeps exactly one; nothing is sent a third time.
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

  /** Signs in as the CBO's administrator and invites someone: the change that queues an e-mail. */
  async function invite(url: string, email: string): Promise<string> {
    const headers = await httpLogin(url, 'admin.cbo@demo.handoff.test', DEMO_PASSWORD);
    const session = (await (await fetch(`${url}/api/v1/auth/session`, { headers })).json()) as {
      memberships: Array<{ organization: { id: string } }>;
    };
    const org = session.memberships[0]?.organization.id ?? '';
    const res = await fetch(`${url}/api/v1/organizations/${org}/invitations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, roles: ['cbo_intake'] }),
    });
    expect(res.status).toBe(201);
    return `invitation:${((await res.json()) as { id: string }).id}`;
  }

  const waitFor = async (done: () => boolean, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && !done()) await new Promise((r) => setTimeout(r, 100));
  };

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
      const key = await invite(first.url, 'crash.test@example.test');
      await first.kill9();
      expect(smtp.mail.filter((m) => keyOf(m.raw) === key)).toEqual([]);

      const second = await startServer({ ...i.env, HANDOFF_OUTBOX_INTERVAL_MS: '200' });
      try {
        await waitFor(() => smtp.mail.some((m) => keyOf(m.raw) === key));
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

  it('sends an e-mail again after kill -9 mid-send, and the receiver keeps one copy by its key', async () => {
    const to = 'mid.send@example.test';
    let holding = true;
    const smtp = await startSmtp(0, { hold: (raw) => holding && raw.includes(to) });
    try {
      const i = await newInstallation({
        HANDOFF_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        HANDOFF_OUTBOX_INTERVAL_MS: '200',
        HANDOFF_OUTBOX_LEASE_MS: '2000',
        HANDOFF_TICK_INTERVAL_MS: '3600000',
      });
      installations.push(i);
      const first = await startServer(i.env);
      const key = await invite(first.url, to);
      const copies = () => smtp.mail.filter((m) => keyOf(m.raw) === key);
      // The listener has the whole message but has not answered: the sender cannot have marked it.
      await waitFor(() => copies().length === 1);
      expect(copies()).toHaveLength(1);
      await first.kill9();
      holding = false;

      const second = await startServer(i.env);
      try {
        await waitFor(() => copies().length >= 2);
        // Well past another lease and several worker rounds: a copy marked delivered is not sent again.
        await new Promise((r) => setTimeout(r, 4000));
        expect(copies()).toHaveLength(2);
        expect(new Set(copies().map((m) => keyOf(m.raw)))).toEqual(new Set([key]));
        expect(copies().every((m) => m.to === to)).toBe(true);
      } finally {
        await second.stop();
      }
    } finally {
      await smtp.close();
    }
  });
});
