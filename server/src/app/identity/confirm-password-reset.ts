/**
 * Completes a password reset with the e-mailed token: sets the new password, uses up the token,
 * ends every session of the user and clears the login back-off.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { passwordResets, sessions, users } from '../../db/schema/index.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { hashPassword, passwordProblem } from '../../lib/passwords.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { anonymousActor, type Deps, type RequestMeta } from '../context.ts';
import { activeMemberships } from './shared/session-view.ts';
import { clearFailures, throttleKey } from './shared/throttle.ts';

export async function confirmPasswordReset(
  deps: Deps,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('password', problem);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), isNull(passwordResets.usedAt)))
      .for('update');
    if (!reset || reset.expiresAt <= now) {
      throw new AppError('validation', 'This reset link is invalid or has expired; ask for a new one', {
        errors: [{ field: 'token', message: 'is invalid or expired' }],
      });
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, reset.userId))
      .returning();
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, reset.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, reset.userId), isNull(sessions.revokedAt)));
    if (user) await clearFailures(tx, throttleKey(user.email));
    const networkId = (await activeMemberships(tx, reset.userId))[0]?.networkId ?? null;
    await appendAuditEvent(tx, anonymousActor(meta), now, {
      action: 'auth.password_reset',
      networkId,
      userId: reset.userId,
      entityType: 'user',
      entityId: reset.userId,
    });
  });
}
