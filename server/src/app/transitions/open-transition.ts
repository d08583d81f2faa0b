/**
 * Finds a transition for its hospital: the transition's patient goes through `openPatient` (holder only,
 * treatment data), and every other case — unknown id, another organization's transition — is the same
 * "Transition not found" after the same work (P21).
 */
import { and, eq } from 'drizzle-orm';
import { transitions } from '../../db/schema/index.ts';
import type { Action } from '../../domain/identity/permissions.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { requireMember } from '../authorize.ts';
import { openPatient, type OpenedPatient } from '../consent/open-patient.ts';
import type { Actor, Deps } from '../context.ts';
import { channelOf } from '../consent/record-disclosure.ts';
import type { TransitionRow } from './refresh-transition.ts';

export async function openTransition(
  deps: Deps,
  actor: Actor,
  transitionId: string,
  action: Action,
  description: string,
): Promise<OpenedPatient & { transition: TransitionRow }> {
  const member = requireMember(actor);
  const [transition] = isUuid(transitionId)
    ? await deps.db
        .select()
        .from(transitions)
        .where(and(eq(transitions.networkId, member.networkId), eq(transitions.id, transitionId)))
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
    });
    if (!transition) throw notFound('Transition');
    return { ...opened, transition };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw notFound('Transition');
    throw error;
  }
}
