/**
 * Follow-up: escalation of an unacknowledged referral, notifications and the task worklist. These journeys
 * move the server's clock (`POST /api/v1/dev/clock`, `HANDOFF_DEV_CLOCK=1`), so they run against a server of
 * their own (started once per worker, with its own data dir and SMTP capture): the suite's server keeps
 * real time for the other journeys. Its sessions stay alive for a day of idle time, so the people who
 * signed in before the clock moved stay signed in.
 *
 * 1. The navigator registers a patient, records a consent naming the well-known OBOT and sends it an urgent
 *    referral (2 hours to acknowledge). Nobody answers: at the deadline the OBOT's liaison is told (bell and
 *    e-mail, the e-mail with a link and no patient name); half a window later the OBOT's administrator (the
 *    backup: no backup liaison is named); a whole window after the deadline the navigator is told to
 *    consider other partners, and the referral page lists the suggested alternatives.
 * 2. After the discharge is recorded, the navigator's own worklist holds the 7-day medication check (and the
 *    team's the unassigned peer call). A colleague snoozes the check meanwhile: the navigator's click on the
 *    stale row is refused (412), the page says so and shows it snoozed; "Still on MOUD" then completes it
 *    and it leaves the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { escalationTimes } from '../server/src/domain/followup/escalation.ts';
import {
  ANCHORS,
  CONTACT_METHODS,
  CONTACT_RESULTS,
  PATHWAY_OWNERS,
  PATHWAY_STATUSES,
  RECORDS,
  SIDES,
} from '../server/src/domain/followup/vocabulary.ts';
import { TASK_STATES, WORKLIST_FILTERS } from '../server/src/domain/followup/worklist.ts';
import { expectAccessible } from './support/accessibility.ts';
import { areaStrings } from './support/bundles.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { signIn } from './support/fixtures.ts';
import { linkIn, type Mail } from './support/mailbox.ts';
import { parseMail } from './support/mime.ts';
import { closeNotifications } from './support/partnerships.ts';
import { networkTimezone } from './support/patients.ts';
import { startServer, type RunningServer } from './support/server.ts';
import type { StoredMessage } from './support/smtp-capture.ts';
import { freshPatient, obotService, recordDischargeNow, startTransition } from './support/transitions.ts';

const test = base.extend<object, { devServer: RunningServer }>({
  devServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer({
        logName: 'followup-server.log',
        env: { HANDOFF_DEV_CLOCK: '1', HANDOFF_SESSION_IDLE_MINUTES: '1440' },
      });
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ devServer }, use) => {
    await use(devServer.baseUrl);
  },
});

/** A browser context of its own, in the network's time zone, on the follow-up server. */
async function personPage(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, timezoneId: networkTimezone });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

/** The messages the follow-up server's SMTP capture stored for `to`, oldest first. */
function mailTo(server: RunningServer, to: string): Mail[] {
  const address = to.toLowerCase();
  return readdirSync(server.mailDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(server.mailDir, name), 'utf8')) as StoredMessage)
    .filter((stored) => stored.to.includes(address))
    .map((stored) => ({
      id: stored.id,
      to: stored.to,
      receivedAt: stored.receivedAt,
      ...parseMail(stored.raw),
    }));
}

/**
 * The server's clock, moved forward from the page (session cookie and CSRF header, like the app's own
 * writes). The offset is kept here: the server's clock is this machine's plus everything moved so far.
 */
const clock = { offsetMs: 0 };

async function advanceClockTo(page: Page, target: Date): Promise<{ now: string; escalations: number }> {
  const minutes = Math.ceil((target.getTime() - (Date.now() + clock.offsetMs)) / 60_000) + 1;
  expect(minutes, 'the clock only moves forward').toBeGreaterThan(0);
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const moved = await page.request.post('/api/v1/dev/clock', {
    data: { advanceMinutes: minutes },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  clock.offsetMs += minutes * 60_000;
  const answer = (await moved.json()) as { now: string; escalations: number };
  expect(new Date(answer.now).getTime()).toBeGreaterThanOrEqual(target.getTime());
  return answer;
}

/** Opens the bell and expects a notification linking to `path`; returns the popover. */
async function bellNotificationTo(page: Page, path: string) {
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('unread-count')).toBeVisible();
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await bell.click();
  const popover = page.getByRole('dialog', { name: 'Notifications' });
  await expect(popover).toBeVisible();
  const item = popover
    .getByTestId('notification')
    .filter({ has: page.locator(`a[href="${path}"]`) })
    .first();
  await expect(item).toHaveAttribute('data-read', 'false');
  const link = item.locator(`a[href="${path}"]`);
  await expect(link).toBeVisible();
  return { popover, link };
}

test('an urgent referral nobody acknowledges escalates to the liaison, the backup, then back to the navigator with alternatives', async ({
  browser,
  devServer,
}) => {
  test.setTimeout(420_000);
  const patient = freshPatient();
  const nav = await personPage(browser, devServer, users.navigator.email);
  await startTransition(nav, patient, true);

  // An urgent referral to the OBOT.
  const form = nav.getByRole('form', { name: 'Refer to a partner service' });
  await form.getByLabel('Search services').fill(obotService.name);
  await form.getByRole('radio', { name: obotService.name, exact: true }).check();
  await form.getByRole('radio', { name: 'Urgent', exact: true }).check();
  await form.getByRole('button', { name: 'Send referral' }).click();
  const referralLink = nav
    .getByRole('table', { name: 'Referrals of this transition' })
    .getByRole('link', { name: obotService.organization, exact: true });
  await expect(referralLink).toBeVisible();
  const referralPath = (await referralLink.getAttribute('href')) ?? '';
  expect(referralPath).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
  const referralId = referralPath.split('/').pop() ?? '';
  await closeNotifications(nav);

  const referral = (await (await nav.request.get(`/api/v1${referralPath}`)).json()) as {
    sentAt: string;
    ackDueAt: string;
    urgency: string;
  };
  expect(referral.urgency).toBe('urgent');
  const sentAt = new Date(referral.sentAt);
  const ackDueAt = new Date(referral.ackDueAt);
  // Urgent: two hours to acknowledge at most (`domain/transitions/ack-deadline.ts`): the ladder runs in hours.
  expect(ackDueAt.getTime() - sentAt.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
  expect(ackDueAt.getTime()).toBeGreaterThan(sentAt.getTime());
  const ladder = escalationTimes(sentAt, ackDueAt);
  const mailSince = new Date().toISOString();

  // Past the deadline: the OBOT's liaison is told, in the app and by e-mail.
  const first = await advanceClockTo(nav, ladder.liaison);
  expect(first.escalations).toBeGreaterThanOrEqual(1);
  const liaison = await personPage(browser, devServer, users.liaison.email);
  const atLiaison = await bellNotificationTo(liaison, referralPath);
  await expectAccessible(liaison, 'notification bell (liaison)');
  await atLiaison.link.click();
  await expect(liaison).toHaveURL(new RegExp(`${referralPath}$`));
  await expect(liaison.getByRole('heading', { level: 1, name: /^Referral of / })).toBeVisible();

  await expect
    .poll(() => mailTo(devServer, users.liaison.email).filter((m) => m.receivedAt >= mailSince).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  const mails = mailTo(devServer, users.liaison.email).filter((m) => m.receivedAt >= mailSince);
  const mail = mails.find((m) => `${m.text}\n${m.html}`.includes(referralId)) ?? mails[mails.length - 1];
  if (!mail) throw new Error('no escalation e-mail');
  expect(linkIn(mail, '/referrals/')).toContain(devServer.baseUrl);
  for (const part of [patient.family, patient.given, patient.name]) {
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`, 'the e-mail names no patient').not.toContain(part);
  }

  // Half a window later: the backup — the OBOT's administrator, no backup liaison being named.
  const second = await advanceClockTo(nav, ladder.backup);
  expect(second.escalations).toBeGreaterThanOrEqual(1);
  const backup = await personPage(browser, devServer, users.cboAdmin.email);
  await bellNotificationTo(backup, referralPath);
  await backup.keyboard.press('Escape');
  await expect(backup.getByRole('dialog', { name: 'Notifications' })).toHaveCount(0);
  await backup.goto('/notifications');
  await expect(backup.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(backup.getByTestId('notification-list')).toHaveAttribute('data-state', 'loaded');
  await expect(backup.getByRole('main').locator(`a[href="${referralPath}"]`).first()).toBeVisible();
  await expectAccessible(backup, 'notifications page');
  await backup.getByRole('button', { name: 'Mark all read' }).click();
  await expect(backup.getByTestId('unread-total')).toHaveText('Everything is read.');
  await expect(backup.getByTestId('unread-count')).toHaveCount(0);

  // A whole window after the deadline: the navigator is told to consider other partners.
  const third = await advanceClockTo(nav, ladder.alternatives);
  expect(third.escalations).toBeGreaterThanOrEqual(1);
  await nav.reload();
  const atNavigator = await bellNotificationTo(nav, referralPath);
  await atNavigator.link.click();
  await expect(nav).toHaveURL(new RegExp(`${referralPath}$`));
  await expect(
    nav.getByRole('heading', {
      level: 1,
      name: `Referral of ${patient.name} to ${obotService.organization}`,
    }),
  ).toBeVisible();
  const alternatives = nav.getByRole('region', { name: 'Suggested alternatives' });
  await expect(alternatives).toBeVisible();
  await expect(alternatives.getByTestId('alternative').first()).toBeVisible();
  const suggested = await alternatives.getByTestId('alternative').allTextContents();
  expect(suggested.filter((text) => text.includes(obotService.organization))).toEqual([]);
  await closeNotifications(nav);
  await expectAccessible(nav, 'referral page with suggested alternatives');

  await liaison.context().close();
  await backup.context().close();
  await nav.context().close();
});

test('the navigator completes the 7-day medication check from the worklist in one click', async ({
  browser,
  devServer,
}) => {
  test.setTimeout(240_000);
  const patient = freshPatient();
  const nav = await personPage(browser, devServer, users.navigator.email);
  await startTransition(nav, patient, false);

  // The patient leaves the hospital: the hospital's pathway makes its discharge tasks.
  await recordDischargeNow(nav);

  await nav
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Tasks', exact: true })
    .click();
  await expect(nav.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  const list = nav.getByTestId('task-list');
  const table = nav.getByRole('table', { name: 'Follow-up tasks' });
  await expect(list).toHaveAttribute('data-state', 'loaded');
  const check = table
    .getByRole('row')
    .filter({ hasText: patient.name })
    .filter({ hasText: '7-day check: is the patient still on medication?' });
  await expect(check).toHaveCount(1);
  await expect(check.getByTestId('task-state')).toHaveAttribute('data-state', 'upcoming');
  await expect(check.getByTestId('task-assignee')).toHaveText(users.navigator.displayName);
  await expect(check.getByRole('button', { name: 'Not on MOUD' })).toBeVisible();
  const taskPath = (await check.getByRole('link').first().getAttribute('href')) ?? '';
  expect(taskPath).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
  await expectAccessible(nav, 'task worklist (mine)');

  // The team's queue holds the peer call nobody has taken yet.
  await nav.getByRole('radiogroup', { name: 'Which tasks' }).getByText('Team', { exact: true }).click();
  await expect(nav).toHaveURL(/\/tasks\?filter=team$/);
  await expect(list).toHaveAttribute('data-state', 'loaded');
  const peerCall = table
    .getByRole('row')
    .filter({ hasText: patient.name })
    .filter({ hasText: 'Peer call within 7 days of discharge' });
  await expect(peerCall.getByTestId('task-assignee')).toHaveText('Unassigned (peer recovery specialist)');
  await expect(peerCall.getByRole('button', { name: /^Take it/ })).toBeVisible();

  await nav.getByRole('radiogroup', { name: 'Which tasks' }).getByText('Mine', { exact: true }).click();
  await expect(list).toHaveAttribute('data-state', 'loaded');
  await expect(check.getByTestId('task-state')).toHaveAttribute('data-state', 'upcoming');

  // Meanwhile a colleague snoozes it (as from another window): the click acts on a stale version, the
  // page says so and shows the task as it now is.
  const apiPath = `/api/v1${taskPath}`;
  const current = await nav.request.get(apiPath);
  const session = await nav.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const snoozed = await nav.request.post(`${apiPath}/snooze`, {
    data: {
      until: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      reason: 'Asked us to call on Friday',
    },
    headers: { 'If-Match': current.headers().etag ?? '', 'X-CSRF-Token': csrfToken },
  });
  expect(snoozed.status(), await snoozed.text()).toBe(200);
  await check.getByRole('button', { name: 'Still on MOUD' }).click();
  await expect(nav.getByTestId('stale')).toContainText('Changed by someone else');
  await expect(check.getByTestId('task-state')).toHaveAttribute('data-state', 'snoozed');
  await expectAccessible(nav, 'task worklist after a stale click');

  // One click records the outcome; the task leaves the navigator's list.
  await check.getByRole('button', { name: 'Still on MOUD' }).click();
  await expect(nav.getByText('“7-day check: is the patient still on medication?” is done.')).toBeVisible();
  await expect(check).toHaveCount(0);
  await closeNotifications(nav);

  await nav.goto(taskPath);
  await expect(
    nav.getByRole('heading', { level: 1, name: '7-day check: is the patient still on medication?' }),
  ).toBeVisible();
  await expect(nav.getByTestId('task-state')).toHaveAttribute('data-state', 'done');
  await expect(nav.getByTestId('task-outcome')).toHaveText('Still on MOUD');
  await expect(nav.getByRole('form', { name: 'Complete the task' })).toHaveCount(0);
  await expectAccessible(nav, 'task page (done)');
  await nav.context().close();
});

test('a person takes overdue-task e-mails as a daily summary; escalations stay immediate', async ({
  browser,
  devServer,
}) => {
  const page = await personPage(browser, devServer, users.intake.email);
  await page.goto('/notifications');
  const prefs = page.getByTestId('notification-preferences');
  await expect(prefs.getByRole('heading', { name: 'E-mail' })).toBeVisible();
  await expect(
    prefs.getByText('Escalations of unanswered referrals always come by e-mail at once.'),
  ).toBeVisible();
  const escalations = prefs.getByRole('radiogroup', { name: 'Unanswered referral escalations' });
  await expect(escalations.getByRole('radio', { name: 'Daily summary' })).toBeDisabled();
  const tasks = prefs.getByRole('radiogroup', { name: 'Overdue follow-up tasks' });
  await tasks.getByText('Daily summary').click();
  await expect(tasks.getByRole('radio', { name: 'Daily summary' })).toBeChecked();
  await page.reload();
  await expect(
    page
      .getByTestId('notification-preferences')
      .getByRole('radiogroup', { name: 'Overdue follow-up tasks' })
      .getByRole('radio', { name: 'Daily summary' }),
  ).toBeChecked();
  await expectAccessible(page);
  await page.close();
});

test('the follow-up area speaks English and Spanish alike, and labels every code', () => {
  const en = areaStrings('en', 'followup');
  const es = areaStrings('es', 'followup');
  const onlyEn = [...en.keys()].filter((k) => !es.has(k));
  const onlyEs = [...es.keys()].filter((k) => !en.has(k));
  expect({ onlyEn, onlyEs }).toEqual({ onlyEn: [], onlyEs: [] });
  expect([...en, ...es].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  const vocab: [string, readonly string[]][] = [
    ['vocab.state', TASK_STATES],
    ['vocab.records', RECORDS],
    ['vocab.contactResult', CONTACT_RESULTS],
    ['vocab.contactMethod', CONTACT_METHODS],
    ['vocab.anchor', ANCHORS],
    ['vocab.side', SIDES],
    ['vocab.ownerKind', PATHWAY_OWNERS],
    ['vocab.pathwayStatus', PATHWAY_STATUSES],
    ['tasks.filters', WORKLIST_FILTERS],
    ['tasks.none', WORKLIST_FILTERS],
    ['outcome.contact', CONTACT_RESULTS],
    ['pathway.when.at', ANCHORS],
    ['pathway.when.after', ANCHORS],
    ['pathway.when.before', ANCHORS],
  ];
  for (const [prefix, codes] of vocab) {
    for (const code of codes) {
      expect(en.get(`${prefix}.${code}`), `en ${prefix}.${code}`).toBeTruthy();
      expect(es.get(`${prefix}.${code}`), `es ${prefix}.${code}`).toBeTruthy();
    }
  }
});
