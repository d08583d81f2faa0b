/** The holder's worklist of §2.24 list requests, earliest due first; open ones by default. */
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { networkToday } from '../network/network-today.ts';
import { listRequestViews } from './list-request-view.ts';

export async function listListRequests(
  deps: Deps,
  actor: Actor,
  open: boolean,
): Promise<{ items: DisclosureListRequestView[] }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'disclosure.report', {
    what: 'Request',
    organizationId: member.organizationId,
  });
  const today = await networkToday(deps, member.networkId);
  return {
    items: await listRequestViews(
      deps.db,
      member.networkId,
      { holderOrgId: member.organizationId, open },
      today,
    ),
  };
}
