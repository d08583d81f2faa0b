/**
 * Writes a message (with at most one attachment: PDF, PNG or JPEG, checked by content, ≤ 5 MB) in a
 * referral's thread, for either side, and notifies the other side by e-mail through the outbox (a link,
 * never the message). A message needs words or a file. The thread is numbered per referral under the
 * referral's row lock, so concurrent writers get consecutive numbers.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { referralMessages, referrals, transitions } from '../../db/schema/index.ts';
import { checkAttachment } from '../../domain/transitions/attachment.ts';
import type { MessageView } from '../../domain/transitions/views.ts';
import type { ReferralStatus } from '../../domain/transitions/vocabulary.ts';
import { invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { messageColumns, messageViews } from './message-view.ts';
import { notifyReferral } from './notify-referral.ts';
import { openReferral } from './open-referral.ts';
import type { PostMessageInput } from './schemas.ts';
import { PARTNER_ROLES } from './send-referral.ts';

const ATTACHMENT_PROBLEMS = {
  empty: 'is empty',
  too_large: 'is larger than 5 MB',
  type_mismatch: 'is not a file of the declared type (PDF, PNG or JPEG)',
} as const;

export async function postMessage(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: PostMessageInput,
): Promise<MessageView> {
  const { referral, side, member } = await openReferral(
    deps,
    actor,
    referralId,
    { sender: 'referral.message', receiver: 'referral.message' },
    'Referral message',
  );
  const file = input.attachment ? Buffer.from(input.attachment.contentBase64, 'base64') : undefined;
  if (input.attachment && file) {
    const problem = checkAttachment(file, input.attachment.mediaType);
    if (problem) throw invalid('attachment.contentBase64', ATTACHMENT_PROBLEMS[problem]);
  }
  if (!input.body && !file) throw invalid('body', 'write a message or attach a file');
  const now = deps.clock.now();
  const id = randomUUID();
  const row = await deps.db.transaction(async (tx) => {
    await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.networkId, member.networkId), eq(referrals.id, referral.id)))
      .for('update');
    const [last] = await tx
      .select({ seq: max(referralMessages.seq) })
      .from(referralMessages)
      .where(
        and(eq(referralMessages.networkId, member.networkId), eq(referralMessages.referralId, referral.id)),
      );
    const [inserted] = await tx
      .insert(referralMessages)
      .values({
        networkId: member.networkId,
        referralId: referral.id,
        seq: (last?.seq ?? 0) + 1,
        id,
        authorMembershipId: member.membershipId,
        authorOrgId: member.organizationId,
        side,
        body: input.body,
        attachmentName: input.attachment?.fileName ?? null,
        attachmentType: input.attachment?.mediaType ?? null,
        attachmentSize: file?.length ?? null,
        attachment: file ?? null,
        createdAt: now,
      })
      .returning(messageColumns);
    if (!inserted) throw new Error('message not stored');
    await appendAuditEvent(tx, member, now, {
      action: 'referral.message',
      entityType: 'referral',
      entityId: referral.id,
      patientId: referral.patientId,
      details: { seq: inserted.seq, attachment: file ? input.attachment?.mediaType : null },
    });
    const [transition] = await tx
      .select({ navigator: transitions.navigatorMembershipId })
      .from(transitions)
      .where(and(eq(transitions.networkId, member.networkId), eq(transitions.id, referral.transitionId)));
    await notifyReferral(deps, tx, {
      networkId: member.networkId,
      referralId: referral.id,
      event: `message:${inserted.seq}`,
      status: referral.status as ReferralStatus,
      to:
        side === 'receiver'
          ? {
              organizationId: referral.senderOrgId,
              membershipId: transition?.navigator ?? null,
              roles: ['navigator'],
            }
          : { organizationId: referral.receiverOrgId, membershipId: null, roles: PARTNER_ROLES },
      at: now,
    });
    return inserted;
  });
  const [view] = await messageViews(deps.db, member.networkId, referral.id, [row]);
  if (!view) throw new Error('message view missing');
  return view;
}
