/**
 * E-mails the other side of a referral when something happens that they must act on or know about, through
 * the outbox in the same transaction as the change. The body carries a link and the referral's opaque id —
 * never the patient's name, the medication or the partner's name (P13: e-mail is not a Part 2 channel).
 * Recipients: on the partner's side, its intake staff and liaisons; on the hospital's side, the
 * transition's navigator, or its navigators when none is named. De-duplicated per referral, event and person.
 * The other side's webhooks get `referral.<status>` with the referral's opaque id and link.
 */
import { and, arrayOverlaps, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { memberships, users } from '../../db/schema/index.ts';
import type { ReferralStatus } from '../../domain/transitions/vocabulary.ts';
import type { Deps } from '../context.ts';
import { notifyWebhooks } from '../notifications/notify-webhooks.ts';
import { enqueueEmails } from '../outbox/enqueue-email.ts';

export interface ReferralNotice {
  networkId: string;
  referralId: string;
  /** Event key, unique per referral (e.g. `sent:1`, `move:4`). */
  event: string;
  status: ReferralStatus;
  to: { organizationId: string; membershipId: string | null; roles: string[] };
  at: Date;
}

export async function notifyReferral(deps: Deps, tx: Tx, notice: ReferralNotice): Promise<void> {
  await notifyWebhooks(tx, {
    networkId: notice.networkId,
    organizationId: notice.to.organizationId,
    kind: `referral.${notice.status}`,
    data: { referralId: notice.referralId, status: notice.status, link: `/referrals/${notice.referralId}` },
    dedupeKey: `referral:${notice.referralId}:${notice.event}`,
    at: notice.at,
  });
  const base = and(
    eq(memberships.networkId, notice.networkId),
    eq(memberships.organizationId, notice.to.organizationId),
    eq(memberships.status, 'active'),
  );
  const people = await tx
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      notice.to.membershipId
        ? and(base, eq(memberships.id, notice.to.membershipId))
        : and(base, arrayOverlaps(memberships.roles, notice.to.roles)),
    );
  const link = `${deps.config.publicUrl}/referrals/${notice.referralId}`;
  await enqueueEmails(
    tx,
    notice.at,
    people.map((person) => ({
      networkId: notice.networkId,
      dedupeKey: `referral:${notice.referralId}:${notice.event}:${person.userId}`,
      message: {
        to: person.email,
        subject: `Handoff: a referral needs your attention (${notice.status.replace(/_/g, ' ')})`,
        text:
          `A referral in Handoff changed: it is now "${notice.status.replace(/_/g, ' ')}".\n\n` +
          `Open it (sign-in required): ${link}\n\nReference: ${notice.referralId}\n` +
          'For privacy this e-mail carries no patient information.',
      },
    })),
  );
}
