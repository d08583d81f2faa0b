/**
 * Builds `DisclosureListRequestView`s (§2.24 written requests) with names and the overdue flag: open ones
 * first, earliest due first; at most 500 (a written-down limit, no paging yet).
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { disclosureListRequests, patients, users } from '../../db/schema/index.ts';
import { listRequestOverdue } from '../../domain/consent/list-request.ts';
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';

const fulfiller = alias(users, 'fulfiller');

export async function listRequestViews(
  db: Queryable,
  networkId: string,
  where: { holderOrgId: string; open: boolean } | { ids: string[] } | { patientId: string },
  today: string,
): Promise<DisclosureListRequestView[]> {
  const filter: SQL[] = [eq(disclosureListRequests.networkId, networkId)];
  if ('ids' in where) filter.push(inArray(disclosureListRequests.id, where.ids));
  else if ('patientId' in where) filter.push(eq(disclosureListRequests.patientId, where.patientId));
  else {
    filter.push(eq(disclosureListRequests.holderOrgId, where.holderOrgId));
    if (where.open) filter.push(isNull(disclosureListRequests.fulfilledAt));
  }
  const rows = await db
    .select({
      r: disclosureListRequests,
      given: patients.givenName,
      family: patients.familyName,
      recordedByName: users.displayName,
      fulfilledByName: fulfiller.displayName,
    })
    .from(disclosureListRequests)
    .innerJoin(
      patients,
      and(
        eq(patients.networkId, disclosureListRequests.networkId),
        eq(patients.id, disclosureListRequests.patientId),
      ),
    )
    .innerJoin(users, eq(users.id, disclosureListRequests.recordedBy))
    .leftJoin(fulfiller, eq(fulfiller.id, disclosureListRequests.fulfilledBy))
    .where(and(...filter))
    // Open ones first, earliest due first; then a stable order.
    .orderBy(
      sql`${disclosureListRequests.fulfilledAt} is not null`,
      asc(disclosureListRequests.dueOn),
      asc(disclosureListRequests.id),
    )
    .limit(500);
  return rows.map(({ r, given, family, recordedByName, fulfilledByName }) => ({
    id: r.id,
    patientId: r.patientId,
    patientName: `${given} ${family}`,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    overdue: listRequestOverdue(r.dueOn, today, r.fulfilledAt !== null),
    note: r.note,
    recordedByName,
    recordedAt: r.recordedAt.toISOString(),
    fulfilledAt: r.fulfilledAt?.toISOString() ?? null,
    fulfilledByName,
  }));
}
