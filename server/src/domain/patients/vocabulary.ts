/**
 * The words of a patient record: administrative sex (FHIR `AdministrativeGender`), phone uses and
 * insurance kinds. Codes are stable; labels live in the UI's i18n files.
 */
export const ADMINISTRATIVE_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type AdministrativeSex = (typeof ADMINISTRATIVE_SEXES)[number];

export const PHONE_USES = ['mobile', 'home', 'work', 'other'] as const;
export type PhoneUse = (typeof PHONE_USES)[number];

export const INSURANCE_KINDS = [
  'medicaid',
  'medicare',
  'commercial',
  'uninsured',
  'other',
  'unknown',
] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];
