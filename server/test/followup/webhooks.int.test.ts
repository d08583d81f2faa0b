/**
 * Signed webhooks end to end over real HTTP: an organization's administrator subscribes an endpoint (the
 * secret shown once; https only except loopback; administrators only), a referral sent to the organization
 * is delivered through the outbox with a valid HMAC signature and its event id, and no patient data; a
 * receiver answering 500 gets retries with exponential back-off, each attempt in the delivery log, until
 * it answers; an unreachable receiver delays delivery without blocking requests or losing it; a manual
 * re-send delivers the same event id again; a paused subscription is not sent to.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index.ts';
import { verifyWebhook } from '../../src/domain/notifications/webhook-signature.ts';
import type { DeliveryView } from '../../src/app/notifications/webhook-deliveries.ts';
import { createEmailTransport } from '../../src/integrations/email/transport.ts';
import { createOutboxWorker, retryDelayMs, type OutboxWorker } from '../../src/jobs/outbox-worker.ts';
import { skipReason } from '../harness/database.ts';
import { startHookReceiver, startSmtp, type HookReceiver } from '../support/receivers.ts';
import { createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';
import { referralFixture } from '../support/referral-fixture.ts';

describe.skipIf(skipReason)('webhooks', () => {
  let t: TestApp;
  let hook: HookReceiver;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let worker: OutboxWorker;
  let admin: TestClient;
  let subscription: { id: string; secret: string };

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OUTBOX_INTERVAL_MS: '600000' });
    t.clock.set(START);
    hook = await startHookReceiver();
    smtp = await startSmtp();
    worker = createOutboxWorker(
      t.deps,
      createEmailTransport({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'h@x.test',
        dataDir: '/nonexistent',
      }),
    );
    admin = await t.login('admin.cbo@demo.handoff.test');
  });
  afterAll(async () => {
    await worker.stop();
    await hook.close();
    await smtp.close();
    await t.close();
  });

  const drain = async () => {
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const delivered = await worker.runOnce();
      total += delivered;
      if (delivered === 0) break;
    }
    return total;
  };
  const webhookRows = () => t.deps.db.select().from(outbox).where(eq(outbox.channel, 'webhook'));

  it('subscribes only administrators, only to https or loopback endpoints', async () => {
    const f = await referralFixture(t);
    expect((await f.intake.request('POST', '/api/v1/webhooks', { url: hook.url })).statusCode).toBe(403);
    const plain = await admin.request('POST', '/api/v1/webhooks', { url: 'http://example.com/hook' });
    expect(plain.statusCode).toBe(400);
    const badEvent = await admin.request('POST', '/api/v1/webhooks', { url: hook.url, events: ['Referral'] });
    expect(badEvent.statusCode).toBe(400);
    const created = await admin.request('POST', '/api/v1/webhooks', { url: hook.url, events: ['referral.'] });
    expect(created.statusCode, created.body).toBe(201);
    subscription = created.json<{ id: string; secret: string }>();
    expect(subscription.secret).toMatch(/^whsec_/);
    const listed = await admin.request('GET', '/api/v1/webhooks');
    expect(listed.body).not.toContain(subscription.secret);
  });

  it('delivers a signed event with its id and no patient data, once', async () => {
    const f = await referralFixture(t);
    const { view } = await f.send('W-1');
    await drain();
    const events = hook.received.filter((r) => r.body.includes(view.id));
    expect(events).toHaveLength(1);
    const [event] = events;
    const signature = String(event?.headers['handoff-signature']);
    expect(verifyWebhook(subscription.secret, event?.body ?? '', signature, t.clock.now())).toBe(true);
    expect(verifyWebhook('whsec_wrong', event?.body ?? '', signature, t.clock.now())).toBe(false);
    const body = JSON.parse(event?.body ?? '{}') as {
      id: string;
      type: string;
      data: Record<string, string>;
    };
    expect(body).toMatchObject({
      type: 'referral.sent',
      data: { referralId: view.id, link: `/referrals/${view.id}` },
    });
    expect(event?.headers['handoff-event-id']).toBe(body.id);
    expect(event?.body).not.toMatch(/PatW-1|Delgado|buprenorphine/);
    expect(await drain()).toBe(0);
  });

  it('retries a failing receiver with back-off, logs every attempt, and delivers when it recovers', async () => {
    const f = await referralFixture(t);
    hook.answer = 500;
    const { view } = await f.send('W-2');
    await worker.runOnce();
    const [row] = (await webhookRows()).filter((r) => r.dedupeKey.includes(view.id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_500' });
    expect(row?.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + retryDelayMs(1));
    await worker.runOnce();
    expect(
      (
        await t.deps.db
          .select()
          .from(outbox)
          .where(eq(outbox.id, row?.id ?? ''))
      ).at(0)?.attempts,
    ).toBe(1);

    t.clock.set(new Date(t.clock.now().getTime() + retryDelayMs(1)));
    await worker.runOnce();
    const [second] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, row?.id ?? ''));
    expect(second?.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    hook.answer = 204;
    t.clock.set(new Date(t.clock.now().getTime() + retryDelayMs(2)));
    await worker.runOnce();
    const log = await admin.request('GET', `/api/v1/webhooks/${subscription.id}/deliveries`);
    const delivery = log.json<DeliveryView[]>().find((d) => d.id === row?.id);
    expect(delivery).toMatchObject({ status: 'delivered', type: 'referral.sent' });
    expect(delivery?.attempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [false, 500],
      [true, 204],
    ]);
    t.clock.set(START);
  });

  it('keeps deliveries for an unreachable receiver without blocking requests', async () => {
    const f = await referralFixture(t);
    const gone = await startHookReceiver();
    const url = gone.url;
    await gone.close();
    const second = await admin.request('POST', '/api/v1/webhooks', { url, events: ['referral.sent'] });
    expect(second.statusCode).toBe(201);
    const { view } = await f.send('W-3');
    await worker.runOnce();
    const rows = (await webhookRows()).filter((r) => r.dedupeKey.includes(view.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['delivered', 'pending']);
    const waiting = rows.find((r) => r.status === 'pending');
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|fetch failed|TypeError|error/i);
    // Requests go on while the receiver is down.
    const next = await f.send('W-4');
    expect(next.view.status).toBe('sent');
    await admin.request('POST', `/api/v1/webhooks/${second.json<{ id: string }>().id}/pause`);
  });

  it('re-sends a delivery with the same event id on request, and not to a paused subscription', async () => {
    const [delivered] = (await admin.request('GET', `/api/v1/webhooks/${subscription.id}/deliveries`))
      .json<DeliveryView[]>()
      .filter((d) => d.status === 'delivered');
    if (!delivered) throw new Error('nothing delivered');
    const before = hook.received.length;
    const resend = await admin.request(
      'POST',
      `/api/v1/webhooks/${subscription.id}/deliveries/${delivered.id}/resend`,
    );
    expect(resend.statusCode, resend.body).toBe(200);
    await drain();
    const again = hook.received
      .slice(before)
      .filter((r) => r.headers['handoff-event-id'] === delivered.eventId);
    expect(again).toHaveLength(1);
    const other = await referralFixture(t);
    const foreign = await other.navigator.request(
      'POST',
      `/api/v1/webhooks/${subscription.id}/deliveries/${delivered.id}/resend`,
    );
    expect(foreign.statusCode).toBe(403);

    // Queued, then paused before delivery: closed unsent (410 in the log), nothing reaches the receiver.
    const f = await referralFixture(t);
    const { view } = await f.send('W-5');
    await admin.request('POST', `/api/v1/webhooks/${subscription.id}/pause`);
    const count = hook.received.length;
    await drain();
    expect(hook.received.length).toBe(count);
    const log = (await admin.request('GET', `/api/v1/webhooks/${subscription.id}/deliveries`)).json<
      DeliveryView[]
    >();
    const closed = log.find((d) => d.eventId.includes(view.id));
    expect(closed).toMatchObject({ status: 'closed', nextAttemptAt: null });
    expect(closed?.attempts.map((a) => a.statusCode)).toEqual([410]);
    // Nothing new is queued for a paused subscription.
    const later = await f.send('W-6');
    const queued = await t.deps.db
      .select()
      .from(outbox)
      .where(sql`${outbox.dedupeKey} like ${`%${later.view.id}%:webhook:${subscription.id}`}`);
    expect(queued).toEqual([]);

    // Resumed: new events are sent again; what was closed while paused stays closed.
    const resumed = await admin.request('POST', `/api/v1/webhooks/${subscription.id}/resume`);
    expect(resumed.json<{ active: boolean }>().active).toBe(true);
    const next = await f.send('W-7');
    await drain();
    expect(hook.received.some((r) => String(r.headers['handoff-event-id']).includes(next.view.id))).toBe(
      true,
    );
    const after = (await admin.request('GET', `/api/v1/webhooks/${subscription.id}/deliveries`)).json<
      DeliveryView[]
    >();
    expect(after.find((d) => d.id === closed?.id)?.status).toBe('closed');
  });
});
