/**
 * Turns the second factor off after the password is re-entered. Refused while any of the user's
 * organizations requires a second factor for one of their roles.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps } from '../context.ts';
import type { SessionAuth } from './authenticate.ts';
import { loadMembership, totpRequiredFor } from './shared/member-actor.ts';
import { activeMemberships } from './shared/session-view.ts';

export async function disableTotp(deps: Deps, auth: SessionAuth, password: string): Promise<void> {
  const now = deps.clock.now();
  const [user] = await deps.db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, password))) throw invalid('password', 'is not correct');
  for (const m of await activeMemberships(deps.db, user.id)) {
    const ctx = await loadMembership(deps.db, user.id, m.id);
    if (ctx && totpRequiredFor(ctx)) {
      throw new AppError('conflict', `${m.organization.name} requires a second factor for your role`);
    }
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: null, totpSecretEnc: null, totpLastStep: null, updatedAt: now })
      .where(eq(users.id, user.id));
    await appendAuditEvent(tx, auth.actor, now, {
      action: 'auth.totp_disable',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
