/**
 * The directory vocabulary: service kinds, MOUD medications, intake prerequisites, harm-reduction stance,
 * insurance, eligibility flags, patient needs and capacity statuses. Codes are stable (stored in the
 * database, used by the API and mapped to HSDS and FHIR); labels live in the UI's i18n files.
 *
 * Capacity statuses are the SDOH Clinical Care capacity codes (`standards.md` §1.4,
 * `SDOHCC-ExtensionHealthcareServiceCapacityStatus`) under our own names, mapped one to one.
 */

/** What a service is. One service has one kind; an organization with several kinds lists several services. */
export const SERVICE_KINDS = [
  'otp',
  'obot',
  'bridge_clinic',
  'fqhc',
  'peer_support',
  'harm_reduction',
  'recovery_housing',
  'residential',
  'withdrawal_management',
  'behavioral_health',
  'social_services',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Medications for opioid use disorder. `naltrexone_xr` is extended-release injectable naltrexone. */
export const MEDICATIONS = ['buprenorphine', 'methadone', 'naltrexone_xr'] as const;
export type Medication = (typeof MEDICATIONS)[number];

/** Whether the patient needs the medication started (induction, first dose) or continued. */
export const MEDICATION_PHASES = ['start', 'continue'] as const;
export type MedicationPhase = (typeof MEDICATION_PHASES)[number];

/**
 * Only an opioid treatment program may dispense methadone for opioid use disorder (federal rule; the
 * hospital's 72-hour exception is not a community service). Matching treats a non-OTP that claims to
 * start or continue methadone as not offering it.
 */
export const METHADONE_SERVICE_KIND: ServiceKind = 'otp';

/** What a service asks of a person before intake. */
export const INTAKE_PREREQUISITES = [
  'photo_id',
  'insurance',
  'negative_drug_screen',
  'abstinence',
  'provider_referral',
  'appointment_only',
] as const;
export type IntakePrerequisite = (typeof INTAKE_PREREQUISITES)[number];

/**
 * A service's stance on harm reduction. `supportive`: practices it (naloxone on site, no discharge for a
 * return to use). `neutral`: neither. `abstinence_only`: expects abstinence and may discharge on return to
 * use. `unstated`: the partner has not said (imported data); never read as supportive.
 */
export const HARM_REDUCTION_STANCES = ['supportive', 'neutral', 'abstinence_only', 'unstated'] as const;
export type HarmReductionStance = (typeof HARM_REDUCTION_STANCES)[number];

/** How a person pays. `uninsured` covers self-pay; a service states how it serves uninsured people. */
export const INSURANCE_KINDS = ['medicaid', 'medicare', 'commercial', 'uninsured'] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];

/** How a service serves uninsured people: at no cost, on a sliding fee scale, or at its full fee. */
export const UNINSURED_TERMS = ['free', 'sliding_scale', 'full_fee'] as const;
export type UninsuredTerms = (typeof UNINSURED_TERMS)[number];

/**
 * Gender identity as the person states it. A service lists the genders it serves (e.g. a women's
 * recovery house lists `female`, which includes transgender women).
 */
export const GENDERS = ['female', 'male', 'nonbinary', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** Accessibility and language-access features of a service. */
export const ACCESSIBILITY_FEATURES = [
  'wheelchair_accessible',
  'interpreter_available',
  'sign_language',
  'near_public_transit',
  'service_animals_welcome',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/** Needs besides medication a navigator can ask for, each mapped to the service kinds that meet it. */
export const OTHER_NEEDS = [
  'housing',
  'peer_support',
  'harm_reduction',
  'mental_health',
  'primary_care',
  'residential_treatment',
  'withdrawal_management',
  'social_services',
] as const;
export type OtherNeed = (typeof OTHER_NEEDS)[number];

export const OTHER_NEED_SERVICE_KINDS: Readonly<Record<OtherNeed, readonly ServiceKind[]>> = {
  housing: ['recovery_housing'],
  peer_support: ['peer_support'],
  harm_reduction: ['harm_reduction'],
  mental_health: ['behavioral_health', 'fqhc'],
  primary_care: ['fqhc'],
  residential_treatment: ['residential'],
  withdrawal_management: ['withdrawal_management'],
  social_services: ['social_services'],
};

/** Capacity as the partner reports it. */
export const CAPACITY_STATUSES = ['accepting', 'waitlist', 'not_accepting', 'assessment_required'] as const;
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];

/** What matching shows: the reported status while it is fresh, `unknown` once it is stale or missing. */
export type EffectiveCapacityStatus = CapacityStatus | 'unknown';

/** The SDOH Clinical Care capacity codes (value set `SDOHCC-ValueSetCapacityStatus`). */
export const SDOHCC_CAPACITY_CODES = [
  'capacity',
  'waitlist',
  'no-capacity',
  'additional-assessment-required',
] as const;
export type SdohccCapacityCode = (typeof SDOHCC_CAPACITY_CODES)[number];

/** The code system of the SDOH Clinical Care temporary codes, which holds the capacity codes. */
export const SDOHCC_TEMPORARY_CODES_SYSTEM =
  'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

/** Our capacity status → the SDOH Clinical Care code. One to one. */
export const CAPACITY_STATUS_TO_SDOHCC: Readonly<Record<CapacityStatus, SdohccCapacityCode>> = {
  accepting: 'capacity',
  waitlist: 'waitlist',
  not_accepting: 'no-capacity',
  assessment_required: 'additional-assessment-required',
};

/** The SDOH Clinical Care code → our capacity status. The exact inverse of `CAPACITY_STATUS_TO_SDOHCC`. */
export const SDOHCC_TO_CAPACITY_STATUS: Readonly<Record<SdohccCapacityCode, CapacityStatus>> = {
  capacity: 'accepting',
  waitlist: 'waitlist',
  'no-capacity': 'not_accepting',
  'additional-assessment-required': 'assessment_required',
};

/**
 * Reads an SDOH Clinical Care capacity code. Anything else (including `no-capacity-has-waitlist`, which
 * appears in older drafts of the code system) is `undefined`, so off-spec data surfaces as unknown
 * capacity instead of being guessed.
 */
export function capacityStatusFromSdohcc(code: string): CapacityStatus | undefined {
  return (SDOHCC_CAPACITY_CODES as readonly string[]).includes(code)
    ? SDOHCC_TO_CAPACITY_STATUS[code as SdohccCapacityCode]
    : undefined;
}

/** Weekday keys of opening hours, Monday first. Index = ISO weekday − 1. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Units of a partner's acknowledgement promise (e.g. 2 `business_hours`). */
export const ACKNOWLEDGEMENT_UNITS = ['minutes', 'hours', 'business_hours', 'business_days'] as const;
export type AcknowledgementUnit = (typeof ACKNOWLEDGEMENT_UNITS)[number];
