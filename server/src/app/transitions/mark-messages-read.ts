/** Records how far the reader has read a referral's thread (read receipts). Never moves backwards. */
import { and, eq, max, sql } from 'drizzle-orm';
import { referralMessages, referralReads } from '../../db/schema/index.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { READ_ACTIONS } from './get-referral.ts';
import { openReferral } from './open-referral.ts';

export async function markMessagesRead(
  deps: Deps,
  actor: Actor,
  referralId: string,
  upToSeq: number,
): Promise<void> {
  const { referral, member } = await openReferral(
    deps,
    actor,
    referralId,
    READ_ACTIONS,
    'Referral messages read',
  );
  const [last] = await deps.db
    .select({ seq: max(referralMessages.seq) })
    .from(referralMessages)
    .where(
      and(eq(referralMessages.networkId, member.networkId), eq(referralMessages.referralId, referral.id)),
    );
  if (upToSeq > (last?.seq ?? 0)) throw invalid('upToSeq', 'is beyond the last message of this thread');
  const now = deps.clock.now();
  await deps.db
    .insert(referralReads)
    .values({
      networkId: member.networkId,
      referralId: referral.id,
      membershipId: member.membershipId,
      readSeq: upToSeq,
      readAt: now,
    })
    .onConflictDoUpdate({
      target: [referralReads.networkId, referralReads.referralId, referralReads.membershipId],
      set: { readSeq: sql`greatest(${referralReads.readSeq}, excluded.read_seq)`, readAt: now },
      setWhere: sql`${referralReads.readSeq} < excluded.read_seq`,
    });
}
