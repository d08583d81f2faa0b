/** One partnership's whole workspace, for its two parties only. */
import type { Actor, Deps } from '../context.ts';
import { partnershipFor } from './access.ts';
import { partnershipView } from './partnership-view.ts';
import { networkToday } from '../network/network-today.ts';

export async function getPartnership(deps: Deps, actor: Actor, id: string) {
  const { member, partnership } = await partnershipFor(deps, actor, id, 'partnership.read');
  return partnershipView(deps.db, partnership, await networkToday(deps, member.networkId));
}
