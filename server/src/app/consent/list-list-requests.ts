/** The holder's worklist of §2.24 list requests: open ones by default, earliest due first. */
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
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
  const items = await listRequestViews(
    deps.db,
    member.networkId,
    { holderOrgId: member.organizationId, open },
    today,
  );
  // The worklist names the holder's own patients: reading it is audited.
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, deps.clock.now(), {
      action: 'disclosure.list_requests',
      details: { open, patients: [...new Set(items.map((i) => i.patientId))] },
    }),
  );
  return { items };
}
