/** Builds a referral's thread: messages with author, attachment metadata and read receipts. */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { referralMessages, referralReads } from '../../db/schema/index.ts';
import type { Side } from '../../domain/transitions/referral-states.ts';
import type { MessageView } from '../../domain/transitions/views.ts';
import { peopleOf } from './people.ts';

export type MessageRow = Omit<typeof referralMessages.$inferSelect, 'attachment'>;

/** The message columns without the file itself (never loaded for a list). */
export const messageColumns = {
  networkId: referralMessages.networkId,
  referralId: referralMessages.referralId,
  seq: referralMessages.seq,
  id: referralMessages.id,
  authorMembershipId: referralMessages.authorMembershipId,
  authorOrgId: referralMessages.authorOrgId,
  side: referralMessages.side,
  body: referralMessages.body,
  attachmentName: referralMessages.attachmentName,
  attachmentType: referralMessages.attachmentType,
  attachmentSize: referralMessages.attachmentSize,
  createdAt: referralMessages.createdAt,
};

export async function messageViews(
  db: Queryable,
  networkId: string,
  referralId: string,
  rows?: MessageRow[],
): Promise<MessageView[]> {
  const messages =
    rows ??
    (await db
      .select(messageColumns)
      .from(referralMessages)
      .where(and(eq(referralMessages.networkId, networkId), eq(referralMessages.referralId, referralId)))
      .orderBy(asc(referralMessages.seq)));
  const reads = await db
    .select()
    .from(referralReads)
    .where(and(eq(referralReads.networkId, networkId), eq(referralReads.referralId, referralId)));
  const people = await peopleOf(db, networkId, [
    ...messages.map((m) => m.authorMembershipId),
    ...reads.map((r) => r.membershipId),
  ]);
  return messages.map((m) => {
    const author = people.get(m.authorMembershipId);
    return {
      id: m.id,
      seq: m.seq,
      author: {
        name: author?.name ?? '',
        organization: { id: m.authorOrgId, name: author?.organizationName ?? '' },
        side: m.side as Side,
      },
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      attachment:
        m.attachmentName && m.attachmentType && m.attachmentSize !== null
          ? { id: m.id, fileName: m.attachmentName, mediaType: m.attachmentType, size: m.attachmentSize }
          : null,
      readBy: reads
        .filter((r) => r.readSeq >= m.seq && r.membershipId !== m.authorMembershipId)
        .map((r) => {
          const reader = people.get(r.membershipId);
          return {
            name: reader?.name ?? '',
            organization: { id: reader?.organizationId ?? '', name: reader?.organizationName ?? '' },
            readAt: r.readAt.toISOString(),
          };
        }),
    };
  });
}
