/**
 * A patient's need, as a navigator states it for matching, and the plain-English labels messages use.
 *
 * Every field is optional: what is not stated is not checked against the service (and, where a service
 * restricts on it, shows as a "could not confirm" warning instead of a fit).
 */
import type { ResolvedLocation } from './geo.ts';
import type {
  AccessibilityFeature,
  Gender,
  InsuranceKind,
  IntakePrerequisite,
  Medication,
  MedicationPhase,
  OtherNeed,
  ServiceKind,
} from './vocabulary.ts';

/** One coverage the patient has. `plan` names a plan (e.g. a Medicaid managed-care plan) when known. */
export interface Coverage {
  kind: InsuranceKind;
  plan?: string;
}

/** When intake should happen, e.g. from the expected discharge to 72 hours after it. `from` is the discharge. */
export interface IntakeWindow {
  from: Date;
  to: Date;
}

export interface MatchNeed {
  /**
   * The MOUD the patient is on or will start, and what the next provider must do with it. A patient on
   * (or starting) a medication is "currently taking it" for every service, whatever the phase.
   */
  medication?: { name: Medication; phase: MedicationPhase };
  /** All coverage the patient has (e.g. Medicare and Medicaid). Absent or empty: not stated. */
  insurance?: readonly Coverage[];
  /** Resolved home location (see `resolveLocation`). */
  home?: Pick<ResolvedLocation, 'lat' | 'lon' | 'zip'>;
  /** Preferred language, a BCP 47 tag (e.g. `es`, `es-MX`). */
  language?: string;
  /** Age in whole years. */
  age?: number;
  gender?: Gender;
  otherNeeds?: readonly OtherNeed[];
  /** Features the patient requires (e.g. `wheelchair_accessible`). */
  accessibility?: readonly AccessibilityFeature[];
  /**
   * What the navigator knows about prerequisites: `true` the patient meets it (e.g. has a photo ID, has a
   * negative drug screen), `false` the patient does not, absent unknown. `insurance` is derived from
   * `insurance` when that is stated.
   */
  prerequisites?: Partial<Record<IntakePrerequisite, boolean>>;
  intakeWindow?: IntakeWindow;
}

export const MEDICATION_LABELS: Readonly<Record<Medication, string>> = {
  buprenorphine: 'buprenorphine',
  methadone: 'methadone',
  naltrexone_xr: 'extended-release naltrexone',
};

export const OTHER_NEED_LABELS: Readonly<Record<OtherNeed, string>> = {
  housing: 'recovery housing',
  peer_support: 'peer support',
  harm_reduction: 'harm reduction services',
  mental_health: 'mental health care',
  primary_care: 'primary care',
  residential_treatment: 'residential treatment',
  withdrawal_management: 'withdrawal management',
  social_services: 'social services',
};

export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, string>> = {
  otp: 'opioid treatment program (OTP)',
  obot: 'office-based opioid treatment (OBOT)',
  bridge_clinic: 'bridge clinic',
  fqhc: 'federally qualified health center',
  peer_support: 'peer support',
  harm_reduction: 'harm reduction program',
  recovery_housing: 'recovery housing',
  residential: 'residential treatment',
  withdrawal_management: 'withdrawal management',
  behavioral_health: 'behavioral health',
  social_services: 'social services',
};

export const INSURANCE_LABELS: Readonly<Record<InsuranceKind, string>> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  commercial: 'commercial insurance',
  uninsured: 'no insurance',
};
