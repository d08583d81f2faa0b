/**
 * E-mail preferences and the daily digest: by default every notification is e-mailed at once; a person may
 * take a category as a daily digest or turn its e-mail off (the in-app notification always arrives), but
 * never escalations (422 naming the field). The digest goes out once per local day after 07:00 with the
 * unread notifications' titles and links — no patient — and not at all when nothing is unread.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../src/app/followup/run-tick.ts';
import { notifications, outbox, tasks } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, START, type TestApp, type TestClient } from '../support/test-app.ts';
import { expectCall, referralFixture } from '../support/referral-fixture.ts';

const HOUR = 3_600_000;

describe.skipIf(skipReason)('notification preferences and the daily digest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const mailTo = (email: string, keyPattern: string) =>
    t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.channel, 'email'), like(outbox.dedupeKey, keyPattern)))
      .then((rows) => rows.filter((r) => r.payload['to'] === email));

  it('keeps escalations immediate and saves the other choices', async () => {
    t.clock.set(START);
    const navigator = await t.login('navigator@demo.handoff.test');
    const defaults = await expectCall<{ categories: { category: string; email: string; locked: boolean }[] }>(
      navigator,
      'GET',
      '/api/v1/notification-preferences',
    );
    expect(defaults.body.categories.every((c) => c.email === 'immediate')).toBe(true);
    expect(defaults.body.categories.find((c) => c.category === 'referral_escalations')?.locked).toBe(true);
    const refused = await navigator.request('PUT', '/api/v1/notification-preferences', {
      categories: [
        { category: 'tasks', email: 'digest' },
        { category: 'referral_escalations', email: 'off' },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'categories.1.email',
    ]);
    const unchanged = await expectCall<{ categories: { category: string; email: string }[] }>(
      navigator,
      'GET',
      '/api/v1/notification-preferences',
    );
    expect(unchanged.body.categories.find((c) => c.category === 'tasks')?.email).toBe('immediate');
  });

  it('turns referral e-mails off without losing the in-app notification', async () => {
    t.clock.set(START);
    const f = await referralFixture(t);
    await expectCall(f.intake, 'PUT', '/api/v1/notification-preferences', {
      categories: [{ category: 'referral_updates', email: 'off' }],
    });
    const { view } = await f.send('PF-1');
    const intakeMembership = f.intake.session.activeMembershipId;
    const inApp = await t.deps.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.membershipId, intakeMembership),
          like(notifications.dedupeKey, `referral:${view.id}:%`),
        ),
      );
    expect(inApp).toHaveLength(1);
    expect(await mailTo('intake@demo.handoff.test', `referral:${view.id}:%`)).toEqual([]);
    const others = await t.deps.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `referral:${view.id}:%`));
    expect(others.length).toBeGreaterThan(0);
  });

  it('sends overdue-task e-mails as one digest after 07:00 local, once, and nothing when all is read', async () => {
    t.clock.set(START);
    const f = await referralFixture(t);
    const navigator: TestClient = f.navigator;
    await expectCall(navigator, 'PUT', '/api/v1/notification-preferences', {
      categories: [{ category: 'tasks', email: 'digest' }],
    });
    const { view } = await f.send('PF-2');
    const current = await navigator.request('GET', `/api/v1/transitions/${view.transitionId}`);
    await expectCall(
      navigator,
      'PATCH',
      `/api/v1/transitions/${view.transitionId}`,
      { dischargedAt: new Date(Date.parse(START) + 2 * HOUR).toISOString() },
      200,
      String(current.headers.etag),
    );
    const [check] = await t.deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.transitionId, view.transitionId), eq(tasks.stepKey, 'moud_check_7d')));
    if (!check) throw new Error('no task');
    // Overdue at 05:00 New York time: in-app now, no e-mail; the digest waits for 07:00.
    t.clock.set('2026-12-03T10:00:00.000Z');
    expect(check.deadlineAt.getTime()).toBeLessThan(t.clock.now().getTime());
    const early = await runTick(t.deps);
    expect(early.overdueTasks).toBeGreaterThanOrEqual(1);
    expect(early.digests).toBe(0);
    expect(await mailTo('navigator@demo.handoff.test', `task_overdue:${check.id}:%`)).toEqual([]);

    t.clock.set('2026-12-03T12:30:00.000Z'); // 07:30 in New York
    expect((await runTick(t.deps)).digests).toBe(1);
    expect((await runTick(t.deps)).digests).toBe(0);
    const [digest] = await mailTo('navigator@demo.handoff.test', 'daily_digest:%');
    expect(String(digest?.payload['text'])).toContain(`/tasks/${check.id}`);
    expect(JSON.stringify(digest?.payload)).not.toMatch(/PatPF-2|Delgado/);

    // The next day: a notification already read makes no digest; a new unread one does, that same day.
    const notice = (title: string) => ({
      networkId: check.networkId,
      id: crypto.randomUUID(),
      membershipId: navigator.session.activeMembershipId,
      kind: 'task.overdue',
      title,
      body: 'A follow-up task passed its deadline.',
      link: `/tasks/${check.id}`,
      dedupeKey: `test:${title}`,
      createdAt: new Date('2026-12-04T08:00:00.000Z'),
    });
    await t.deps.db.insert(notifications).values(notice('first'));
    t.clock.set('2026-12-04T12:00:00.000Z');
    const later = await t.login('navigator@demo.handoff.test');
    await expectCall(later, 'POST', '/api/v1/notifications/read-all');
    t.clock.set('2026-12-04T12:30:00.000Z');
    expect((await runTick(t.deps)).digests).toBe(0);
    await t.deps.db.insert(notifications).values(notice('second'));
    expect((await runTick(t.deps)).digests).toBe(1);
    expect(await mailTo('navigator@demo.handoff.test', 'daily_digest:%')).toHaveLength(2);
  });
});
