/**
 * Turns a session cookie or an API bearer token into an actor. Sessions end after the idle timeout
 * (default 15 minutes) or the absolute lifetime (default 12 hours); tokens at their expiry or when
 * revoked. A session whose organization requires a second factor the user has not enrolled is
 * restricted to enrolling it (`totpEnrollmentRequired`).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerDb } from '../../db/prepared.ts';
import { apiTokens, memberships, organizations, sessions, users } from '../../db/schema/index.ts';
import { isRole } from '../../domain/identity/vocabulary.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps, MemberActor, RequestMeta } from '../context.ts';
import { activeMembership, loadMembership, totpRequiredFor } from './shared/member-actor.ts';

export interface SessionAuth {
  kind: 'session';
  actor: MemberActor;
  sessionHash: string;
  csrfToken: string;
  totpEnrollmentRequired: boolean;
}

export interface TokenAuth {
  kind: 'token';
  actor: MemberActor;
  tokenId: string;
}

/** Last-seen and last-used times are written at most once a minute, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

const expired = () => new AppError('unauthenticated', 'Your session has ended; sign in again');

export async function authenticateSession(
  deps: Deps,
  token: string,
  meta: RequestMeta,
): Promise<SessionAuth> {
  const now = deps.clock.now();
  const idHash = sha256(token);
  const [session] = await deps.db.select().from(sessions).where(eq(sessions.idHash, idHash));
  if (!session || session.revokedAt || !session.membershipId) throw expired();
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > deps.config.sessionIdleMs) {
    await deps.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
    throw expired();
  }
  const membership = await loadMembership(deps.db, session.userId, session.membershipId);
  if (!membership) throw expired();
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return {
    kind: 'session',
    actor: { kind: 'member', ...pickActor(membership), ...meta },
    sessionHash: idHash,
    csrfToken: session.csrfToken,
    totpEnrollmentRequired: !membership.totpEnabled && totpRequiredFor(membership),
  };
}

/**
 * The token and the active membership it acts as, in one statement prepared once (`db/prepared.ts`): every
 * API request runs it. The membership, its organization and its user must be active (`activeMembership`).
 */
const tokenActor = preparedPerDb((db) =>
  db
    .select({
      token: apiTokens,
      organizationId: memberships.organizationId,
      roles: memberships.roles,
    })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(
        eq(memberships.networkId, apiTokens.networkId),
        eq(memberships.id, apiTokens.membershipId),
        eq(memberships.userId, apiTokens.userId),
      ),
    )
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, memberships.networkId),
        eq(organizations.id, memberships.organizationId),
      ),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt), activeMembership()),
    )
    .prepare('token_actor'),
);

export async function authenticateToken(deps: Deps, token: string, meta: RequestMeta): Promise<TokenAuth> {
  const now = deps.clock.now();
  const [found] = await tokenActor(deps.db).execute({ hash: sha256(token) });
  if (!found || found.token.expiresAt <= now)
    throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
  const row = found.token;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await deps.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.networkId, row.networkId), eq(apiTokens.id, row.id)));
  }
  const actor: MemberActor = {
    kind: 'member',
    userId: row.userId,
    networkId: row.networkId,
    membershipId: row.membershipId,
    organizationId: found.organizationId,
    roles: found.roles.filter(isRole),
    ...meta,
  };
  return { kind: 'token', actor, tokenId: row.id };
}

const pickActor = (m: Awaited<ReturnType<typeof loadMembership>> & object) => ({
  userId: m.userId,
  networkId: m.networkId,
  membershipId: m.membershipId,
  organizationId: m.organizationId,
  roles: m.roles,
});
