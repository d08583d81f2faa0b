/**
 * Webhooks and handing a task over.
 *
 * 1. The OBOT's administrator subscribes a receiver this test starts (a real `node:http` server on
 *    127.0.0.1) to `referral.sent` events: a plain-http address elsewhere and a malformed event filter are
 *    refused next to their fields; the signing secret is shown once. The navigator then sends the OBOT a
 *    referral: the receiver gets the event, signed with that secret and naming no patient, and answers 500
 *    the first time. The delivery log shows the failure (HTTP 500, the next attempt's time); "Resend" sends
 *    it again at once with the same event id, the receiver takes it, and the log shows it delivered after
 *    two attempts. Pausing the webhook ends it.
 * 2. After a discharge the hospital's pathway makes the peer call, for a peer recovery specialist: the
 *    navigator, who may not take it, opens it and hands it to a colleague through the picker. The first try
 *    acts on a version someone else has just changed (412): the page says so and has reloaded the task; the
 *    second try hands it over and the page shows the new assignee.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { verifyWebhook } from '../server/src/domain/notifications/webhook-signature.ts';
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, generatedColleaguesOf, organizationsOf, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { closeNotifications } from './support/partnerships.ts';
import { networkTimezone } from './support/patients.ts';
import { freshPatient, obotService, recordDischargeNow, startTransition } from './support/transitions.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  event: { id?: string; type?: string; data?: Record<string, string> };
}

/** A webhook receiver on a free loopback port: it keeps every request and fails the first of each event. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let event: Received['event'] = {};
      try {
        event = JSON.parse(body) as Received['event'];
      } catch {
        // Kept as received; the test fails on what it expects.
      }
      const seenBefore = received.some((r) => r.event.id !== undefined && r.event.id === event.id);
      received.push({ headers: req.headers, body, event });
      res.writeHead(seenBefore ? 200 : 500, { 'content-type': 'text/plain' }).end(seenBefore ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/handoff-hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser context of its own, in the network's time zone, signed in. */
async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: networkTimezone });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test('an organization administrator subscribes a webhook, reads its delivery log, resends, pauses and resumes it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const receiver = await startReceiver();
  try {
    const organization = organizationsOf(users.cboAdmin.email)[0] ?? '';
    expect(organization).toBe(obotService.organization);
    const admin = await personPage(browser, users.cboAdmin.email);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('main').getByRole('link', { name: organization }).click();
    await admin.getByRole('tab', { name: 'Webhooks' }).click();
    await expect(admin).toHaveURL(/\?tab=webhooks$/);

    // Refused next to the fields: plain http elsewhere than localhost, an event filter that is no event.
    const form = admin.getByRole('form', { name: 'Add a webhook' });
    const url = form.getByRole('textbox', { name: /^Receiver URL/ });
    const events = form.getByRole('textbox', { name: /^Events \(optional\)/ });
    await url.fill('http://hooks.example.org/handoff');
    await events.fill('referral.sent, Referral-Sent');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect(form.getByText('Enter a full https address, such as')).toBeVisible();
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(
      form.getByText('“Referral-Sent” is not an event type or a prefix ending in a dot.'),
    ).toBeVisible();
    await expect(events).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(admin, 'webhooks tab with field errors');

    // Subscribed: the signing secret, this once.
    await url.fill(receiver.url);
    await events.fill('referral.sent');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secretField = admin.getByRole('textbox', { name: `Signing secret for ${receiver.url}` });
    await expect(secretField).toBeVisible();
    await expect(admin.getByText('Copy the signing secret now')).toBeVisible();
    await expect(admin.getByText(/you will not see it again/)).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Copy' })).toBeVisible();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(admin, 'webhooks tab with the new secret');
    await admin.getByRole('button', { name: 'I have stored it' }).click();
    await expect(secretField).toHaveCount(0);
    await closeNotifications(admin);

    const subscriptions = admin.getByRole('table', { name: 'Webhook subscriptions' });
    const row = subscriptions.getByRole('row').filter({ hasText: receiver.url });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('referral.sent');
    await expect(row.getByTestId('webhook-state')).toHaveText('Active');
    await row.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const log = admin.getByRole('region', { name: `Deliveries to ${receiver.url}` });
    await expect(log).toBeVisible();
    await expect(log.getByTestId('delivery-log')).toHaveAttribute('data-state', 'loaded');
    await expect(log.getByText('No event has been sent to this webhook yet.')).toBeVisible();

    // The navigator sends the OBOT a referral: the webhook wants `referral.sent`.
    const patient = freshPatient();
    const nav = await personPage(browser, users.navigator.email);
    await startTransition(nav, patient, true);
    const referralForm = nav.getByRole('form', { name: 'Refer to a partner service' });
    await referralForm.getByLabel('Search services').fill(obotService.name);
    await referralForm.getByRole('radio', { name: obotService.name, exact: true }).check();
    await referralForm.getByRole('button', { name: 'Send referral' }).click();
    const referralLink = nav
      .getByRole('table', { name: 'Referrals of this transition' })
      .getByRole('link', { name: obotService.organization, exact: true });
    await expect(referralLink).toBeVisible();
    const referralId = ((await referralLink.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(referralId).toMatch(/^[0-9a-f-]{36}$/);
    await nav.context().close();

    // The receiver gets it (other journeys' referrals to the OBOT may arrive too: this one is ours).
    const ours = () => receiver.received.filter((r) => r.event.data?.['referralId'] === referralId);
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const [first] = ours();
    if (!first) throw new Error('no delivery received');
    const eventId = first.event.id ?? '';
    expect(first.event.type).toBe('referral.sent');
    expect(eventId).toContain(referralId);
    expect(first.headers['handoff-event-id']).toBe(eventId);
    const signature = first.headers['handoff-signature'];
    expect(
      verifyWebhook(secret, first.body, typeof signature === 'string' ? signature : undefined, new Date()),
    ).toBe(true);
    for (const part of [patient.given, patient.family]) {
      expect(first.body, 'a webhook names no patient').not.toContain(part);
    }

    // The log shows the failed first attempt and when the next one is due.
    const delivery = log.getByRole('row').filter({ hasText: eventId });
    await expect(async () => {
      await log.getByRole('button', { name: 'Refresh' }).click();
      await expect(delivery.getByTestId('delivery-state')).toHaveAttribute('data-state', 'retrying', {
        timeout: 2_000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(delivery).toContainText('referral.sent');
    await expect(delivery.getByTestId('delivery-state')).toHaveText('Failed, will retry');
    await expect(delivery.getByTestId('attempt-count')).toHaveText('1');
    await expect(delivery.getByTestId('last-result')).toHaveText('HTTP 500');
    const columns = await log.getByRole('columnheader').allTextContents();
    const nextAttempt = delivery.getByRole('cell').nth(columns.indexOf('Next attempt'));
    await expect(nextAttempt).not.toHaveText('—');
    await expectAccessible(admin, 'delivery log with a failed delivery');

    // Resend: the receiver gets the same event again, now takes it, and the log says delivered.
    await delivery.getByRole('button', { name: /^Resend referral\.sent/ }).click();
    await expect(admin.getByText('The event will be sent again in a moment.')).toBeVisible();
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(ours().map((r) => r.event.id)).toEqual(ours().map(() => eventId));
    expect(ours()[1]?.headers['handoff-event-id']).toBe(eventId);
    await expect(async () => {
      await log.getByRole('button', { name: 'Refresh' }).click();
      await expect(delivery.getByTestId('delivery-state')).toHaveAttribute('data-state', 'delivered', {
        timeout: 2_000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(delivery.getByTestId('attempt-count')).toHaveText('2');
    await expect(delivery.getByTestId('last-result')).toHaveText('HTTP 200');
    await expect(nextAttempt).toHaveText('—');
    await delivery.getByRole('button', { name: /^Show each attempt of referral\.sent/ }).click();
    await expect(delivery.getByRole('listitem')).toHaveCount(2);
    await expect(delivery.getByRole('listitem').first()).toContainText('HTTP 500');
    await expect(delivery.getByRole('listitem').last()).toContainText('HTTP 200');
    await closeNotifications(admin);

    // Paused: no more events to this receiver.
    await row.getByRole('button', { name: `Pause webhook ${receiver.url}` }).click();
    const dialog = admin.getByRole('dialog', { name: 'Pause webhook' });
    await expect(dialog).toBeVisible();
    await expectAccessible(admin, 'pause webhook dialog');
    await dialog.getByRole('button', { name: 'Pause' }).click();
    await expect(row.getByTestId('webhook-state')).toHaveText('Paused');
    await expect(row.getByRole('button', { name: `Pause webhook ${receiver.url}` })).toHaveCount(0);
    // …and resumed: active again, pausable again.
    await row.getByRole('button', { name: `Resume webhook ${receiver.url}` }).click();
    await expect(row.getByTestId('webhook-state')).toHaveText('Active');
    await expect(row.getByRole('button', { name: `Pause webhook ${receiver.url}` })).toBeVisible();
    await admin.context().close();
  } finally {
    await receiver.close();
  }
});

test('the navigator hands the peer call to a colleague from the task page, after a stale first try', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const colleague = generatedColleaguesOf(users.navigator.email, ['peer_specialist'])[0];
  if (!colleague) throw new Error('no generated peer recovery specialist at the first hospital');
  const patient = freshPatient();
  const nav = await personPage(browser, users.navigator.email);
  await startTransition(nav, patient, false);

  // The discharge makes the pathway's tasks; the peer call waits, unassigned, in the team's queue.
  await recordDischargeNow(nav);
  await nav.goto('/tasks?filter=team');
  await expect(nav.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(nav.getByTestId('task-list')).toHaveAttribute('data-state', 'loaded');
  const peerCall = nav
    .getByRole('table', { name: 'Follow-up tasks' })
    .getByRole('row')
    .filter({ hasText: patient.name })
    .filter({ hasText: 'Peer call within 7 days of discharge' });
  await expect(peerCall).toHaveCount(1);
  const taskPath = (await peerCall.getByRole('link').first().getAttribute('href')) ?? '';
  expect(taskPath).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);

  await nav.goto(taskPath);
  await expect(
    nav.getByRole('heading', { level: 1, name: 'Peer call within 7 days of discharge' }),
  ).toBeVisible();
  const assignee = nav.getByTestId('task-assignee');
  await expect(assignee).toHaveText('Unassigned (peer recovery specialist)');
  const handForm = nav.getByRole('form', { name: 'Hand to a colleague' });
  const picker = handForm.getByRole('combobox', { name: 'Hand to a colleague' });
  await expect(picker).toBeVisible();
  // The navigator may not hold a peer call: no "Take it", and not among the choices.
  await expect(nav.getByRole('button', { name: /^Take it/ })).toHaveCount(0);
  const choices = await picker.locator('option').allTextContents();
  expect(choices).toContain(colleague.displayName);
  expect(choices).toContain(users.hospitalManager.displayName);
  expect(choices).not.toContain(users.navigator.displayName);
  await expect(handForm.getByRole('button', { name: 'Hand over' })).toBeDisabled();
  await expectAccessible(nav, 'task page with the hand-over picker');

  // Meanwhile someone else changes the task (as from another window): the hand-over acts on a stale version.
  const apiPath = `/api/v1${taskPath}`;
  const current = await nav.request.get(apiPath);
  const session = await nav.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const snoozed = await nav.request.post(`${apiPath}/snooze`, {
    data: { until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Asked us to call tomorrow' },
    headers: { 'If-Match': current.headers().etag ?? '', 'X-CSRF-Token': csrfToken },
  });
  expect(snoozed.status(), await snoozed.text()).toBe(200);
  await picker.selectOption({ label: colleague.displayName });
  await handForm.getByRole('button', { name: 'Hand over' }).click();
  await expect(nav.getByTestId('stale')).toContainText('Changed by someone else');
  await expect(nav.getByTestId('task-state')).toHaveAttribute('data-state', 'snoozed');
  await expect(assignee).toHaveText('Unassigned (peer recovery specialist)');

  // Again, on the task as it now is.
  await expect(picker).toHaveValue('');
  await picker.selectOption({ label: colleague.displayName });
  await handForm.getByRole('button', { name: 'Hand over' }).click();
  await expect(
    nav.getByText(`“Peer call within 7 days of discharge” is now with ${colleague.displayName}.`),
  ).toBeVisible();
  await expect(assignee).toHaveText(colleague.displayName);
  await expect(nav.getByTestId('stale')).toHaveCount(0);
  expect(await picker.locator('option').allTextContents()).not.toContain(colleague.displayName);
  await closeNotifications(nav);
  await expectAccessible(nav, 'task page after the hand-over');

  const after = (await (await nav.request.get(apiPath)).json()) as {
    assignee: { name: string } | null;
  };
  expect(after.assignee?.name).toBe(colleague.displayName);
  await nav.context().close();
});
