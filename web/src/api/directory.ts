/**
 * Directory endpoints: the network's services, one service (with its ETag), capacity reports and
 * matching a patient's need. Shapes mirror `server/src/app/directory/service-record.ts` and
 * `match-services.ts`; codes mirror `server/src/domain/directory/vocabulary.ts`.
 */
import { api, request } from './client.ts';

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

export const MEDICATIONS = ['buprenorphine', 'methadone', 'naltrexone_xr'] as const;
export type Medication = (typeof MEDICATIONS)[number];

export const MEDICATION_PHASES = ['start', 'continue'] as const;
export type MedicationPhase = (typeof MEDICATION_PHASES)[number];

export const INTAKE_PREREQUISITES = [
  'photo_id',
  'insurance',
  'negative_drug_screen',
  'abstinence',
  'provider_referral',
  'appointment_only',
] as const;
export type IntakePrerequisite = (typeof INTAKE_PREREQUISITES)[number];

export const HARM_REDUCTION_STANCES = ['supportive', 'neutral', 'abstinence_only', 'unstated'] as const;
export type HarmReductionStance = (typeof HARM_REDUCTION_STANCES)[number];

export const INSURANCE_KINDS = ['medicaid', 'medicare', 'commercial', 'uninsured'] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];

export const UNINSURED_TERMS = ['free', 'sliding_scale', 'full_fee'] as const;
export type UninsuredTerms = (typeof UNINSURED_TERMS)[number];

export const GENDERS = ['female', 'male', 'nonbinary', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const ACCESSIBILITY_FEATURES = [
  'wheelchair_accessible',
  'interpreter_available',
  'sign_language',
  'near_public_transit',
  'service_animals_welcome',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

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

export const CAPACITY_STATUSES = ['accepting', 'waitlist', 'not_accepting', 'assessment_required'] as const;
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];
export type EffectiveCapacityStatus = CapacityStatus | 'unknown';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ACKNOWLEDGEMENT_UNITS = ['minutes', 'hours', 'business_hours', 'business_days'] as const;
export type AcknowledgementUnit = (typeof ACKNOWLEDGEMENT_UNITS)[number];

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Every reason code matching can return (`server/src/domain/directory/reasons.ts`). */
export const FIT_CODES = [
  'offers_medication',
  'offers_need',
  'accepts_current_medication',
  'capacity_accepting',
  'opens_in_window',
  'walk_in',
  'same_day_intake',
  'next_day_intake',
  'telehealth',
  'insurance_accepted',
  'uninsured_low_cost',
  'language_offered',
  'in_service_area',
  'harm_reduction_supportive',
] as const;
export const WARNING_CODES = [
  'capacity_unknown',
  'waitlist',
  'assessment_required',
  'far_away',
  'outside_service_area',
  'service_area_unconfirmed',
  'location_unknown',
  'hours_unknown',
  'closed_on_discharge_date',
  'requires_photo_id',
  'requires_insurance',
  'requires_provider_referral',
  'appointment_only',
  'abstinence_only_stance',
  'insurance_unconfirmed',
  'insurance_plan_unconfirmed',
  'uninsured_full_fee',
  'language_unconfirmed',
  'language_via_interpreter',
  'age_unconfirmed',
  'gender_unconfirmed',
] as const;
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
export type FitCode = (typeof FIT_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export interface MedicationPolicy {
  start: boolean;
  continue: boolean;
  acceptsCurrent: boolean;
}

export type PlanAcceptance = 'all' | string[];

export interface ServicePolicies {
  harmReduction: HarmReductionStance;
  prerequisites: IntakePrerequisite[];
  walkIn: boolean;
  sameDayIntake: boolean;
  nextDayIntake: boolean;
  telehealth: boolean;
}

export interface ServiceEligibility {
  minAge?: number;
  maxAge?: number;
  genders: 'any' | Gender[];
  insurance?: {
    medicaid?: PlanAcceptance;
    medicare?: PlanAcceptance;
    commercial?: PlanAcceptance;
    uninsured?: UninsuredTerms;
  };
  languages: string[];
  accessibility: AccessibilityFeature[];
}

export type CapacityFreshness = 'fresh' | 'stale' | 'missing' | 'future_dated';

export interface CapacityView {
  status: EffectiveCapacityStatus;
  reportedStatus?: CapacityStatus;
  ageDays?: number;
  stale: boolean;
  freshness: CapacityFreshness;
  expectedWaitDays?: number;
  updatedAt: string | null;
  /** A user id, or `import:<source>`, or `demo`; never a name. */
  updatedBy: string | null;
}

export type WeeklyHours = Partial<Record<Weekday, string[]>>;

export interface Service {
  id: string;
  organizationId: string;
  organizationName: string;
  siteId: string;
  siteName: string;
  address: { street: string | null; city: string | null; state: string | null; postalCode: string | null };
  name: string;
  description: string | null;
  kind: ServiceKind;
  status: ServiceStatus;
  medications: Record<Medication, MedicationPolicy>;
  policies: ServicePolicies;
  eligibility: ServiceEligibility;
  location: { lat: number; lon: number; serviceArea?: { radiusKm?: number; zips?: string[] } } | null;
  timezone: string;
  intakeHours: WeeklyHours | null;
  holidays: string[];
  acknowledgement: { amount: number; unit: AcknowledgementUnit } | null;
  referralChannel: string | null;
  phone: string | null;
  email: string | null;
  url: string | null;
  capacity: CapacityView;
  externalSource: string | null;
  externalId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceList {
  items: Service[];
  total: number;
}

export interface ServiceFilter {
  q?: string;
  kind?: ServiceKind | '';
  capacity?: EffectiveCapacityStatus | '';
  medication?: Medication | '';
  phase?: MedicationPhase | '';
  insurance?: InsuranceKind | '';
  language?: string;
  organizationId?: string;
  limit?: number;
  offset?: number;
}

export interface Reason<C extends string = string> {
  code: C;
  message: string;
  params?: Record<string, string | number>;
}

export interface MatchNeed {
  medication?: { name: Medication; phase: MedicationPhase };
  insurance?: { kind: InsuranceKind; plan?: string }[];
  home?: { zip?: string; address?: string; lat?: number; lon?: number };
  language?: string;
  age?: number;
  gender?: Gender;
  otherNeeds?: OtherNeed[];
  accessibility?: AccessibilityFeature[];
  prerequisites?: Partial<Record<IntakePrerequisite, boolean>>;
  intakeWindow?: { from: string; to?: string; withinHours?: number };
  includeConflicts?: boolean;
  limit?: number;
}

export interface MatchItem {
  score: number;
  fits: Reason<FitCode>[];
  conflicts: Reason<ConflictCode>[];
  warnings: Reason<WarningCode>[];
  distanceKm?: number;
  nextOpenAt: string | null;
  capacity: Omit<CapacityView, 'updatedAt' | 'updatedBy'>;
  service: Service;
}

export interface MatchResponse {
  items: MatchItem[];
  considered: number;
  home: { lat: number; lon: number; zip?: string; source: string } | null;
}

export interface CapacityHistoryEntry {
  status: CapacityStatus;
  expectedWaitDays?: number | null;
  reportedBy?: string | null;
  reportedAt?: string;
}

const base = '/api/v1/services';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Services of the network, filtered and paged (sorted by name). */
export const listServices = (filter: ServiceFilter = {}) => api<ServiceList>(base, { query: { ...filter } });

/** One service, with its version taken from the ETag when present. */
export async function getService(id: string): Promise<Service> {
  const response = await request<Service>(one(id));
  return response.data;
}

/** Reports a service's capacity (its own organization's staff only). */
export const updateCapacity = (id: string, input: { status: CapacityStatus; expectedWaitDays?: number }) =>
  api<Service>(`${one(id)}/capacity`, { method: 'PUT', body: input });

/** Replaces a service, refusing a stale write through `If-Match`. */
export async function updateService(id: string, version: number, input: unknown): Promise<Service> {
  const response = await request<Service>(one(id), {
    method: 'PUT',
    body: input,
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

/** Ranks the network's services for a need, with fits, conflicts and warnings for each. */
export const matchServices = (need: MatchNeed) =>
  api<MatchResponse>('/api/v1/match', { method: 'POST', body: need });
