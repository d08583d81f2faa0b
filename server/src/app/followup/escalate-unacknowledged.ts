/**
 * Time rule: a sent referral whose acknowledgement deadline passed climbs the ladder of
 * `domain/followup/escalation.ts` — the partner's named liaison, then the backup (fallbacks: the partner's
 * liaisons, then its program managers and administrators), then the hospital's navigator is told to
 * consider another service (the referral shows the alternatives). Each level fires once per referral
 * (`fire-rule.ts`), with its notifications, webhooks and audit event in one transaction. An acknowledged, declined or
 * cancelled referral leaves the rule: only `sent` referrals are examined.
 */
import { and, eq, lte } from 'drizzle-orm';
import { referrals, transitions } from '../../db/schema/index.ts';
import { dueEscalations, type EscalationLevel } from '../../domain/followup/escalation.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { operatorActor, type Deps } from '../context.ts';
import { notifyMembers } from '../notifications/notify-members.ts';
import { notifyWebhooks } from '../notifications/notify-webhooks.ts';
import { fireOnce, notFired } from './fire-rule.ts';
import { membersWithRoles, namedLiaisons } from './recipients.ts';

export const ESCALATION_RULE = 'ack_escalation';

type Waiting = {
  networkId: string;
  id: string;
  senderOrgId: string;
  receiverOrgId: string;
  sentAt: Date | null;
  ackDueAt: Date | null;
  navigatorMembershipId: string | null;
};

async function recipientsFor(deps: Deps, r: Waiting, level: EscalationLevel): Promise<string[]> {
  const pair = { networkId: r.networkId, hospitalOrgId: r.senderOrgId, partnerOrgId: r.receiverOrgId };
  if (level === 'liaison') {
    const named = await namedLiaisons(deps.db, { ...pair, kind: 'primary' });
    return named.length > 0 ? named : membersWithRoles(deps.db, r.networkId, r.receiverOrgId, ['liaison']);
  }
  if (level === 'backup') {
    const named = await namedLiaisons(deps.db, { ...pair, kind: 'backup' });
    return named.length > 0
      ? named
      : membersWithRoles(deps.db, r.networkId, r.receiverOrgId, ['program_manager', 'org_admin']);
  }
  return r.navigatorMembershipId
    ? [r.navigatorMembershipId]
    : membersWithRoles(deps.db, r.networkId, r.senderOrgId, ['navigator']);
}

const WORDS: Record<EscalationLevel, { title: string; body: string }> = {
  liaison: {
    title: 'A referral to your organization is past its acknowledgement deadline',
    body: 'A referral sent to your organization has not been acknowledged in time. Please accept or decline it.',
  },
  backup: {
    title: 'Escalated: a referral is still not acknowledged',
    body: 'You are the backup contact: a referral to your organization is still unanswered after its deadline.',
  },
  alternatives: {
    title: 'A referral has not been acknowledged: consider another service',
    body: 'The partner has not answered a referral you sent. Handoff suggests other services on the referral page.',
  },
};

/** Fires the levels that are due; returns how many levels fired. */
export async function escalateUnacknowledged(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const waiting: Waiting[] = await deps.db
    .select({
      networkId: referrals.networkId,
      id: referrals.id,
      senderOrgId: referrals.senderOrgId,
      receiverOrgId: referrals.receiverOrgId,
      sentAt: referrals.sentAt,
      ackDueAt: referrals.ackDueAt,
      navigatorMembershipId: transitions.navigatorMembershipId,
    })
    .from(referrals)
    .innerJoin(
      transitions,
      and(eq(transitions.networkId, referrals.networkId), eq(transitions.id, referrals.transitionId)),
    )
    .where(
      and(
        eq(referrals.status, 'sent'),
        lte(referrals.ackDueAt, now),
        // Referrals that reached the last level are done with this rule.
        notFired(
          deps.db,
          ESCALATION_RULE,
          { networkId: referrals.networkId, subjectId: referrals.id },
          'alternatives',
        ),
      ),
    );
  let fired = 0;
  for (const r of waiting) {
    if (!r.sentAt || !r.ackDueAt) continue;
    for (const level of dueEscalations({ sentAt: r.sentAt, ackDueAt: r.ackDueAt, now })) {
      const to = await recipientsFor(deps, r, level);
      const done = await deps.db.transaction(async (tx) => {
        // Answered since the scan? Then nothing to escalate (the row lock orders us after that answer).
        const [current] = await tx
          .select({ status: referrals.status })
          .from(referrals)
          .where(and(eq(referrals.networkId, r.networkId), eq(referrals.id, r.id)))
          .for('share');
        if (current?.status !== 'sent') return false;
        if (
          !(await fireOnce(tx, {
            networkId: r.networkId,
            rule: ESCALATION_RULE,
            subjectId: r.id,
            level,
            at: now,
          }))
        )
          return false;
        await notifyMembers(deps, tx, {
          networkId: r.networkId,
          membershipIds: to,
          kind: `referral.escalation.${level}`,
          ...WORDS[level],
          path: `/referrals/${r.id}`,
          dedupeKey: `${ESCALATION_RULE}:${r.id}:${level}`,
          at: now,
        });
        await notifyWebhooks(tx, {
          networkId: r.networkId,
          organizationId: level === 'alternatives' ? r.senderOrgId : r.receiverOrgId,
          kind: `referral.escalation.${level}`,
          data: { referralId: r.id, link: `/referrals/${r.id}` },
          dedupeKey: `${ESCALATION_RULE}:${r.id}:${level}`,
          at: now,
        });
        await appendAuditEvent(tx, operatorActor('system'), now, {
          networkId: r.networkId,
          action: 'referral.escalate',
          entityType: 'referral',
          entityId: r.id,
          details: { level, notified: to.length },
        });
        return true;
      });
      if (done) fired++;
    }
  }
  return fired;
}
