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

export interface QueuedEmail {
  networkId: string | null;
  dedupeKey: string;
  message: EmailMessage;
}

export async function enqueueEmail(tx: Tx, at: Date, input: QueuedEmail): Promise<boolean> {
  return (await enqueueEmails(tx, at, [input])) > 0;
}

/** Several e-mails in one statement; returns how many were new (repeated keys are ignored). */
export async function enqueueEmails(tx: Tx, at: Date, inputs: readonly QueuedEmail[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const inserted = await tx
    .insert(outbox)
    .values(
      inputs.map((input) => ({
        id: randomUUID(),
        networkId: input.networkId,
        channel: 'email',
        dedupeKey: input.dedupeKey,
        payload: { ...input.message },
        nextAttemptAt: at,
        createdAt: at,
      })),
    )
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length;
}
