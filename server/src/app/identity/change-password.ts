/** Changes the signed-in user's password after checking the current one; other sessions end. */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../lib/passwords.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps } from '../context.ts';
import type { SessionAuth } from './authenticate.ts';

export async function changePassword(
  deps: Deps,
  auth: SessionAuth,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const now = deps.clock.now();
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid('newPassword', problem);
  const [user] = await deps.db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation', 'The current password is not correct', {
      errors: [{ field: 'currentPassword', message: 'is not correct' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(eq(sessions.userId, user.id), ne(sessions.idHash, auth.sessionHash), isNull(sessions.revokedAt)),
      );
    await appendAuditEvent(tx, auth.actor, now, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
