/**
 * Writes an e-mail into the outbox inside the caller's transaction: it is sent only if the change
 * commits, and at least once after that (jobs/outbox-worker.ts). A repeated `dedupeKey` is ignored,
 * so a retried use case never sends twice (the result says whether this call enqueued it). Bodies carry links and opaque ids, never PHI.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export async function enqueueEmail(
  tx: Tx,
  at: Date,
  input: { networkId: string | null; dedupeKey: string; message: EmailMessage },
): Promise<boolean> {
  const inserted = await tx
    .insert(outbox)
    .values({
      id: randomUUID(),
      networkId: input.networkId,
      channel: 'email',
      dedupeKey: input.dedupeKey,
      payload: { ...input.message },
      nextAttemptAt: at,
      createdAt: at,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}
