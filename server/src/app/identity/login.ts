/**
 * Signs a person in with e-mail and password (and a TOTP code when they enrolled one), with
 * progressive back-off on failures, and opens a session stored in the database. Unknown address,
 * wrong password and disabled account all answer the same words in the same time.
 */
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.ts';
import { randomToken, sha256, unseal } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { checkTotp } from '../../lib/totp.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { anonymousActor, type Deps, type RequestMeta } from '../context.ts';
import { loadMembership, totpRequiredFor } from './shared/member-actor.ts';
import { activeMemberships, buildSessionView, type SessionView } from './shared/session-view.ts';
import { clearFailures, lockedForSeconds, recordFailure, throttleKey } from './shared/throttle.ts';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginResult {
  /** The secret cookie value; only its hash is stored. */
  sessionToken: string;
  view: SessionView;
}

const invalidCredentials = () =>
  new AppError('unauthenticated', 'E-mail address or password is incorrect', { type: 'invalid_credentials' });

export async function login(deps: Deps, input: LoginInput, meta: RequestMeta): Promise<LoginResult> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const key = throttleKey(email);
  const actor = anonymousActor(meta);

  const wait = await lockedForSeconds(deps.db, key, now);
  if (wait > 0) {
    throw new AppError('too_many_requests', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds: wait,
    });
  }

  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const memberships =
    user && passwordOk && user.status === 'active' ? await activeMemberships(deps.db, user.id) : [];
  const first = memberships[0];
  const networkId = first?.networkId ?? null;

  const fail = async (reason: string, error: AppError): Promise<never> => {
    await deps.db.transaction(async (tx) => {
      const failures = await recordFailure(tx, key, now);
      await appendAuditEvent(tx, actor, now, {
        action: 'auth.login',
        outcome: 'failure',
        networkId,
        ...(user && passwordOk ? { userId: user.id } : {}),
        details: { reason, failures },
      });
    });
    throw error;
  };

  if (!user || !passwordOk || user.status !== 'active')
    return fail('invalid_credentials', invalidCredentials());
  if (!first) return fail('no_active_membership', invalidCredentials());

  if (user.totpEnabledAt && user.totpSecretEnc) {
    if (!input.totp) {
      throw new AppError('totp_required', 'Enter the 6-digit code from your authenticator app');
    }
    const step = await checkTotp(
      unseal(user.totpSecretEnc, deps.secretKey),
      input.totp,
      now,
      user.totpLastStep,
    );
    if (step === undefined)
      return fail(
        'invalid_totp',
        new AppError('unauthenticated', 'The code is not valid', { type: 'invalid_credentials' }),
      );
    await deps.db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  }

  const membership = await loadMembership(deps.db, user.id, first.id);
  const enrollmentRequired = !user.totpEnabledAt && membership !== undefined && totpRequiredFor(membership);
  const sessionToken = randomToken('', 32);
  const csrfToken = randomToken('', 24);
  await deps.db.transaction(async (tx) => {
    await clearFailures(tx, key);
    await tx.insert(sessions).values({
      idHash: sha256(sessionToken),
      userId: user.id,
      networkId: first.networkId,
      membershipId: first.id,
      csrfToken,
      totpVerified: user.totpEnabledAt !== null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + deps.config.sessionMaxMs),
    });
    await appendAuditEvent(tx, actor, now, {
      action: 'auth.login',
      networkId: first.networkId,
      userId: user.id,
      entityType: 'membership',
      entityId: first.id,
    });
  });
  const view = await buildSessionView(deps.db, {
    userId: user.id,
    membershipId: first.id,
    csrfToken,
    totpEnrollmentRequired: enrollmentRequired,
  });
  return { sessionToken, view };
}
