/** Builds `RestrictionView`s (§2.26 requests) with the organization restricted and who decided or ended them. */
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organizations, restrictions, users } from '../../db/schema/index.ts';
import type { RestrictionView } from '../../domain/consent/views.ts';
import type { ConsentPurpose, RestrictionTerminationBasis } from '../../domain/consent/vocabulary.ts';
import type { Deps } from '../context.ts';

const terminator = alias(users, 'terminator');

export async function restrictionViews(
  deps: Deps,
  networkId: string,
  patientId: string,
): Promise<RestrictionView[]> {
  const rows = await deps.db
    .select({
      r: restrictions,
      orgName: organizations.name,
      decidedByName: users.displayName,
      terminatedByName: terminator.displayName,
    })
    .from(restrictions)
    .innerJoin(users, eq(users.id, restrictions.decidedBy))
    .leftJoin(terminator, eq(terminator.id, restrictions.terminatedBy))
    .leftJoin(
      organizations,
      and(
        eq(organizations.networkId, restrictions.networkId),
        eq(organizations.id, restrictions.organizationId),
      ),
    )
    .where(and(eq(restrictions.networkId, networkId), eq(restrictions.patientId, patientId)))
    .orderBy(desc(restrictions.decidedAt));
  return rows.map(({ r, orgName, decidedByName, terminatedByName }) => ({
    id: r.id,
    patientId: r.patientId,
    description: r.description,
    organizationId: r.organizationId,
    organizationName: orgName,
    purposes: r.purposes as ConsentPurpose[],
    receivedOn: r.receivedOn,
    decision: r.decision as 'agreed' | 'declined',
    paidInFull: r.paidInFull,
    itemOrService: r.itemOrService,
    paidBy: r.paidBy,
    decidedByName,
    decidedAt: r.decidedAt.toISOString(),
    terminatedAt: r.terminatedAt?.toISOString() ?? null,
    terminationBasis: r.terminationBasis as RestrictionTerminationBasis | null,
    terminationNote: r.terminationNote,
    terminatedByName,
  }));
}
