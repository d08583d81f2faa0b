/**
 * Match reasons: why a service fits, what rules it out (hard conflicts), and what to watch (soft
 * warnings). Each reason has a stable `code` (the UI translates codes), a plain-English `message`, and
 * `params` with the values the message names, for translation.
 *
 * The points here are the whole scoring: score = Σ fit points − Σ warning points − Σ conflict points.
 * Every conflict costs `CONFLICT_POINTS`, so with `includeConflicts` any service with a conflict ranks
 * below every service without one.
 */

export interface Reason<C extends string = ReasonCode> {
  code: C;
  message: string;
  params?: Readonly<Record<string, string | number>>;
}

/** Points each fit adds. */
export const FIT_POINTS = {
  offers_medication: 40,
  offers_need: 30,
  accepts_current_medication: 10,
  capacity_accepting: 15,
  opens_in_window: 10,
  walk_in: 8,
  same_day_intake: 8,
  next_day_intake: 4,
  telehealth: 2,
  insurance_accepted: 6,
  uninsured_low_cost: 6,
  language_offered: 4,
  in_service_area: 4,
  harm_reduction_supportive: 3,
} as const;

/** Points each warning takes away. */
export const WARNING_POINTS = {
  capacity_unknown: 10,
  waitlist: 12,
  assessment_required: 5,
  far_away: 10,
  outside_service_area: 8,
  service_area_unconfirmed: 2,
  location_unknown: 5,
  hours_unknown: 8,
  closed_on_discharge_date: 3,
  requires_photo_id: 4,
  requires_insurance: 4,
  requires_provider_referral: 2,
  appointment_only: 2,
  abstinence_only_stance: 4,
  insurance_unconfirmed: 3,
  insurance_plan_unconfirmed: 3,
  uninsured_full_fee: 8,
  language_unconfirmed: 2,
  language_via_interpreter: 4,
  age_unconfirmed: 2,
  gender_unconfirmed: 2,
} as const;

/** Points each hard conflict takes away: more than any service can gain. */
export const CONFLICT_POINTS = 1000;

export const CONFLICT_CODES = [
  'need_not_offered',
  'medication_not_offered',
  'medication_not_accepted',
  'requires_negative_drug_screen',
  'requires_abstinence',
  'requires_photo_id',
  'requires_insurance',
  'not_accepting',
  'closed_during_window',
  'insurance_not_accepted',
  'age_not_eligible',
  'gender_not_eligible',
  'language_not_offered',
  'accessibility_not_met',
] as const;

export type FitCode = keyof typeof FIT_POINTS;
export type WarningCode = keyof typeof WARNING_POINTS;
export type ConflictCode = (typeof CONFLICT_CODES)[number];
/** Some codes are both a conflict and a warning (e.g. `requires_photo_id`: known lack vs unknown). */
export type ReasonCode = FitCode | WarningCode | ConflictCode;

export const FIT_CODES = Object.keys(FIT_POINTS) as FitCode[];
export const WARNING_CODES = Object.keys(WARNING_POINTS) as WarningCode[];

/** The three lists a service's evaluation fills. */
export interface Findings {
  fits: Reason<FitCode>[];
  conflicts: Reason<ConflictCode>[];
  warnings: Reason<WarningCode>[];
}

type Params = Readonly<Record<string, string | number>>;

function make<C extends ReasonCode>(code: C, message: string, params: Params | undefined): Reason<C> {
  return params ? { code, message, params } : { code, message };
}

export const fit = (findings: Findings, code: FitCode, message: string, params?: Params): void => {
  findings.fits.push(make(code, message, params));
};

export const warn = (findings: Findings, code: WarningCode, message: string, params?: Params): void => {
  findings.warnings.push(make(code, message, params));
};

export const conflict = (findings: Findings, code: ConflictCode, message: string, params?: Params): void => {
  findings.conflicts.push(make(code, message, params));
};

/** Score of a set of findings (see the module comment). */
export function scoreOf(findings: Findings): number {
  let score = 0;
  for (const reason of findings.fits) score += FIT_POINTS[reason.code];
  for (const reason of findings.warnings) score -= WARNING_POINTS[reason.code];
  return score - findings.conflicts.length * CONFLICT_POINTS;
}
