/** A referral's message thread, for either side (the partner through the consent decision point). */
import type { MessagesPage } from '../../domain/transitions/views.ts';
import type { Actor, Deps } from '../context.ts';
import { READ_ACTIONS } from './get-referral.ts';
import { messageViews } from './message-view.ts';
import { openReferral } from './open-referral.ts';

export async function listMessages(deps: Deps, actor: Actor, referralId: string): Promise<MessagesPage> {
  const { referral, notice } = await openReferral(deps, actor, referralId, READ_ACTIONS, 'Referral messages');
  return { messages: await messageViews(deps.db, referral.networkId, referral.id), disclosure: notice };
}
