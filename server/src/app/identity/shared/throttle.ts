/**
 * Progressive back-off on failed logins, keyed by the SHA-256 of the normalized e-mail address so
 * that unknown and known addresses behave the same (no account enumeration). Four failures are
 * free; from the fifth, the address is locked for 1, 2, 4 … minutes, at most 60, until a success.
 */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../db/client.ts';
import { loginThrottle } from '../../../db/schema/index.ts';
import { sha256 } from '../../../lib/crypto.ts';

const FREE_FAILURES = 4;
const MAX_LOCK_MINUTES = 60;

export const throttleKey = (email: string) => sha256(`login:${email}`);

export function lockMinutes(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_MINUTES);
}

/** Seconds until the address may try again, or 0. */
export async function lockedForSeconds(db: Queryable, key: string, now: Date): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.keyHash, key));
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export async function recordFailure(tx: Tx, key: string, now: Date): Promise<number> {
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.keyHash, key)).for('update');
  const failures = (row?.failures ?? 0) + 1;
  const minutes = lockMinutes(failures);
  const values = {
    failures,
    lastFailureAt: now,
    lockedUntil: minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null,
  };
  await tx
    .insert(loginThrottle)
    .values({ keyHash: key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.keyHash, set: values });
  return failures;
}

export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.keyHash, key));
}
