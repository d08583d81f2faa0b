/**
 * `DirectoryService`: one service of a partner at one site, stated as data a navigator can trust.
 *
 * Unknown is never the same as "no" or "yes": optional fields that are absent mean *not stated*, and
 * matching shows them as warnings ("could not confirm …") instead of guessing either way.
 */
import type {
  AccessibilityFeature,
  AcknowledgementUnit,
  CapacityStatus,
  Gender,
  HarmReductionStance,
  IntakePrerequisite,
  Medication,
  ServiceKind,
  UninsuredTerms,
  Weekday,
} from './vocabulary.ts';

/**
 * What a service does with one medication. `start`: can begin it (induction, first injection).
 * `continue`: can keep prescribing or dosing it for a person already on it. `acceptsCurrent`: accepts
 * people who currently take it at all, as clients or residents — the field recovery houses and some
 * residential programs get wrong. `continue` does not imply `acceptsCurrent`; each is checked on its own.
 */
export interface MedicationPolicy {
  start: boolean;
  continue: boolean;
  acceptsCurrent: boolean;
}

export interface ServicePolicies {
  harmReduction: HarmReductionStance;
  prerequisites: readonly IntakePrerequisite[];
  /** Intake hours accept walk-ins (overridden by the `appointment_only` prerequisite). */
  walkIn: boolean;
  sameDayIntake: boolean;
  nextDayIntake: boolean;
  telehealth: boolean;
}

/**
 * Which plans of one insurance kind a service accepts: `'all'`, or only the named plans (e.g. Medicaid
 * managed-care plans). Names compare case-insensitively with whitespace collapsed.
 */
export type PlanAcceptance = 'all' | readonly string[];

/** Insurance a service accepts. A kind that is absent is not accepted. */
export interface InsuranceAcceptance {
  medicaid?: PlanAcceptance;
  medicare?: PlanAcceptance;
  commercial?: PlanAcceptance;
  uninsured?: UninsuredTerms;
}

export interface ServiceEligibility {
  /** Inclusive, in whole years. Absent: no bound. */
  minAge?: number;
  maxAge?: number;
  genders: 'any' | readonly Gender[];
  /** Absent: not stated (a warning when the patient's insurance is known), not "accepts nothing". */
  insurance?: InsuranceAcceptance;
  /** BCP 47 language tags the service is delivered in (e.g. `en`, `es`). Empty: not stated. */
  languages: readonly string[];
  accessibility: readonly AccessibilityFeature[];
}

/** Where the service is and whom it serves. A person is in the area if inside the radius or in a listed ZIP. */
export interface ServiceLocation {
  lat: number;
  lon: number;
  serviceArea?: { radiusKm?: number; zips?: readonly string[] };
}

/**
 * Intake hours per weekday, local time of the service's time zone: ranges `HH:MM-HH:MM`, end after
 * start, `24:00` allowed as an end. A range cannot cross midnight: split it over two days. A missing
 * weekday is closed. See `hours.ts`.
 */
export type WeeklyHours = Partial<Record<Weekday, readonly string[]>>;

/** The time within which the partner promises to acknowledge a referral, e.g. 2 business hours. */
export interface AcknowledgementPromise {
  amount: number;
  unit: AcknowledgementUnit;
}

/** The last capacity report, owned by the partner. */
export interface CapacityReport {
  status: CapacityStatus;
  updatedAt: Date;
  /** Who reported it (a user or membership id, or a system client); never a name. */
  updatedBy: string;
  /** For `waitlist`: the partner's estimate of the wait, in days. */
  expectedWaitDays?: number;
}

export interface DirectoryService {
  id: string;
  organizationId: string;
  siteId: string;
  name: string;
  kind: ServiceKind;
  medications: Readonly<Record<Medication, MedicationPolicy>>;
  policies: ServicePolicies;
  eligibility: ServiceEligibility;
  /** Absent for services without a place (e.g. telehealth only). */
  location?: ServiceLocation;
  /** IANA time zone of the site, e.g. `America/New_York`. */
  timezone: string;
  /** Absent: intake hours not published (unknown), unlike `{}`, which means never open. */
  intakeHours?: WeeklyHours;
  /** Local dates `YYYY-MM-DD` on which intake is closed all day. */
  holidays: readonly string[];
  acknowledgement?: AcknowledgementPromise;
  /** Absent: never reported (shown as unknown). */
  capacity?: CapacityReport;
}
