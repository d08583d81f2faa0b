/**
 * Invitations end to end over real SMTP: an org admin invites, the outbox delivers the e-mail to a
 * real `smtp-server` listener (with a de-duplication key), the invitee opens the link, sets a
 * password and signs in. An unreachable SMTP server delays delivery but loses nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailTransport } from '../../src/integrations/email/transport.ts';
import { createOutboxWorker } from '../../src/jobs/outbox-worker.ts';
import { outbox } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { startSmtp } from '../support/receivers.ts';
import { activeOrg, createTestApp, type TestApp } from '../support/test-app.ts';

describe.skipIf(skipReason)('invitations over SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('delivers the invitation e-mail and lets the invitee join and sign in', async () => {
    const smtp = await startSmtp();
    const worker = createOutboxWorker(
      { ...t.deps, config: { ...t.deps.config, outboxIntervalMs: 600_000 } },
      createEmailTransport({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'Handoff <h@x.test>',
        dataDir: '/nonexistent',
      }),
    );
    try {
      const admin = await t.login('admin.cbo@demo.handoff.test');
      const org = activeOrg(admin);
      const res = await admin.request('POST', `/api/v1/organizations/${org}/invitations`, {
        email: 'New.Person@Example.test',
        roles: ['cbo_intake'],
      });
      expect(res.statusCode).toBe(201);
      expect(await worker.runOnce()).toBe(1);
      expect(await worker.runOnce()).toBe(0);
      expect(smtp.mail).toHaveLength(1);
      const [mail] = smtp.mail;
      expect(mail?.to).toBe('new.person@example.test');
      expect(mail?.raw).toMatch(/X-Handoff-Dedupe-Key: invitation:/);
      const token = /\/invite\/([\w-]+)/.exec(mail?.raw ?? '')?.[1];
      if (!token) throw new Error('no invitation link');

      const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
      expect(info.json()).toMatchObject({
        email: 'new.person@example.test',
        roles: ['cbo_intake'],
        existingUser: false,
      });
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token },
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors[0].field).toBe('displayName');
      const accept = await t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, displayName: 'New Person', password: 'welcome aboard friend' },
      });
      expect(accept.statusCode).toBe(204);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, displayName: 'X', password: 'welcome aboard friend' },
      });
      expect(again.statusCode).toBe(404);
      const member = await t.login('new.person@example.test', 'welcome aboard friend');
      expect(member.session.memberships[0]?.roles).toEqual(['cbo_intake']);
      expect(member.session.memberships[0]?.organization.id).toBe(org);
    } finally {
      await worker.stop();
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    }
  });

  it('adds a membership to an existing person (cross-hiring) without a new password', async () => {
    const admin = await t.login('admin.hospital@demo.handoff.test');
    const res = await admin.request('POST', `/api/v1/organizations/${activeOrg(admin)}/invitations`, {
      email: 'intake@demo.handoff.test',
      roles: ['liaison'],
    });
    expect(res.statusCode).toBe(201);
    const [row] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `invitation:${res.json<{ id: string }>().id}`));
    const token = /\/invite\/([\w-]+)/.exec(String(row?.payload.text))?.[1];
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(accept.statusCode).toBe(204);
    const person = await t.login('intake@demo.handoff.test');
    expect(person.session.memberships).toHaveLength(2);
  });

  it('keeps e-mail while the SMTP server is unreachable and delivers it once it is back', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await new Promise<void>((resolve) => probe.server.close(() => resolve()));
    // The worker's own timer must not race the test's runs: it ticks once at start, then only when told.
    const worker = createOutboxWorker(
      { ...t.deps, config: { ...t.deps.config, outboxIntervalMs: 600_000 } },
      createEmailTransport({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'h@x.test',
        dataDir: '/nonexistent',
      }),
    );
    try {
      await worker.runOnce(); // after the start tick: whatever was due has failed and waits its back-off
      const before = await t.deps.db.select().from(outbox).where(eq(outbox.status, 'pending'));
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'navigator@demo.handoff.test' },
      });
      expect(res.statusCode).toBe(202);
      expect(await worker.runOnce()).toBe(0);
      const pending = await t.deps.db.select().from(outbox).where(eq(outbox.status, 'pending'));
      expect(pending.length).toBe(before.length + 1);
      expect(pending.every((p) => p.attempts >= 1 && p.nextAttemptAt > t.clock.now())).toBe(true);
      expect(await worker.runOnce()).toBe(0); // not due yet: back-off
      const smtp = await startSmtp(port);
      t.clock.advance(60_000);
      const delivered = await worker.runOnce();
      expect(delivered).toBe(pending.length);
      expect(smtp.mail.some((m) => m.to === 'navigator@demo.handoff.test')).toBe(true);
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    } finally {
      await worker.stop();
    }
  });
});
