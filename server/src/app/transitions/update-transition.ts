/**
 * Changes a transition (the hospital only, with `If-Match`): record the discharge, change the plan or the
 * care team, close it without a link or reopen it. Only the fields sent change. Derived columns and the
 * packet version follow in the same transaction; a stale version answers 412 and changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { transitions } from '../../db/schema/index.ts';
import type { TransitionView } from '../../domain/transitions/views.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { checkCareTeam } from './care-team.ts';
import { openTransition } from './open-transition.ts';
import { lockTransition, refreshTransition, storedPlan } from './refresh-transition.ts';
import type { UpdateTransitionInput } from './schemas.ts';
import { transitionView } from './transition-view.ts';

const date = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null ? null : new Date(s);

export async function updateTransition(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  input: UpdateTransitionInput,
): Promise<TransitionView> {
  const { member, transition, patient, timezone } = await openTransition(
    deps,
    actor,
    id,
    'transition.manage',
    'Transition',
  );
  if (expectedVersion === undefined)
    throw new AppError('precondition_required', 'Send If-Match with the ETag of the transition you changed');
  if (input.careTeam) await checkCareTeam(deps.db, member, input.careTeam);
  if (input.status === 'linked')
    throw invalid('status', 'a transition becomes linked when a first visit is attended');
  const now = deps.clock.now();
  const updated = await deps.db.transaction(async (tx) => {
    const row = await lockTransition(tx, member.networkId, transition.id);
    if (!row || row.version !== expectedVersion)
      throw new AppError('precondition_failed', 'The transition was changed by someone else; reload it', {
        extra: { currentVersion: row?.version },
      });
    const admittedAt = input.admittedAt ? new Date(input.admittedAt) : row.admittedAt;
    const dischargedAt = date(input.dischargedAt);
    if (dischargedAt && dischargedAt < admittedAt)
      throw invalid('dischargedAt', 'must not be before admission');
    const [changed] = await tx
      .update(transitions)
      .set({
        encounterType: input.encounterType,
        admittedAt,
        expectedDischargeAt: date(input.expectedDischargeAt),
        dischargedAt,
        oudIdentifiedBy: input.oudIdentifiedBy,
        disposition: input.disposition,
        navigatorMembershipId: input.careTeam?.navigatorMembershipId,
        peerMembershipId: input.careTeam?.peerMembershipId,
        clinicianMembershipId: input.careTeam?.clinicianMembershipId,
        careNeeds: input.careNeeds ? [...new Set(input.careNeeds)] : undefined,
        moudPlan: input.moudPlan === undefined ? undefined : storedPlan(input.moudPlan),
        status: input.status === undefined || row.status === 'linked' ? undefined : input.status,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(transitions.networkId, member.networkId), eq(transitions.id, row.id)))
      .returning();
    if (!changed) throw new Error('transition vanished');
    const refreshed = await refreshTransition(tx, changed, {
      timeZone: timezone,
      userId: member.userId,
      now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'transition.update',
      entityType: 'transition',
      entityId: row.id,
      patientId: patient.id,
      details: { fields: Object.keys(input) },
    });
    return refreshed;
  });
  return transitionView(deps.db, updated, patient, now);
}
