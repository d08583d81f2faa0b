/**
 * Directory endpoints: the network's services, one service (with its ETag), capacity reports and
 * matching a patient's need. Shapes mirror `server/src/app/directory/service-record.ts` and
 * `match-services.ts`; the codes come from `server/src/domain/directory/vocabulary.ts` and `reasons.ts`.
 */
import { api, request } from './client.ts';

// The codes are the server's own (pure, dependency-free modules): one source of truth.
export {
  SERVICE_KINDS,
  MEDICATIONS,
  MEDICATION_PHASES,
  INTAKE_PREREQUISITES,
  HARM_REDUCTION_STANCES,
  INSURANCE_KINDS,
  UNINSURED_TERMS,
  GENDERS,
  ACCESSIBILITY_FEATURES,
  OTHER_NEEDS,
  CAPACITY_STATUSES,
  WEEKDAYS,
  ACKNOWLEDGEMENT_UNITS,
} from '../../../server/src/domain/directory/vocabulary.ts';
import type {
  ServiceKind,
  Medication,
  MedicationPhase,
  IntakePrerequisite,
  HarmReductionStance,
  InsuranceKind,
  UninsuredTerms,
  Gender,
  AccessibilityFeature,
  OtherNeed,
  CapacityStatus,
  EffectiveCapacityStatus,
  Weekday,
  AcknowledgementUnit,
} from '../../../server/src/domain/directory/vocabulary.ts';
export type {
  ServiceKind,
  Medication,
  MedicationPhase,
  IntakePrerequisite,
  HarmReductionStance,
  InsuranceKind,
  UninsuredTerms,
  Gender,
  AccessibilityFeature,
  OtherNeed,
  CapacityStatus,
  EffectiveCapacityStatus,
  Weekday,
  AcknowledgementUnit,
};

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Every reason code matching can return. */
export { CONFLICT_CODES, FIT_CODES, WARNING_CODES } from '../../../server/src/domain/directory/reasons.ts';
import type { ConflictCode, FitCode, WarningCode } from '../../../server/src/domain/directory/reasons.ts';
export type { ConflictCode, FitCode, WarningCode };

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
