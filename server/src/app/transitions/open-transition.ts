/**
 * Finds a transition for its hospital: the transition's patient goes through `openPatient` (holder only,
 * treatment data), and every other case — unknown id, another organization's transition — is the same
 * "Transition not found" after the same work (P21).
 */
import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDb } from '../../db/prepared.ts';
import { transitions } from '../../db/schema/index.ts';
import type { Action } from '../../domain/identity/permissions.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { requireMember } from '../authorize.ts';
import { openPatient, type OpenedPatient } from '../consent/open-patient.ts';
import type { Actor, Deps } from '../context.ts';
import { channelOf } from '../consent/record-disclosure.ts';
import type { TransitionRow } from './refresh-transition.ts';

/** Every transition and referral-sending request opens one (`db/prepared.ts`). */
const transitionById = preparedPerDb((db) =>
  db
    .select()
    .from(transitions)
    .where(
      and(eq(transitions.networkId, sql.placeholder('networkId')), eq(transitions.id, sql.placeholder('id'))),
    )
    .prepare('transition_by_id'),
);

export async function openTransition(
  deps: Deps,
  actor: Actor,
  transitionId: string,
  action: Action,
  description: string,
  options: { deferAudit?: boolean } = {},
): Promise<OpenedPatient & { transition: TransitionRow }> {
  const member = requireMember(actor);
  const [transition] = isUuid(transitionId)
    ? await transitionById(deps.db).execute({ networkId: member.networkId, id: transitionId })
    : [];
  try {
    const opened = await openPatient(deps, actor, transition?.patientId ?? transitionId, {
      action,
      category: 'treatment',
      purpose: 'TREAT',
      channel: channelOf(actor),
      description,
      holderOnly: true,
      requested: { entityType: 'transition', entityId: transitionId },
      ...options,
    });
    if (!transition) throw notFound('Transition');
    return { ...opened, transition };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw notFound('Transition');
    throw error;
  }
}
