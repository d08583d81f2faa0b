/** Marks a §2.24 list request of the organization as fulfilled (the list was given to the patient); audited once. */
import { and, eq, isNull } from 'drizzle-orm';
import { disclosureListRequests } from '../../db/schema/index.ts';
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { networkToday } from '../network/network-today.ts';
import { listRequestViews } from './list-request-view.ts';
import { isUuid } from '../../lib/uuid.ts';

export async function fulfilListRequest(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<DisclosureListRequestView> {
  const member = requireMember(actor);
  await authorize(deps, member, 'disclosure.report', {
    what: 'Request',
    organizationId: member.organizationId,
  });
  const [row] = isUuid(id)
    ? await deps.db
        .select()
        .from(disclosureListRequests)
        .where(and(eq(disclosureListRequests.networkId, member.networkId), eq(disclosureListRequests.id, id)))
    : [];
  if (!row || row.holderOrgId !== member.organizationId) throw notFound('Request');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const changed = await tx
      .update(disclosureListRequests)
      .set({ fulfilledAt: now, fulfilledBy: member.userId })
      .where(
        and(
          eq(disclosureListRequests.networkId, member.networkId),
          eq(disclosureListRequests.id, row.id),
          isNull(disclosureListRequests.fulfilledAt),
        ),
      )
      .returning({ id: disclosureListRequests.id });
    if (changed.length === 0) throw new AppError('conflict', 'This request is already fulfilled');
    await appendAuditEvent(tx, member, now, {
      action: 'disclosure.list_fulfil',
      entityType: 'disclosure_list_request',
      entityId: row.id,
      patientId: row.patientId,
    });
  });
  const [view] = await listRequestViews(
    deps.db,
    member.networkId,
    { ids: [row.id] },
    await networkToday(deps, member.networkId),
  );
  if (!view) throw new Error('list request vanished');
  return view;
}
