/**
 * Patients and consents for the transitions benchmark: rows in the shape the API would have written them
 * (a registered Part 2 patient; a TPO consent whose recipients are the organizations the patient is referred
 * to, signed before the first referral), for bulk inserts.
 */
import type { consentRecipients, consents, patients } from '../../server/src/db/schema/index.ts';
import { FIRST_NAMES, LAST_NAMES } from '../../server/src/domain/demo/names.ts';
import type { Prng } from '../../server/src/domain/demo/prng.ts';
import { nameKey } from '../../server/src/domain/patients/name-key.ts';
import { INSURANCE_KINDS } from '../../server/src/domain/patients/vocabulary.ts';

export type PatientInsert = typeof patients.$inferInsert;
export type ConsentInsert = typeof consents.$inferInsert;
export type RecipientInsert = typeof consentRecipients.$inferInsert;

const DAY_MS = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

export function patientRow(
  rng: Prng,
  networkId: string,
  holderOrgId: string,
  createdBy: string,
  createdAt: Date,
): PatientInsert {
  const given = rng.pick(FIRST_NAMES);
  const family = rng.pick(LAST_NAMES);
  return {
    networkId,
    id: rng.uuid(),
    holderOrgId,
    givenName: given,
    familyName: family,
    nameKey: nameKey(given, family),
    birthDate: isoDay(new Date(createdAt.getTime() - rng.int(18 * 365, 75 * 365) * DAY_MS)),
    sex: rng.pick(['female', 'male', 'other', 'unknown']),
    genderIdentity: null,
    phones: [
      {
        number: `216-555-${String(rng.int(0, 9999)).padStart(4, '0')}`,
        use: 'mobile',
        voicemailOk: rng.chance(0.7),
        textOk: rng.chance(0.6),
      },
    ],
    address: rng.chance(0.85)
      ? { street: `${rng.int(1, 9999)} Euclid Ave`, city: 'Cleveland', state: 'OH', postalCode: '44115' }
      : null,
    unhoused: rng.chance(0.12),
    preferredLanguage: rng.chance(0.15) ? 'es' : 'en',
    insurance: { kind: rng.pick(INSURANCE_KINDS), payerName: null, memberId: null },
    part2: true,
    version: 1,
    createdBy,
    createdAt,
    updatedAt: createdAt,
  };
}

/** A TPO consent (treatment, payment, operations; demographics and treatment) naming `organizations`. */
export function tpoConsentRows(
  rng: Prng,
  patient: PatientInsert,
  organizations: readonly string[],
  recordedBy: string,
  recordedAt: Date,
): { consent: ConsentInsert; recipients: RecipientInsert[] } {
  const id = rng.uuid();
  const consent: ConsentInsert = {
    networkId: patient.networkId,
    id,
    patientId: patient.id as string,
    holderOrgId: patient.holderOrgId,
    type: 'tpo',
    status: 'active',
    information: 'Name, date of birth, contact details, OUD treatment and medication, discharge plan',
    categories: ['demographics', 'treatment'],
    purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
    purposeDescription: 'To arrange and continue treatment after discharge',
    revocationHow: 'In writing to the hospital program at any time',
    expiresOn: null,
    expiryEvent: 'When I complete the treatment program',
    expiryEventAt: null,
    expiryEventOn: null,
    signatureMethod: rng.pick(['drawn', 'typed']),
    signerName: `${patient.givenName} ${patient.familyName}`,
    signerCapacity: 'patient',
    signerAuthority: null,
    signatureImage: null,
    signatureContentType: null,
    signedOn: isoDay(recordedAt),
    redisclosureStatement: true,
    refusalConsequences: 'Treatment does not depend on signing this consent',
    hipaaRedisclosureStatement: true,
    programFundraises: false,
    fundraisingOptOutStatement: false,
    intermediary: false,
    language: 'en',
    noticeVersion: '2024-02',
    recordedBy,
    recordedAt,
    revokedAt: null,
    suspendedAt: null,
    suspendedReason: null,
    version: 1,
  };
  const recipients = organizations.map((organizationId, position): RecipientInsert => ({
    networkId: patient.networkId,
    id: rng.uuid(),
    consentId: id,
    patientId: patient.id as string,
    position,
    kind: 'organization',
    organizationId,
    description: null,
    revokedAt: null,
  }));
  return { consent, recipients };
}
