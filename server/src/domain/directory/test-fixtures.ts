/**
 * Builders for the directory unit tests (used only by `*.test.ts` beside this file): a plain, open,
 * accepting buprenorphine clinic in Boston that each test bends into the case it needs.
 */
import { evaluateService, type MatchResult } from './match.ts';
import type { MatchNeed } from './need.ts';
import type { DirectoryService, MedicationPolicy, ServiceEligibility, ServicePolicies } from './service.ts';
import type { Medication } from './vocabulary.ts';

/** Wednesday 2024-06-12, 10:00 in New York. */
export const NOW = new Date('2024-06-12T14:00:00Z');
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** ZIP 02118 (Boston, South End). */
export const BOSTON_HOME: NonNullable<MatchNeed['home']> = { lat: 42.3362, lon: -71.0729, zip: '02118' };

export type ServicePatch = Omit<Partial<DirectoryService>, 'policies' | 'eligibility' | 'medications'> & {
  policies?: Partial<ServicePolicies>;
  eligibility?: Partial<ServiceEligibility>;
  medications?: Partial<Record<Medication, Partial<MedicationPolicy>>>;
};

const WEEKDAY_HOURS = ['08:00-17:00'];

export function makeService(id: string, patch: ServicePatch = {}): DirectoryService {
  const { policies, eligibility, medications, ...rest } = patch;
  return {
    id,
    organizationId: `org-${id}`,
    siteId: `site-${id}`,
    name: `Service ${id}`,
    kind: 'obot',
    timezone: 'America/New_York',
    intakeHours: {
      mon: WEEKDAY_HOURS,
      tue: WEEKDAY_HOURS,
      wed: WEEKDAY_HOURS,
      thu: WEEKDAY_HOURS,
      fri: WEEKDAY_HOURS,
    },
    holidays: [],
    location: { lat: 42.3601, lon: -71.0589 },
    capacity: { status: 'accepting', updatedAt: new Date(NOW.getTime() - DAY_MS), updatedBy: 'membership-1' },
    ...rest,
    medications: {
      buprenorphine: { start: true, continue: true, acceptsCurrent: true, ...medications?.buprenorphine },
      methadone: { start: false, continue: false, acceptsCurrent: true, ...medications?.methadone },
      naltrexone_xr: { start: false, continue: false, acceptsCurrent: true, ...medications?.naltrexone_xr },
    },
    policies: {
      harmReduction: 'neutral',
      prerequisites: [],
      walkIn: false,
      sameDayIntake: false,
      nextDayIntake: false,
      telehealth: false,
      ...policies,
    },
    eligibility: {
      genders: 'any',
      insurance: { medicaid: 'all', medicare: 'all', commercial: 'all' },
      languages: ['en'],
      accessibility: [],
      ...eligibility,
    },
  };
}

/** An opioid treatment program that starts and continues methadone (and buprenorphine). */
export function makeOtp(id: string, patch: ServicePatch = {}): DirectoryService {
  return makeService(id, {
    kind: 'otp',
    ...patch,
    medications: { methadone: { start: true, continue: true, acceptsCurrent: true }, ...patch.medications },
  });
}

/** A recovery house: no medication of its own; accepts people on every MOUD unless told otherwise. */
export function makeRecoveryHouse(id: string, patch: ServicePatch = {}): DirectoryService {
  return makeService(id, {
    kind: 'recovery_housing',
    ...patch,
    medications: { buprenorphine: { start: false, continue: false }, ...patch.medications },
  });
}

export const codes = (reasons: readonly { code: string }[]): string[] => reasons.map((reason) => reason.code);

/** Match options at `NOW`. */
export const options = { now: NOW };
/** The ids of the results, in rank order. */
export const ids = (results: readonly MatchResult[]) => results.map((result) => result.service.id);
/** One service evaluated for a need. */
export const only = (need: MatchNeed, service: DirectoryService) => evaluateService(need, service, options);

/** Discharge at `hoursFromNow`, intake wanted within `lengthHours` after it. */
export const window = (hoursFromNow: number, lengthHours = 72) => ({
  from: new Date(NOW.getTime() + hoursFromNow * HOUR_MS),
  to: new Date(NOW.getTime() + (hoursFromNow + lengthHours) * HOUR_MS),
});
