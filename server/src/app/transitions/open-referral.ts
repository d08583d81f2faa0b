/**
 * Finds a referral for one of its two sides. The referral's patient goes through `openPatient` for treatment
 * data: the hospital as holder, the partner under the consent that names it (or a treating relationship it
 * gained by accepting) — so a revoked consent hides the referral from the partner at once. Everyone else,
 * a draft the partner has not been sent, and an unknown id all get the same "Referral not found" after the
 * same work; a third organization is never put to the decision point with the real patient (no ledger entry
 * for data it was not given). The decision is asked for reading; a party whose role may not make the
 * requested change is then refused with 403 (it may see the referral, so the refusal reveals nothing).
 */
import { and, eq } from 'drizzle-orm';
import { referrals } from '../../db/schema/index.ts';
import { grantedScope, type Action } from '../../domain/identity/permissions.ts';
import type { Side } from '../../domain/transitions/referral-states.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { authorize, requireMember } from '../authorize.ts';
import { openPatient, type OpenedPatient } from '../consent/open-patient.ts';
import type { Actor, Deps } from '../context.ts';
import { channelOf } from '../consent/record-disclosure.ts';
import type { ReferralRow } from './transition-view.ts';

export interface OpenedReferral extends OpenedPatient {
  referral: ReferralRow;
  side: Side;
}

export async function openReferral(
  deps: Deps,
  actor: Actor,
  referralId: string,
  actions: Record<Side, Action>,
  description: string,
): Promise<OpenedReferral> {
  const member = requireMember(actor);
  const [referral] = isUuid(referralId)
    ? await deps.db
        .select()
        .from(referrals)
        .where(and(eq(referrals.networkId, member.networkId), eq(referrals.id, referralId)))
    : [];
  const side: Side | undefined =
    referral?.senderOrgId === member.organizationId
      ? 'sender'
      : referral?.receiverOrgId === member.organizationId && referral.sentAt !== null
        ? 'receiver'
        : undefined;
  try {
    const opened = await openPatient(deps, actor, side && referral ? referral.patientId : referralId, {
      action: 'patient.read',
      category: 'treatment',
      purpose: 'TREAT',
      channel: channelOf(actor),
      description,
      holderOnly: side === 'sender',
      requested: { entityType: 'referral', entityId: referralId },
    });
    if (!referral || !side) throw notFound('Referral');
    // A party that may see the referral but whose role may not do this: forbidden (it knows the referral).
    if (!grantedScope(member.roles, actions[side])) {
      await authorize(deps, member, actions[side], {
        what: 'Referral',
        organizationId: member.organizationId,
      });
    }
    return { ...opened, referral, side };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw notFound('Referral');
    throw error;
  }
}
