/** REST routes for signing in and out, the session, organization switching, passwords and TOTP. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { changePassword } from '../../app/identity/change-password.ts';
import { confirmPasswordReset } from '../../app/identity/confirm-password-reset.ts';
import { disableTotp } from '../../app/identity/disable-totp.ts';
import { enableTotp } from '../../app/identity/enable-totp.ts';
import { getSession } from '../../app/identity/get-session.ts';
import { login } from '../../app/identity/login.ts';
import { logout } from '../../app/identity/logout.ts';
import { requestPasswordReset } from '../../app/identity/request-password-reset.ts';
import { setupTotp } from '../../app/identity/setup-totp.ts';
import { switchMembership } from '../../app/identity/switch-membership.ts';
import { AppError } from '../../lib/errors.ts';
import { clearSessionCookie, requestMeta, sessionOf, setSessionCookie } from '../auth.ts';

const tags = ['auth'];

export function authRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          summary: 'Sign in; sets the session cookie',
          body: z.strictObject({
            email: z.string().trim().min(3).max(254),
            password: z.string().min(1).max(256),
            totp: z.string().max(10).optional(),
          }),
        },
        config: {
          skipCsrf: true,
          rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 },
        },
      },
      async (request, reply) => {
        const result = await login(deps, request.body, requestMeta(request)).catch((err: unknown) => {
          if (err instanceof AppError && err.retryAfterSeconds)
            reply.header('Retry-After', String(err.retryAfterSeconds));
          throw err;
        });
        setSessionCookie(deps, request, reply, result.sessionToken);
        return result.view;
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags, summary: 'Sign out (ends the session)' },
        config: { allowDuringTotpEnrollment: true },
      },
      async (request, reply) => {
        const auth = sessionOf(request);
        await logout(deps, auth.actor, auth.sessionHash);
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/session',
      { schema: { tags, summary: 'The signed-in session' }, config: { allowDuringTotpEnrollment: true } },
      (request) => getSession(deps, sessionOf(request)),
    );

    app.post(
      '/auth/switch',
      {
        schema: {
          tags,
          summary: 'Act for another of your organizations',
          body: z.strictObject({ membershipId: z.uuid() }),
        },
      },
      (request) => switchMembership(deps, sessionOf(request), request.body.membershipId),
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags,
          summary: 'Change your password',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(256),
            newPassword: z.string().max(256),
          }),
        },
        config: { allowDuringTotpEnrollment: true },
      },
      async (request, reply) => {
        await changePassword(deps, sessionOf(request), request.body);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/totp/setup',
      {
        schema: { tags, summary: 'Start second-factor enrollment' },
        config: { allowDuringTotpEnrollment: true },
      },
      (request) => setupTotp(deps, sessionOf(request)),
    );

    app.post(
      '/auth/totp/enable',
      {
        schema: {
          tags,
          summary: 'Finish second-factor enrollment',
          body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
        },
        config: { allowDuringTotpEnrollment: true },
      },
      async (request, reply) => {
        await enableTotp(deps, sessionOf(request), request.body.code);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/totp/disable',
      {
        schema: {
          tags,
          summary: 'Turn the second factor off',
          body: z.strictObject({ password: z.string().min(1).max(256) }),
        },
      },
      async (request, reply) => {
        await disableTotp(deps, sessionOf(request), request.body.password);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary: 'E-mail a password reset link',
          body: z.strictObject({ email: z.string().trim().max(254) }),
        },
        config: { skipCsrf: true, rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body.email, requestMeta(request));
        return reply.code(202).send();
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Set a new password with a reset link',
          body: z.strictObject({ token: z.string().min(10).max(200), password: z.string().max(256) }),
        },
        config: { skipCsrf: true, rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        await confirmPasswordReset(deps, request.body, requestMeta(request));
        return reply.code(204).send();
      },
    );
  };
}
