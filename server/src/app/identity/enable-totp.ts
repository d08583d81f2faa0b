/** Finishes TOTP enrollment once the user proves the secret with a current code. */
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.ts';
import { unseal } from '../../lib/crypto.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { checkTotp } from '../../lib/totp.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps } from '../context.ts';
import type { SessionAuth } from './authenticate.ts';

export async function enableTotp(deps: Deps, auth: SessionAuth, code: string): Promise<void> {
  const now = deps.clock.now();
  const [user] = await deps.db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user) throw notFound('User');
  if (user.totpEnabledAt) throw new AppError('conflict', 'A second factor is already enabled');
  if (!user.totpSecretEnc) throw new AppError('conflict', 'Start the set-up first');
  const step = await checkTotp(unseal(user.totpSecretEnc, deps.secretKey), code, now, user.totpLastStep);
  if (step === undefined)
    throw invalid('code', 'is not valid; check the time on your phone and try the next code');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx.update(sessions).set({ totpVerified: true }).where(eq(sessions.idHash, auth.sessionHash));
    await appendAuditEvent(tx, auth.actor, now, {
      action: 'auth.totp_enable',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
