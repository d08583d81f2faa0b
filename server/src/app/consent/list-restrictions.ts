/** The restriction requests (§2.26) of a patient, for the holding organization. */
import { and, desc, eq } from 'drizzle-orm';
import { organizations, restrictions, users } from '../../db/schema/index.ts';
import type { RestrictionView } from '../../domain/consent/views.ts';
import type { ConsentPurpose } from '../../domain/consent/vocabulary.ts';
import type { Actor, Deps } from '../context.ts';
import { openPatient } from './open-patient.ts';

export async function listRestrictions(
  deps: Deps,
  actor: Actor,
  patientId: string,
): Promise<{ items: RestrictionView[] }> {
  const { member, patient } = await openPatient(deps, actor, patientId, {
    action: 'restriction.manage',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Restriction list',
    holderOnly: true,
  });
  return { items: await restrictionViews(deps, member.networkId, patient.id) };
}

export async function restrictionViews(
  deps: Deps,
  networkId: string,
  patientId: string,
): Promise<RestrictionView[]> {
  const rows = await deps.db
    .select({ r: restrictions, orgName: organizations.name, decidedByName: users.displayName })
    .from(restrictions)
    .innerJoin(users, eq(users.id, restrictions.decidedBy))
    .leftJoin(
      organizations,
      and(
        eq(organizations.networkId, restrictions.networkId),
        eq(organizations.id, restrictions.organizationId),
      ),
    )
    .where(and(eq(restrictions.networkId, networkId), eq(restrictions.patientId, patientId)))
    .orderBy(desc(restrictions.decidedAt));
  return rows.map(({ r, orgName, decidedByName }) => ({
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
  }));
}
