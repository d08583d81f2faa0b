/**
 * The words of transitions and referrals (`product.md` "What a transition looks like"): encounter types, how
 * OUD was identified, discharge dispositions, MOUD formulations and bridge supplies, referral statuses and the
 * reason codes a decline or a cancellation carries. Stored as these codes; the UI translates them.
 */
import type { Medication } from '../directory/vocabulary.ts';

export const ENCOUNTER_TYPES = ['ed', 'inpatient', 'observation'] as const;
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

export const OUD_IDENTIFIED_BY = [
  'clinician',
  'screening',
  'adt_diagnosis',
  'overdose',
  'self_report',
] as const;
export type OudIdentifiedBy = (typeof OUD_IDENTIFIED_BY)[number];

/** Where the patient went. `ama` = left against medical advice (patient-directed discharge). */
export const DISPOSITIONS = [
  'home',
  'ama',
  'shelter',
  'street',
  'post_acute',
  'residential_treatment',
  'correctional',
  'transferred',
  'died',
  'other',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** open: being handed off · linked: a referral's first visit was attended · closed: ended without a link. */
export const TRANSITION_STATUSES = ['open', 'linked', 'closed'] as const;
export type TransitionStatus = (typeof TRANSITION_STATUSES)[number];

export { MEDICATIONS, type Medication } from '../directory/vocabulary.ts';

export const FORMULATIONS = [
  'sublingual_film',
  'sublingual_tablet',
  'buccal_film',
  'oral_liquid',
  'oral_tablet',
  'er_injection_weekly',
  'er_injection_monthly',
] as const;
export type Formulation = (typeof FORMULATIONS)[number];

/** Which formulations exist for which medication (a methadone film is a typo, not a plan). */
export const FORMULATIONS_OF: Readonly<Record<Medication, readonly Formulation[]>> = {
  buprenorphine: [
    'sublingual_film',
    'sublingual_tablet',
    'buccal_film',
    'er_injection_weekly',
    'er_injection_monthly',
  ],
  methadone: ['oral_liquid', 'oral_tablet'],
  naltrexone_xr: ['er_injection_monthly'],
};

/**
 * The medication the patient leaves with: a bridge prescription (days supply), methadone doses dispensed
 * under the DEA 72-hour rule (at most 3), an extended-release injection given in hospital, or nothing.
 */
export const BRIDGE_KINDS = ['prescription', 'methadone_72h', 'injection', 'none'] as const;
export type BridgeKind = (typeof BRIDGE_KINDS)[number];

export const MAX_BRIDGE_DAYS = 30;
export const MAX_METHADONE_DOSES = 3;

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'scheduled',
  'attended',
  'no_show',
  'engaged',
  'cancelled',
  'failed',
  'entered_in_error',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const URGENCIES = ['routine', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'insurance_not_accepted',
  'medication_not_offered',
  'outside_service_area',
  'patient_declined',
  'unable_to_contact',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const CANCEL_REASONS = [
  'patient_declined',
  'referred_elsewhere',
  'patient_readmitted',
  'patient_moved',
  'patient_died',
  'duplicate',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Why a referral failed after acceptance (the patient never engaged). */
export const FAILURE_REASONS = [
  'unable_to_contact',
  'patient_declined',
  'repeated_no_show',
  'other',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Attachments to messages: PDFs and images only, at most 5 MB each (type checked by content, not name). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Needs the partner should know about (packet "care needs"). */
export const CARE_NEEDS = [
  'housing',
  'transportation',
  'phone',
  'food',
  'insurance_enrollment',
  'mental_health',
  'childcare',
  'identification',
  'legal',
  'wound_care',
] as const;
export type CareNeed = (typeof CARE_NEEDS)[number];
