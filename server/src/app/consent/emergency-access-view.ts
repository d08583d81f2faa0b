/**
 * Builds `EmergencyAccessView`s: the four §2.51(c) items, the grant's end and its review. Lists show the
 * newest 500 (a limit written down in docs/consent.md; paging comes when a program needs it).
 */
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { emergencyAccesses, organizations, patients, users } from '../../db/schema/index.ts';
import type { EmergencyAccessView } from '../../domain/consent/views.ts';

const reviewer = alias(users, 'reviewer');

export async function emergencyAccessViews(
  db: Queryable,
  networkId: string,
  where: { holderOrgId: string; open: boolean } | { ids: string[] },
): Promise<(EmergencyAccessView & { patientName: string })[]> {
  const filter: SQL[] = [eq(emergencyAccesses.networkId, networkId)];
  if ('ids' in where) filter.push(inArray(emergencyAccesses.id, where.ids));
  else {
    filter.push(eq(emergencyAccesses.holderOrgId, where.holderOrgId));
    if (where.open) filter.push(isNull(emergencyAccesses.reviewedAt));
  }
  const rows = await db
    .select({
      e: emergencyAccesses,
      by: users.displayName,
      org: organizations.name,
      reviewer: reviewer.displayName,
      given: patients.givenName,
      family: patients.familyName,
    })
    .from(emergencyAccesses)
    .innerJoin(users, eq(users.id, emergencyAccesses.userId))
    .leftJoin(reviewer, eq(reviewer.id, emergencyAccesses.reviewedBy))
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, emergencyAccesses.networkId),
        eq(organizations.id, emergencyAccesses.organizationId),
      ),
    )
    .innerJoin(
      patients,
      and(eq(patients.networkId, emergencyAccesses.networkId), eq(patients.id, emergencyAccesses.patientId)),
    )
    .where(and(...filter))
    .orderBy(desc(emergencyAccesses.at))
    .limit(500);
  return rows.map(({ e, by, org, reviewer: rev, given, family }) => ({
    id: e.id,
    patientId: e.patientId,
    patientName: `${given} ${family}`,
    recipientName: e.recipientName,
    recipientAffiliation: e.recipientAffiliation,
    disclosedByName: by,
    disclosedByOrganizationName: org,
    at: e.at.toISOString(),
    nature: e.nature,
    expiresAt: e.expiresAt.toISOString(),
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
    reviewedByName: rev,
    reviewNote: e.reviewNote,
  }));
}
