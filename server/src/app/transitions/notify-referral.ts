/**
 * Tells the other side of a referral when something happens that they must act on or know about — in the
 * app, by e-mail (per each person's preference, `notify-members.ts`) and by webhook — through the outbox in
 * the same transaction as the change. The body carries a link and the referral's opaque id —
 * never the patient's name, the medication or the partner's name (P13: e-mail is not a Part 2 channel).
 * Recipients: on the partner's side, its intake staff and liaisons; on the hospital's side, the
 * transition's navigator, or its navigators when none is named. De-duplicated per referral, event and person.
 * The other side's webhooks get `referral.<status>` with the referral's opaque id and link.
 */
import type { Tx } from '../../db/client.ts';
import type { ReferralStatus } from '../../domain/transitions/vocabulary.ts';
import type { Deps } from '../context.ts';
import { notifyWebhooks } from '../notifications/notify-webhooks.ts';
import { notifyMembers } from '../notifications/notify-members.ts';

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
  const status = notice.status.replace(/_/g, ' ');
  const path = `/referrals/${notice.referralId}`;
  const dedupeKey = `referral:${notice.referralId}:${notice.event}`;
  await notifyWebhooks(tx, {
    networkId: notice.networkId,
    organizationId: notice.to.organizationId,
    kind: `referral.${notice.status}`,
    data: { referralId: notice.referralId, status: notice.status, link: path },
    dedupeKey,
    at: notice.at,
  });
  await notifyMembers(deps, tx, {
    networkId: notice.networkId,
    // A named person (the transition's navigator), or the organization's staff with the roles.
    membershipIds: notice.to.membershipId
      ? [notice.to.membershipId]
      : { organizationId: notice.to.organizationId, roles: notice.to.roles },
    kind: `referral.${notice.status}`,
    title: `A referral needs your attention (${status})`,
    body: `A referral in Handoff changed: it is now "${status}". Reference: ${notice.referralId}.`,
    params: { status: notice.status, reference: notice.referralId },
    path,
    dedupeKey,
    at: notice.at,
  });
}
