/**
 * Starts a password reset: when the address belongs to an active user, a one-hour single-use link
 * is e-mailed through the outbox. The answer is the same whether or not the address is known.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { passwordResets, users } from '../../db/schema/index.ts';
import { passwordResetEmail } from '../../integrations/email/templates.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { anonymousActor, type Deps, type RequestMeta } from '../context.ts';
import { enqueueEmail } from '../outbox/enqueue-email.ts';
import { activeMemberships } from './shared/session-view.ts';

const RESET_TTL_MS = 60 * 60_000;

export async function requestPasswordReset(deps: Deps, email: string, meta: RequestMeta): Promise<void> {
  const now = deps.clock.now();
  const [user] = await deps.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user || user.status !== 'active') return;
  const networkId = (await activeMemberships(deps.db, user.id))[0]?.networkId ?? null;
  const token = randomToken('', 32);
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      id,
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    await enqueueEmail(tx, now, {
      networkId,
      dedupeKey: `password-reset:${id}`,
      message: passwordResetEmail(
        user.email,
        `${deps.config.publicUrl}/reset-password/${token}`,
        user.locale,
      ),
    });
    await appendAuditEvent(tx, anonymousActor(meta), now, {
      action: 'auth.password_reset_request',
      networkId,
      userId: user.id,
      entityType: 'user',
      entityId: user.id,
    });
  });
}
