/**
 * Request authentication for REST: the `handoff_session` cookie (browser) or an
 * `Authorization: Bearer hnd_…` API token. Cookie-authenticated state-changing requests must carry
 * the session's CSRF token in `X-CSRF-Token`. A session restricted to enrolling a second factor
 * may only reach routes marked `allowDuringTotpEnrollment`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps, MemberActor, RequestMeta } from '../app/context.ts';
import {
  authenticateSession,
  authenticateToken,
  type SessionAuth,
  type TokenAuth,
} from '../app/identity/authenticate.ts';
import { AppError } from '../lib/errors.ts';
import { safeEqual } from '../lib/crypto.ts';

export const SESSION_COOKIE = 'handoff_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionAuth | TokenAuth | undefined;
  }
  interface FastifyContextConfig {
    /** Routes a session restricted to TOTP enrollment may still reach. */
    allowDuringTotpEnrollment?: boolean;
    /** Routes that need no CSRF token because they act without a session (login, reset, accept). */
    skipCsrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requestMeta(request: FastifyRequest): RequestMeta {
  return {
    requestId: request.id,
    clientAddress: request.ip,
    via: request.headers.authorization ? 'api' : 'web',
  };
}

export function setSessionCookie(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const secure =
    deps.config.cookieSecure === 'auto' ? request.protocol === 'https' : deps.config.cookieSecure;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('auth', undefined);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/hsds/')) return;
    const header = request.headers.authorization;
    const meta = requestMeta(request);
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new AppError('unauthenticated', 'Use "Authorization: Bearer <token>"');
      request.auth = await authenticateToken(deps, match[1], meta);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    let auth: SessionAuth;
    try {
      auth = await authenticateSession(deps, cookie, meta);
    } catch (err) {
      // An ended session behaves like no session: public routes still work, private ones say 401.
      if (err instanceof AppError && err.kind === 'unauthenticated') return;
      throw err;
    }
    if (UNSAFE.has(request.method) && !request.routeOptions.config.skipCsrf) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token header', { type: 'csrf' });
      }
    }
    if (auth.totpEnrollmentRequired && !request.routeOptions.config.allowDuringTotpEnrollment) {
      throw new AppError(
        'totp_enrollment_required',
        'Your organization requires a second factor: set up an authenticator app first',
      );
    }
    request.auth = auth;
  });
}

/** The acting member, or 401. */
export function actorOf(request: FastifyRequest): MemberActor {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
  return request.auth.actor;
}

/** The browser session (routes that manage the session itself), or 401. */
export function sessionOf(request: FastifyRequest): SessionAuth {
  if (request.auth?.kind !== 'session')
    throw new AppError('unauthenticated', 'Sign in with a browser session first');
  return request.auth;
}
