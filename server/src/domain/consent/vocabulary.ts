/**
 * The words of 42 CFR Part 2 consent as Handoff stores them (`../shared/design/part2-privacy.md`).
 * Codes are stable (database and API); labels live in the UI's i18n files. Purposes of use are
 * v3-ActReason codes so they map one to one onto FHIR `Consent.provision.purpose` and AuditEvent
 * `purposeOfEvent`.
 */

/** P7/P8: a single TPO consent, a purpose-specific consent, or a consent for SUD counseling notes alone. */
export const CONSENT_TYPES = ['tpo', 'specific', 'counseling_notes'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/**
 * What a disclosure can contain. `demographics`: identity and contact (name, date of birth, phones,
 * address, insurance, MRN). `treatment`: the SUD treatment record (medication, the handoff packet,
 * referrals). `counseling_notes`: §2.11 SUD counseling notes, released only under their own consent (P8).
 */
export const DATA_CATEGORIES = ['demographics', 'treatment', 'counseling_notes'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Purposes a consent can name (v3-ActReason). `HLEGAL` is use in proceedings: it must stand alone (§2.31(d)). */
export const CONSENT_PURPOSES = [
  'TREAT',
  'HPAYMT',
  'HOPERAT',
  'CAREMGT',
  'PATRQT',
  'HRESCH',
  'HLEGAL',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The only purposes a single TPO consent covers (P7). */
export const TPO_PURPOSES: readonly ConsentPurpose[] = ['TREAT', 'HPAYMT', 'HOPERAT'];

/** A request's purpose of use: any consent purpose, or `ETREAT` for a §2.51 medical emergency (P19). */
export const REQUEST_PURPOSES = [...CONSENT_PURPOSES, 'ETREAT'] as const;
export type RequestPurpose = (typeof REQUEST_PURPOSES)[number];

/**
 * How a consent designates a recipient (P6): a named organization; a class of persons (e.g. "my treating
 * providers, health plans…"); or a general designation through Handoff as intermediary, limited to
 * participants with a treating-provider relationship. Classes and general designations match only an
 * organization with a recorded treating relationship (the narrowest reading).
 */
export const RECIPIENT_KINDS = ['organization', 'class', 'general_designation'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const SIGNATURE_METHODS = ['drawn', 'typed', 'paper_scan'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** Who signed (element 8; §2.14 minors, §2.15 incapacity or death). */
export const SIGNER_CAPACITIES = [
  'patient',
  'minor_authorized_person',
  'incapacity_authorized_person',
  'deceased_authorized_person',
] as const;
export type SignerCapacity = (typeof SIGNER_CAPACITIES)[number];

export const CONSENT_LANGUAGES = ['en', 'es'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/**
 * The §2.31(a) elements plus the type rules, as codes the API returns in a 422 (one entry per missing or
 * wrong element) and the UI translates.
 */
export const CONSENT_ELEMENTS = [
  'patient_name',
  'discloser',
  'information',
  'recipients',
  'purpose',
  'revocation',
  'expiration',
  'signature',
  'signed_on',
  'tpo_redisclosure_statement',
  'tpo_refusal_consequences',
  'hipaa_redisclosure_statement',
  'fundraising_statement',
  'type_rules',
] as const;
export type ConsentElement = (typeof CONSENT_ELEMENTS)[number];

/** How a written revocation request reached the program (P10: revocation is in writing). */
export const WRITTEN_REQUEST_METHODS = ['signed_form', 'e_signature', 'letter', 'secure_message'] as const;
export type WrittenRequestMethod = (typeof WRITTEN_REQUEST_METHODS)[number];

/** Content types of a drawn signature or a scanned signed form, and the largest one before base64. */
export const SIGNATURE_FILE_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export const MAX_SIGNATURE_BYTES = 600_000;

/** Restriction requests (§2.26, P17). */
export const RESTRICTION_DECISIONS = ['agreed', 'declined'] as const;
export type RestrictionDecision = (typeof RESTRICTION_DECISIONS)[number];

/**
 * How an agreed restriction ends (§2.26(b)): the patient's written request or agreement, or the patient's
 * oral agreement, documented. A termination by the program's notice alone is not offered: it would cover
 * only records created after the notice, and Handoff does not split a patient's record by date (stricter).
 */
export const RESTRICTION_TERMINATION_BASES = ['patient_written', 'patient_oral_documented'] as const;
export type RestrictionTerminationBasis = (typeof RESTRICTION_TERMINATION_BASES)[number];

/** Why a request was denied; never shown to the denied actor (they see "not found"), only audited. */
export const DENY_REASONS = [
  'no_patient',
  'no_consent',
  'purpose_not_covered',
  'category_not_covered',
  'restricted',
  'emergency_not_for_category',
  'evaluation_error',
] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
