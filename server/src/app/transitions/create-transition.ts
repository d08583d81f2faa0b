/**
 * Starts a transition for one of the hospital's patients (the holder only): encounter, how OUD was found,
 * care team, care needs and the MOUD plan. Coverage end and packet version 1 are derived in the same
 * transaction; an `Idempotency-Key` retry answers the first transition instead of creating a second.
 */
import { randomUUID } from 'node:crypto';
import { transitions } from '../../db/schema/index.ts';
import type { TransitionView } from '../../domain/transitions/views.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { openPatient } from '../consent/open-patient.ts';
import type { Actor, Deps } from '../context.ts';
import { channelOf } from '../consent/record-disclosure.ts';
import { claimIdempotencyKey, type IdempotencyRequest } from '../idempotency/claim-idempotency-key.ts';
import { checkCareTeam } from './care-team.ts';
import { getTransition } from './get-transition.ts';
import { lockTransition, refreshTransition, storedPlan } from './refresh-transition.ts';
import type { CreateTransitionInput } from './schemas.ts';

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

export async function createTransition(
  deps: Deps,
  actor: Actor,
  input: CreateTransitionInput,
  idempotency?: IdempotencyRequest,
): Promise<{ view: TransitionView; replayed: boolean }> {
  const { member, patient, timezone } = await openPatient(deps, actor, input.patientId, {
    action: 'transition.manage',
    category: 'treatment',
    purpose: 'TREAT',
    channel: channelOf(actor),
    description: 'Transition',
    holderOnly: true,
  });
  await checkCareTeam(deps.db, member, input.careTeam);
  const now = deps.clock.now();
  const id = randomUUID();
  const replayOf = await deps.db.transaction(async (tx) => {
    const claim = await claimIdempotencyKey(tx, member, idempotency, id, now);
    if (claim.replayOf) return claim.replayOf;
    await tx.insert(transitions).values({
      networkId: member.networkId,
      id,
      patientId: patient.id,
      hospitalOrgId: member.organizationId,
      encounterType: input.encounterType,
      admittedAt: new Date(input.admittedAt),
      expectedDischargeAt: date(input.expectedDischargeAt),
      dischargedAt: date(input.dischargedAt),
      oudIdentifiedBy: input.oudIdentifiedBy,
      disposition: input.disposition ?? null,
      navigatorMembershipId: input.careTeam.navigatorMembershipId ?? null,
      peerMembershipId: input.careTeam.peerMembershipId ?? null,
      clinicianMembershipId: input.careTeam.clinicianMembershipId ?? null,
      careNeeds: [...new Set(input.careNeeds)],
      status: 'open',
      moudPlan: storedPlan(input.moudPlan),
      createdBy: member.userId,
      createdAt: now,
      updatedAt: now,
    });
    const row = await lockTransition(tx, member.networkId, id);
    if (!row) throw new Error('transition vanished');
    await refreshTransition(tx, row, {
      timeZone: timezone,
      userId: member.userId,
      now,
      created: true,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'transition.create',
      entityType: 'transition',
      entityId: id,
      patientId: patient.id,
      details: { encounterType: input.encounterType, medication: input.moudPlan?.medication ?? null },
    });
    return null;
  });
  return { view: await getTransition(deps, actor, replayOf ?? id), replayed: replayOf !== null };
}
