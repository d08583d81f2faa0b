/**
 * Moves a referral through its state machine (`domain/transitions/referral-states.ts`), for either side,
 * with optimistic concurrency: `If-Match` is required (428 without it), a stale version answers 412 and
 * changes nothing, so of two people acting at once one wins. An illegal move answers 409 with the moves
 * this side may make; a move missing its reason, appointment or note answers 422 naming it.
 *
 * In one transaction: the referral row, its next history event (append-only), the partner's treating
 * relationship when it accepts (what class and general-designation consents need, P6), the transition's
 * derived columns (first appointment, linked), audit, and an e-mail to the other side through the outbox.
 */
import { and, eq, max } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { referralEvents, referrals, services, treatingRelationships } from '../../db/schema/index.ts';
import type { AcknowledgementPromise } from '../../domain/directory/service.ts';
import { ackDeadline } from '../../domain/transitions/ack-deadline.ts';
import { checkMove, type Requirement } from '../../domain/transitions/referral-states.ts';
import type { ReferralView } from '../../domain/transitions/views.ts';
import {
  CANCEL_REASONS,
  DECLINE_REASONS,
  FAILURE_REASONS,
  type ReferralStatus,
  type Urgency,
} from '../../domain/transitions/vocabulary.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { notifyReferral } from './notify-referral.ts';
import { consentForReferral } from './referral-consent.ts';
import { openReferral, type OpenedReferral } from './open-referral.ts';
import { referralView } from './referral-view.ts';
import { lockTransition, refreshTransition } from './refresh-transition.ts';
import type { ReferralStatusInput } from './schemas.ts';
import { PARTNER_ROLES } from './send-referral.ts';

const REASONS_FOR: Partial<Record<ReferralStatus, { need: Requirement; codes: readonly string[] }>> = {
  declined: { need: 'decline_reason', codes: DECLINE_REASONS },
  cancelled: { need: 'cancel_reason', codes: CANCEL_REASONS },
  failed: { need: 'failure_reason', codes: FAILURE_REASONS },
};

/** What the request carries, as the machine's requirements; a reason of the wrong kind is a 422. */
function provided(input: ReferralStatusInput): Set<Requirement> {
  const have = new Set<Requirement>();
  const kind = REASONS_FOR[input.status];
  if (input.reason && !kind)
    throw invalid('reason', `a ${input.status.replace(/_/g, ' ')} move takes no reason code`);
  if (input.reason && kind) {
    if (!kind.codes.includes(input.reason.code))
      throw invalid('reason.code', `must be one of ${kind.codes.join(', ')}`);
    have.add(kind.need);
  }
  if (input.appointment) have.add('appointment');
  if (input.note) have.add('note');
  return have;
}

/** Someone else acted first: the caller's version is not the current one. */
const stale = (currentVersion?: number) =>
  new AppError('precondition_failed', 'The referral was changed by someone else; reload it', {
    extra: currentVersion === undefined ? undefined : { currentVersion },
  });

const FIELD_OF: Record<Requirement, string> = {
  decline_reason: 'reason',
  cancel_reason: 'reason',
  failure_reason: 'reason',
  appointment: 'appointment',
  note: 'note',
};

export async function moveReferral(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  input: ReferralStatusInput,
): Promise<ReferralView> {
  const opened = await openReferral(
    deps,
    actor,
    id,
    { sender: 'referral.send', receiver: 'referral.respond' },
    'Referral status',
  );
  const { referral, side, member, timezone } = opened;
  if (expectedVersion === undefined)
    throw new AppError('precondition_required', 'Send If-Match with the ETag of the referral you acted on');
  if (referral.version !== expectedVersion) throw stale(referral.version);
  const from = referral.status as ReferralStatus;
  const check = checkMove(from, input.status, side, provided(input));
  if (!check.ok && check.problem === 'illegal_move') {
    throw new AppError('conflict', `A ${side} cannot move this referral from ${from} to ${input.status}`, {
      type: 'illegal_move',
      extra: { currentStatus: from, allowed: check.allowed },
    });
  }
  if (!check.ok) {
    throw new AppError('unprocessable', `Moving to ${input.status} needs: ${check.missing.join(', ')}`, {
      errors: check.missing.map((m) => ({ field: FIELD_OF[m], message: `required for ${input.status}` })),
    });
  }
  if (input.appointment && Date.parse(input.appointment.at) < referral.createdAt.getTime() - 86_400_000)
    throw invalid('appointment.at', 'must not be before the referral was made');
  const now = deps.clock.now();
  // Sending again (a draft, a reopened referral) needs a consent naming the partner now, like the first send.
  const consentId =
    input.status === 'sent'
      ? consentForReferral(opened.facts, {
          receiverOrgId: referral.receiverOrgId,
          at: now,
          today: opened.today,
        })
      : undefined;
  const updated = await deps.db.transaction(async (tx) => {
    const row = await lockTransition(tx, member.networkId, referral.transitionId);
    if (!row) throw new Error('transition vanished');
    const changed = await writeMove(tx, opened, expectedVersion, input, now, consentId);
    await refreshTransition(tx, row, {
      timeZone: timezone,
      userId: member.userId,
      now,
    });
    await notifyReferral(deps, tx, {
      networkId: member.networkId,
      referralId: referral.id,
      event: `move:${changed.version}`,
      status: input.status,
      to:
        side === 'receiver'
          ? {
              organizationId: referral.senderOrgId,
              membershipId: row.navigatorMembershipId,
              roles: ['navigator'],
            }
          : { organizationId: referral.receiverOrgId, membershipId: null, roles: PARTNER_ROLES },
      at: now,
    });
    // Last: the audit chain's head stays locked until commit.
    await appendAuditEvent(tx, member, now, {
      action: 'referral.move',
      entityType: 'referral',
      entityId: referral.id,
      patientId: referral.patientId,
      purpose: 'TREAT',
      details: { from, to: input.status, side, reason: input.reason?.code ?? null },
    });
    return changed;
  });
  return referralView(deps.db, { ...opened, referral: updated }, now);
}

async function writeMove(
  tx: Tx,
  opened: OpenedReferral,
  expectedVersion: number,
  input: ReferralStatusInput,
  now: Date,
  consentId: string | undefined,
) {
  const { referral, side, member } = opened;
  const appointment = input.appointment
    ? {
        at: new Date(input.appointment.at).toISOString(),
        place: input.appointment.place ?? null,
        notes: input.appointment.notes ?? null,
      }
    : undefined;
  const resend = input.status === 'sent' ? await deadline(tx, referral, now) : undefined;
  const [changed] = await tx
    .update(referrals)
    .set({
      status: input.status,
      version: expectedVersion + 1,
      updatedAt: now,
      appointment,
      appointmentAt: appointment ? new Date(appointment.at) : undefined,
      lastReason: input.reason ?? undefined,
      acknowledgedAt: side === 'receiver' && !referral.acknowledgedAt ? now : undefined,
      sentAt: resend ? now : undefined,
      ackDueAt: resend,
      consentId,
    })
    .where(
      and(
        eq(referrals.networkId, member.networkId),
        eq(referrals.id, referral.id),
        eq(referrals.version, expectedVersion),
      ),
    )
    .returning();
  if (!changed) throw stale();
  const [last] = await tx
    .select({ seq: max(referralEvents.seq) })
    .from(referralEvents)
    .where(and(eq(referralEvents.networkId, member.networkId), eq(referralEvents.referralId, referral.id)));
  await tx.insert(referralEvents).values({
    networkId: member.networkId,
    referralId: referral.id,
    seq: (last?.seq ?? 0) + 1,
    fromStatus: referral.status,
    toStatus: input.status,
    side,
    actorMembershipId: member.membershipId,
    actorOrgId: member.organizationId,
    at: now,
    reason: input.reason ?? null,
    appointment: appointment ?? null,
    note: input.note ?? null,
  });
  if (side === 'receiver' && (input.status === 'accepted' || input.status === 'scheduled')) {
    await tx
      .insert(treatingRelationships)
      .values({
        networkId: member.networkId,
        patientId: referral.patientId,
        organizationId: referral.receiverOrgId,
        basis: 'referral_accepted',
        startedAt: now,
      })
      .onConflictDoNothing();
  }
  return changed;
}

/** A new acknowledgement deadline when a referral is sent again (draft sent, or reopened). */
async function deadline(tx: Tx, referral: OpenedReferral['referral'], now: Date): Promise<Date> {
  const [service] = await tx
    .select()
    .from(services)
    .where(and(eq(services.networkId, referral.networkId), eq(services.id, referral.serviceId)));
  return ackDeadline({
    sentAt: now,
    urgency: referral.urgency as Urgency,
    promise: (service?.acknowledgement as AcknowledgementPromise | null) ?? undefined,
    timeZone: service?.timezone ?? 'UTC',
    holidays: service?.holidays ?? [],
  });
}
