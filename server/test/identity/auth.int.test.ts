/**
 * Sign-in, sessions, CSRF, back-off and lockout, organization switching, password change and reset,
 * TOTP, and API tokens — through the REST API on the harness database engine.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../src/db/schema/index.ts';
import { totpCode } from '../../src/lib/totp.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, clientFor, createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app.ts';

describe.skipIf(skipReason)('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const loginRaw = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

  it('signs in, reports the session with permissions, and signs out', async () => {
    const c = await t.login('admin.hospital@demo.handoff.test');
    expect(c.session.user.email).toBe('admin.hospital@demo.handoff.test');
    expect(c.session.permissions).toContain('member.invite');
    expect(c.session.permissions).not.toContain('organization.create');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'navigator@demo.handoff.test', password: DEMO_PASSWORD },
    });
    const cookie = res.headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/i);
    expect(String(cookie)).toMatch(/SameSite=Lax/i);
    const me = await c.request('GET', '/api/v1/auth/session');
    expect(me.statusCode).toBe(200);
    expect((await c.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('answers unknown address and wrong password with the same 401', async () => {
    const a = await loginRaw({ email: 'nobody@demo.handoff.test', password: 'wrong-password-1' });
    const b = await loginRaw({ email: 'clinician@demo.handoff.test', password: 'wrong-password-1' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.json().type).toMatch(/invalid-credentials$/);
    expect(a.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('locks an address after repeated failures, with Retry-After, and unlocks as time passes', async () => {
    const email = 'intake@demo.handoff.test';
    for (let i = 0; i < 5; i++)
      expect((await loginRaw({ email, password: 'not-the-password' })).statusCode).toBe(401);
    const locked = await loginRaw({ email, password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    // the sixth failure doubles the lock
    t.clock.advance(61_000);
    expect((await loginRaw({ email, password: 'not-the-password' })).statusCode).toBe(401);
    const again = await loginRaw({ email, password: DEMO_PASSWORD });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(60);
    t.clock.advance(121_000);
    expect((await loginRaw({ email, password: DEMO_PASSWORD })).statusCode).toBe(200);
    // success clears the counter: one more failure does not lock
    expect((await loginRaw({ email, password: 'not-the-password' })).statusCode).toBe(401);
    expect((await loginRaw({ email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('locks unknown addresses the same way (no account enumeration)', async () => {
    const email = 'ghost@demo.handoff.test';
    for (let i = 0; i < 5; i++) await loginRaw({ email, password: 'whatever-else-1' });
    expect((await loginRaw({ email, password: 'whatever-else-1' })).statusCode).toBe(429);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const c = await t.login('admin.cbo@demo.handoff.test');
    const org = activeOrg(c);
    const without = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org}`,
      headers: { cookie: c.cookie },
      payload: { phone: '216-555-0100' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().type).toMatch(/csrf$/);
    const wrong = await c.request(
      'PATCH',
      `/api/v1/organizations/${org}`,
      { phone: '216-555-0100' },
      { 'x-csrf-token': 'nope' },
    );
    expect(wrong.statusCode).toBe(403);
    const ok = await c.request('PATCH', `/api/v1/organizations/${org}`, { phone: '216-555-0100' });
    expect(ok.statusCode).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const c = await t.login('manager.hospital@demo.handoff.test');
    t.clock.advance(14 * 60_000);
    expect((await c.request('GET', '/api/v1/network')).statusCode).toBe(200);
    t.clock.advance(14 * 60_000); // active 14 minutes ago: still alive
    expect((await c.request('GET', '/api/v1/network')).statusCode).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await c.request('GET', '/api/v1/network')).statusCode).toBe(401);

    const d = await t.login('manager.hospital@demo.handoff.test');
    for (let i = 0; i < 12 * 5; i++) {
      t.clock.advance(12 * 60_000);
      const res = await d.request('GET', '/api/v1/network');
      if (res.statusCode === 401) {
        expect(i * 12).toBeGreaterThanOrEqual(11 * 60);
        return;
      }
    }
    throw new Error('session outlived its absolute lifetime');
  });

  it('lets a cross-hired person switch organizations, and refuses a membership that is not theirs', async () => {
    const c = await t.login('peer.crosshired@demo.handoff.test');
    expect(c.session.memberships.length).toBeGreaterThanOrEqual(2);
    const other = c.session.memberships.find((m) => m.id !== c.session.activeMembershipId);
    if (!other) throw new Error('expected a second membership');
    const switched = await c.request('POST', '/api/v1/auth/switch', { membershipId: other.id });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().activeMembershipId).toBe(other.id);
    const session = await c.request('GET', '/api/v1/auth/session');
    expect(session.json().activeMembershipId).toBe(other.id);
    const stranger = await t.login('navigator@demo.handoff.test');
    const res = await c.request('POST', '/api/v1/auth/switch', {
      membershipId: stranger.session.activeMembershipId,
    });
    expect(res.statusCode).toBe(404);
  });

  it('changes a password (checking the current one) and ends the other sessions', async () => {
    const email = 'liaison@demo.handoff.test';
    const a = await t.login(email);
    const b = await t.login(email);
    const bad = await a.request('POST', '/api/v1/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'a brand new passphrase',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('currentPassword');
    const weak = await a.request('POST', '/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await a.request('POST', '/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.request('GET', '/api/v1/network')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/v1/network')).statusCode).toBe(401);
    expect((await loginRaw({ email, password: DEMO_PASSWORD })).statusCode).toBe(401);
    await t.login(email, 'a brand new passphrase');
  });

  it('resets a forgotten password with the e-mailed single-use link', async () => {
    const email = 'clinician@demo.handoff.test';
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } }))
        .statusCode,
    ).toBe(202);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: 'who@nowhere.test' },
        })
      ).statusCode,
    ).toBe(202);
    const mails = await t.deps.db.select().from(outbox);
    const mail = mails.find((m) => m.payload.to === email && String(m.payload.subject).includes('Reset'));
    if (!mail) throw new Error('no reset e-mail in the outbox');
    expect(mails.some((m) => m.payload.to === 'who@nowhere.test')).toBe(false);
    const token = /reset-password\/([\w-]+)/.exec(String(mail.payload.text))?.[1];
    if (!token) throw new Error('no link in the e-mail');
    const confirm = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password },
      });
    expect((await confirm('short')).statusCode).toBe(400);
    expect((await confirm('reset passphrase works')).statusCode).toBe(204);
    expect((await confirm('reset passphrase again')).statusCode).toBe(400);
    await t.login(email, 'reset passphrase works');
    t.clock.advance(2 * 3_600_000);
  });

  it('enrolls TOTP, then requires a fresh code at sign-in and refuses a replayed one', async () => {
    const email = 'manager.hospital@demo.handoff.test';
    const c = await t.login(email);
    const setup = await c.request('POST', '/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const [stored] = await t.deps.db.select().from(users).where(eq(users.email, email));
    expect(stored?.totpSecretEnc).toBeTruthy();
    expect(stored?.totpSecretEnc).not.toContain(secret);
    expect((await c.request('POST', '/api/v1/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
    const code = await totpCode(secret, t.clock.now());
    expect((await c.request('POST', '/api/v1/auth/totp/enable', { code })).statusCode).toBe(204);

    const noCode = await loginRaw({ email, password: DEMO_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().type).toMatch(/totp-required$/);
    const replay = await loginRaw({ email, password: DEMO_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    t.clock.advance(30_000);
    const fresh = await loginRaw({
      email,
      password: DEMO_PASSWORD,
      totp: await totpCode(secret, t.clock.now()),
    });
    expect(fresh.statusCode).toBe(200);

    const d = clientFor(t.app, fresh);
    expect((await d.request('POST', '/api/v1/auth/totp/disable', { password: 'wrong' })).statusCode).toBe(
      400,
    );
    expect(
      (await d.request('POST', '/api/v1/auth/totp/disable', { password: DEMO_PASSWORD })).statusCode,
    ).toBe(204);
    expect((await loginRaw({ email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('restricts a session to enrolling a second factor when the organization requires one for the role', async () => {
    const admin = await t.login('admin.cbo@demo.handoff.test');
    const org = activeOrg(admin);
    const set = await admin.request('PATCH', `/api/v1/organizations/${org}`, {
      totpRequiredRoles: ['cbo_intake'],
    });
    expect(set.statusCode).toBe(200);
    t.clock.advance(10 * 60_000); // past any lock from the lockout test
    const intake = await t.login('intake@demo.handoff.test');
    expect(intake.session.totpEnrollmentRequired).toBe(true);
    expect(intake.session.permissions).toEqual([]);
    const blocked = await intake.request('GET', '/api/v1/organizations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().type).toMatch(/totp-enrollment-required$/);
    const { secret } = (await intake.request('POST', '/api/v1/auth/totp/setup')).json<{ secret: string }>();
    const enabled = await intake.request('POST', '/api/v1/auth/totp/enable', {
      code: await totpCode(secret, t.clock.now()),
    });
    expect(enabled.statusCode).toBe(204);
    expect((await intake.request('GET', '/api/v1/organizations')).statusCode).toBe(200);
    const disable = await intake.request('POST', '/api/v1/auth/totp/disable', { password: DEMO_PASSWORD });
    expect(disable.statusCode).toBe(409);
    await admin.request('PATCH', `/api/v1/organizations/${org}`, { totpRequiredRoles: [] });
  });

  it('issues API tokens shown once, stored hashed, usable as Bearer, revocable and expiring', async () => {
    const c = await t.login('navigator@demo.handoff.test');
    const created = await c.request('POST', '/api/v1/tokens', { name: 'script', expiresInDays: 2 });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^hnd_/);
    const listed = await c.request('GET', '/api/v1/tokens');
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const bearer = (tok: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/network', headers: { authorization: `Bearer ${tok}` } });
    expect((await bearer(token)).statusCode).toBe(200);
    // a token needs no CSRF header for writes
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'from-token' },
    });
    expect(write.statusCode).toBe(201);
    expect((await bearer('hnd_not-a-real-token')).statusCode).toBe(401);
    expect((await c.request('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expect((await bearer(token)).statusCode).toBe(401);
    const other = write.json<{ token: string }>().token;
    t.clock.advance(91 * 86_400_000);
    expect((await bearer(other)).statusCode).toBe(401);
  });
});
