/**
 * `Idempotency-Key` for POSTs that create (architecture: "Writes are idempotent where clients retry"). The
 * key is claimed inside the creating transaction, so it commits with the object or not at all:
 * - first use: the key is stored with the id of the object about to be created → `{ replayOf: null }`;
 * - a retry (same membership, key and request): the first object's id → `{ replayOf: id }`; the caller
 *   answers that object and creates nothing. A concurrent retry waits on the key's row until the first
 *   transaction ends (PostgreSQL unique-index semantics), so two racing requests never both create;
 * - the same key with a different request (route or body) → 422 `idempotency-key-reused`, nothing changes.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { AppError } from '../../lib/errors.ts';
import type { MemberActor } from '../context.ts';

export interface IdempotencyRequest {
  key: string;
  route: string;
  body: unknown;
}

/** Stable hash of a request body (object keys sorted, so key order does not matter). */
export const requestHash = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

export async function claimIdempotencyKey(
  tx: Tx,
  member: MemberActor,
  request: IdempotencyRequest | undefined,
  entityId: string,
  at: Date,
): Promise<{ replayOf: string | null }> {
  if (!request) return { replayOf: null };
  const hash = requestHash(request.body);
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({
      membershipId: member.membershipId,
      key: request.key,
      route: request.route,
      requestHash: hash,
      entityId,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ entityId: idempotencyKeys.entityId });
  if (claimed.length > 0) return { replayOf: null };
  const [first] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.membershipId, member.membershipId), eq(idempotencyKeys.key, request.key)));
  if (!first) throw new Error('idempotency key vanished');
  if (first.route !== request.route || first.requestHash !== hash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was already used for a different request', {
      type: 'idempotency-key-reused',
      errors: [{ field: 'Idempotency-Key', message: 'already used for a different request; use a new key' }],
    });
  }
  return { replayOf: first.entityId };
}
