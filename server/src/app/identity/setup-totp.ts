/**
 * Starts TOTP enrollment: a new secret is sealed (AES-GCM) and stored, not yet enabled; the user adds
 * it to an authenticator app and proves it with `enableTotp`. Starting again replaces the secret.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { seal } from '../../lib/crypto.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newTotpSecret, totpUri } from '../../lib/totp.ts';
import type { Deps } from '../context.ts';
import type { SessionAuth } from './authenticate.ts';

export async function setupTotp(
  deps: Deps,
  auth: SessionAuth,
): Promise<{ secret: string; otpauthUrl: string }> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user) throw notFound('User');
  if (user.totpEnabledAt)
    throw new AppError('conflict', 'A second factor is already enabled; disable it first');
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ totpSecretEnc: seal(secret, deps.secretKey), totpLastStep: null, updatedAt: deps.clock.now() })
    .where(eq(users.id, user.id));
  return { secret, otpauthUrl: totpUri(secret, user.email) };
}
