/** Reads one transition for its hospital (through the decision point, holder only). */
import type { TransitionView } from '../../domain/transitions/views.ts';
import type { Actor, Deps } from '../context.ts';
import { openTransition } from './open-transition.ts';
import { transitionView } from './transition-view.ts';

export async function getTransition(deps: Deps, actor: Actor, id: string): Promise<TransitionView> {
  const { transition, patient } = await openTransition(deps, actor, id, 'patient.read', 'Transition');
  return transitionView(deps.db, transition, patient, deps.clock.now());
}
