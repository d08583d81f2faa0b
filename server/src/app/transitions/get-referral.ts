/** Reads one referral for either side (the partner only through the consent decision point). */
import type { ReferralView } from '../../domain/transitions/views.ts';
import type { Actor, Deps } from '../context.ts';
import { openReferral } from './open-referral.ts';
import { referralView } from './referral-view.ts';

export const READ_ACTIONS = { sender: 'patient.read', receiver: 'patient.read' } as const;

export async function getReferral(deps: Deps, actor: Actor, id: string): Promise<ReferralView> {
  const opened = await openReferral(deps, actor, id, READ_ACTIONS, 'Referral and handoff packet');
  return referralView(deps.db, opened, deps.clock.now());
}
