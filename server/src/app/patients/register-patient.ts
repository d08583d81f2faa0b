/**
 * Registers a patient in the active organization, which becomes the holder of the record. Same-name,
 * same-birth-date patients of the SAME organization are shown as possible duplicates (409 with the
 * candidates) unless the user confirms; other organizations' patients are never consulted (P21). The
 * record is labelled 42 CFR Part 2 when the organization is, or may be, a Part 2 program (P1).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { organizations, patientIdentifiers, patients } from '../../db/schema/index.ts';
import { nameKey } from '../../domain/patients/name-key.ts';
import type { PatientView } from '../../domain/patients/views.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { patientView } from './patient-view.ts';
import type { RegisterPatientInput } from './schemas.ts';

export async function registerPatient(
  deps: Deps,
  actor: Actor,
  input: RegisterPatientInput,
): Promise<PatientView> {
  const member = requireMember(actor);
  await authorize(deps, member, 'patient.register', {
    what: 'Patient',
    organizationId: member.organizationId,
  });
  const now = deps.clock.now();
  if (input.birthDate > now.toISOString().slice(0, 10) || input.birthDate < '1900-01-01')
    throw invalid('birthDate', 'must be a date between 1900-01-01 and today');
  if (input.unhoused && input.address)
    throw invalid('address', 'leave the address empty for a patient without housing');
  const key = nameKey(input.givenName, input.familyName);
  const inOrg = and(
    eq(patients.networkId, member.networkId),
    eq(patients.holderOrgId, member.organizationId),
  );
  if (!input.confirmNotDuplicate) {
    const same = await deps.db
      .select({
        id: patients.id,
        givenName: patients.givenName,
        familyName: patients.familyName,
        birthDate: patients.birthDate,
        mrn: patientIdentifiers.value,
      })
      .from(patients)
      .leftJoin(
        patientIdentifiers,
        and(
          eq(patientIdentifiers.networkId, patients.networkId),
          eq(patientIdentifiers.patientId, patients.id),
          eq(patientIdentifiers.organizationId, member.organizationId),
        ),
      )
      .where(and(inOrg, eq(patients.nameKey, key), eq(patients.birthDate, input.birthDate)))
      .limit(10);
    if (same.length > 0) {
      throw new AppError(
        'conflict',
        'Your organization already has a patient with this name and date of birth. Open that record, or register anyway if this is a different person.',
        { type: 'possible_duplicate', extra: { duplicates: same } },
      );
    }
  }
  const [org] = await deps.db
    .select({ part2: organizations.part2Program })
    .from(organizations)
    .where(and(eq(organizations.networkId, member.networkId), eq(organizations.id, member.organizationId)));
  const id = randomUUID();
  const row = {
    networkId: member.networkId,
    id,
    holderOrgId: member.organizationId,
    givenName: input.givenName,
    familyName: input.familyName,
    nameKey: key,
    birthDate: input.birthDate,
    sex: input.sex,
    genderIdentity: input.genderIdentity ?? null,
    phones: input.phones,
    address: input.address ?? null,
    unhoused: input.unhoused,
    preferredLanguage: input.preferredLanguage,
    insurance: input.insurance
      ? {
          kind: input.insurance.kind,
          payerName: input.insurance.payerName ?? null,
          memberId: input.insurance.memberId ?? null,
        }
      : null,
    // Unknown status is treated as Part 2 (P1): only a confirmed "not Part 2" organization drops the label.
    part2: org?.part2 ?? true,
    createdBy: member.userId,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(patients).values(row);
      if (input.mrn) {
        await tx.insert(patientIdentifiers).values({
          networkId: member.networkId,
          patientId: id,
          organizationId: member.organizationId,
          value: input.mrn,
          createdAt: now,
        });
      }
      await appendAuditEvent(tx, member, now, {
        action: 'patient.register',
        entityType: 'patient',
        entityId: id,
        patientId: id,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'This MRN is already used for another patient of your organization', {
        type: 'mrn_taken',
      });
    throw error;
  }
  return patientView(deps.db, { ...row, version: 1 }, 'holder', null);
}
