/** Downloads a message's attachment, for either side of the referral (through the consent decision point). */
import { and, eq } from 'drizzle-orm';
import { referralMessages } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import type { Actor, Deps } from '../context.ts';
import { READ_ACTIONS } from './get-referral.ts';
import { openReferral } from './open-referral.ts';

export async function getAttachment(
  deps: Deps,
  actor: Actor,
  referralId: string,
  messageId: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const { referral } = await openReferral(
    deps,
    actor,
    referralId,
    READ_ACTIONS,
    'Referral message attachment',
  );
  const [message] = isUuid(messageId)
    ? await deps.db
        .select()
        .from(referralMessages)
        .where(
          and(
            eq(referralMessages.networkId, referral.networkId),
            eq(referralMessages.referralId, referral.id),
            eq(referralMessages.id, messageId),
          ),
        )
    : [];
  if (!message?.attachment || !message.attachmentName || !message.attachmentType)
    throw notFound('Attachment');
  return {
    fileName: message.attachmentName,
    mediaType: message.attachmentType,
    content: Buffer.from(message.attachment),
  };
}
