/**
 * Probe records inserted straight into the database (no API, no audit): a patient held by an organization
 * and a complete stored consent naming one recipient organization, and an open transition. Shared by the
 * patient, transition and follow-up probes.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  consentRecipients,
  consents,
  memberships,
  patients,
  transitions,
} from '../../../src/db/schema/index.ts';
import type { DataCategory } from '../../../src/domain/consent/vocabulary.ts';
import type { MatrixContext } from './types.ts';

export async function insertProbePatient(
  ctx: MatrixContext,
  networkId: string,
  holderOrgId: string,
): Promise<string> {
  const t = ctx.app();
  const now = t.clock.now();
  const [member] = await t.deps.db
    .select()
    .from(memberships)
    .where(eq(memberships.organizationId, holderOrgId))
    .limit(1);
  const id = randomUUID();
  await t.deps.db.insert(patients).values({
    networkId,
    id,
    holderOrgId,
    givenName: 'Probe',
    familyName: ctx.unique(),
    nameKey: 'probe',
    birthDate: '1990-01-01',
    sex: 'unknown',
    phones: [],
    preferredLanguage: 'en',
    part2: true,
    createdBy: member?.userId ?? randomUUID(),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** A stored, complete consent of the patient naming `recipientOrgId` for treatment. */
export async function insertProbeConsent(
  ctx: MatrixContext,
  networkId: string,
  patientId: string,
  recipientOrgId: string,
  categories: DataCategory[] = ['demographics'],
): Promise<string> {
  const t = ctx.app();
  const [holder] = await t.deps.db.select().from(patients).where(eq(patients.id, patientId));
  const id = randomUUID();
  await t.deps.db.insert(consents).values({
    networkId,
    id,
    patientId,
    holderOrgId: holder?.holderOrgId ?? '',
    type: 'tpo',
    information: 'probe',
    categories,
    purposes: ['TREAT'],
    purposeDescription: 'treatment',
    revocationHow: 'in writing',
    expiryEvent: 'end of treatment',
    signatureMethod: 'typed',
    signerName: 'Probe',
    signerCapacity: 'patient',
    signedOn: '2026-11-23',
    redisclosureStatement: true,
    refusalConsequences: 'none',
    hipaaRedisclosureStatement: true,
    programFundraises: false,
    fundraisingOptOutStatement: false,
    intermediary: false,
    language: 'en',
    noticeVersion: 'probe',
    recordedBy: holder?.createdBy ?? randomUUID(),
    recordedAt: t.clock.now(),
  });
  await t.deps.db.insert(consentRecipients).values({
    networkId,
    id: randomUUID(),
    consentId: id,
    patientId,
    position: 0,
    kind: 'organization',
    organizationId: recipientOrgId,
  });
  return id;
}

/** An open transition of `holderOrgId`'s patient, admitted now. */
export async function insertProbeTransition(
  ctx: MatrixContext,
  networkId: string,
  holderOrgId: string,
  patientId: string,
): Promise<string> {
  const t = ctx.app();
  const now = t.clock.now();
  const id = randomUUID();
  await t.deps.db.insert(transitions).values({
    networkId,
    id,
    patientId,
    hospitalOrgId: holderOrgId,
    encounterType: 'ed',
    admittedAt: now,
    oudIdentifiedBy: 'clinician',
    careNeeds: [],
    status: 'open',
    createdBy: randomUUID(),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}
