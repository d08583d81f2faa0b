/**
 * Builds the `PatientView` the API returns, with the holding organization's name and MRN and the record's
 * security labels: `R` + `SUD` + `OPIOIDUD` on every record (OUD program data), plus `42CFRPart2` when the
 * holder is, or may be, a Part 2 program (P1, P2). Recipients also get `NORDSCLCD` (P13).
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organizations, patientIdentifiers } from '../../db/schema/index.ts';
import type { DisclosureNotice } from '../../domain/consent/views.ts';
import type { AccessBasis, PatientView } from '../../domain/patients/views.ts';
import type { AdministrativeSex } from '../../domain/patients/vocabulary.ts';
import type { PatientRow } from '../consent/load-access-facts.ts';

export function securityLabels(part2: boolean, disclosed: boolean): string[] {
  return ['R', 'SUD', 'OPIOIDUD', ...(part2 ? ['42CFRPart2'] : []), ...(disclosed ? ['NORDSCLCD'] : [])];
}

export async function patientView(
  db: Queryable,
  row: PatientRow,
  access: AccessBasis,
  notice: DisclosureNotice | null,
): Promise<PatientView> {
  const [holder] = await db
    .select({ name: organizations.name, mrn: patientIdentifiers.value })
    .from(organizations)
    .leftJoin(
      patientIdentifiers,
      and(
        eq(patientIdentifiers.networkId, organizations.networkId),
        eq(patientIdentifiers.organizationId, organizations.id),
        eq(patientIdentifiers.patientId, row.id),
      ),
    )
    .where(and(eq(organizations.networkId, row.networkId), eq(organizations.id, row.holderOrgId)));
  return {
    id: row.id,
    holderOrganizationId: row.holderOrgId,
    holderOrganizationName: holder?.name ?? '',
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: row.birthDate,
    sex: row.sex as AdministrativeSex,
    genderIdentity: row.genderIdentity,
    mrn: holder?.mrn ?? null,
    phones: row.phones,
    address: row.address ?? null,
    unhoused: row.unhoused,
    preferredLanguage: row.preferredLanguage,
    insurance: row.insurance ?? null,
    part2: row.part2,
    securityLabels: securityLabels(row.part2, access !== 'holder'),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    access,
    disclosure: notice,
  };
}
