/**
 * The in-app notification center over the API (an escalation notifies the partner's liaison: the bell's
 * unread count, marking one or all read, another member's notification as unknown as a made-up id), and
 * the dev clock of demos and journeys: absent unless configured, refused without the demo network, and
 * when on, moving the clock runs a tick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { NotificationView } from '../../src/domain/followup/views.ts';
import type { Page } from '../../src/domain/transitions/views.ts';
import { escalationTimes } from '../../src/domain/followup/escalation.ts';
import { runTick } from '../../src/app/followup/run-tick.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { referralFixture } from '../support/referral-fixture.ts';

type Inbox = Page<NotificationView> & { unread: number };

describe.skipIf(skipReason)('notifications and the dev clock', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_DEV_CLOCK: '1' });
  });
  afterAll(() => t.close());

  it("shows the liaison its escalation and keeps each member's notifications to itself", async () => {
    t.clock.set('2026-11-23T15:00:00.000Z');
    const f = await referralFixture(t);
    const { view } = await f.send('N-1', 'urgent');
    const at = escalationTimes(new Date(view.sentAt ?? ''), new Date(view.ackDueAt ?? ''));
    t.clock.set(new Date(at.liaison.getTime() + 60_000));
    expect((await runTick(t.deps)).escalations).toBe(1);

    const liaison = await t.login('liaison@demo.handoff.test');
    const inbox = (await liaison.request('GET', '/api/v1/notifications?unread=true')).json<Inbox>();
    // The referral's arrival and its escalation, both about the referral, naming no patient.
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((n) => n.kind).sort()).toEqual(['referral.escalation.liaison', 'referral.sent']);
    const notice = inbox.items.find((n) => n.kind === 'referral.escalation.liaison');
    expect(notice).toMatchObject({ link: `/referrals/${view.id}`, readAt: null });
    // What the web app needs to word them in the reader's language: codes and references, no patient data.
    expect(notice?.params).toEqual({});
    expect(inbox.items.find((n) => n.kind === 'referral.sent')?.params).toEqual({
      status: 'sent',
      reference: view.id,
    });
    expect(JSON.stringify(inbox)).not.toContain('PatN-1');

    const navigator = await t.login('navigator@demo.handoff.test');
    const foreign = await navigator.request('POST', `/api/v1/notifications/${notice?.id}/read`);
    const unknown = await navigator.request(
      'POST',
      '/api/v1/notifications/0b7c1c4e-0000-4000-8000-000000000000/read',
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);

    expect((await liaison.request('POST', `/api/v1/notifications/${notice?.id}/read`)).json()).toEqual({
      marked: 1,
    });
    expect((await liaison.request('POST', `/api/v1/notifications/${notice?.id}/read`)).json()).toEqual({
      marked: 0,
    });
    const after = (await liaison.request('GET', '/api/v1/notifications')).json<Inbox>();
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.id === notice?.id)?.readAt).not.toBeNull();
    expect((await liaison.request('POST', '/api/v1/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await liaison.request('GET', '/api/v1/notifications')).json<Inbox>().unread).toBe(0);
  });

  it('moves the clock and runs a tick when configured, and only then', async () => {
    t.clock.set('2026-11-24T15:00:00.000Z');
    const f = await referralFixture(t);
    const { view } = await f.send('N-2', 'urgent');
    const before = t.clock.now().getTime();
    const res = await f.navigator.request('POST', '/api/v1/dev/clock', { advanceMinutes: 121 });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json<{ now: string; escalations: number }>();
    expect(Date.parse(moved.now) - before).toBe(121 * 60_000);
    expect(moved.escalations).toBeGreaterThanOrEqual(1);
    expect(Date.parse(view.ackDueAt ?? '')).toBeLessThan(Date.parse(moved.now));
    expect((await f.navigator.request('POST', '/api/v1/dev/clock', { advanceMinutes: -5 })).statusCode).toBe(
      400,
    );

    const plain = await createTestApp();
    try {
      const member = await plain.login('navigator@demo.handoff.test');
      expect((await member.request('POST', '/api/v1/dev/clock', { advanceMinutes: 5 })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
    expect(() => loadConfig({ HANDOFF_DEV_CLOCK: '1', HANDOFF_DEMO: '0' })).toThrow(/HANDOFF_DEV_CLOCK/);
  });
});
