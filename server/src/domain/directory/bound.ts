/**
 * A cheap upper bound on the score a service can reach for a need, used to skip services that cannot
 * enter the best `limit` results (`match.ts`). It must never be below the real score of a service
 * without conflicts; it may be above it (then the service is simply evaluated). So it adds every fit the
 * service could possibly earn, over-estimating wherever checking would cost, and subtracts only warnings
 * that are certain from a glance: `far_away` and a radius-only service area (a distance is cheap), the capacity warnings (capacity is
 * judged exactly as matching judges it; a fresh "not accepting" is a conflict, so no bound at all),
 * unpublished hours, an abstinence-only stance, prerequisites the navigator has not confirmed, and
 * eligibility the patient's data cannot confirm. `bound.test.ts` checks the bound against full
 * evaluation on thousands of generated services and needs.
 */
import { FUTURE_TOLERANCE_MS } from './capacity.ts';
import { haversineKm } from './geo.ts';
import type { MatchNeed } from './need.ts';
import { FIT_POINTS, WARNING_POINTS } from './reasons.ts';
import type { DirectoryService } from './service.ts';
import {
  MEDICATIONS,
  METHADONE_SERVICE_KIND,
  OTHER_NEED_SERVICE_KINDS,
  SERVICE_KINDS,
  type CapacityStatus,
} from './vocabulary.ts';
import { DAY_MS } from './zoned-time.ts';

export interface BoundOptions {
  now: Date;
  capacityMaxAgeDays: number;
  farDistanceKm: number;
}

/** Fact bits of a service, for the per-need table of points (`boundFor`). */
const PHOTO_ID = 1;
const PROVIDER_REFERRAL = 2;
const AGE_BOUNDED = 4;
const GENDER_RESTRICTED = 8;
const INSURANCE_STATED = 16;
const LANGUAGES_STATED = 32;
const HOURS_PUBLISHED = 64;
const FLAG_COMBINATIONS = 128;

/** What the bound needs of a service, read once per service version (services are immutable values). */
interface ServiceFacts {
  /** Hours, intake speed and stance: the part of the bound that depends on the service alone. */
  ownPoints: number;
  /** Points of the reported capacity while it is fresh; NaN for `not_accepting` (a conflict). */
  freshCapacityPoints: number;
  /** `capacity.updatedAt` in ms; NaN when there is no report or its date is invalid. */
  capacityMs: number;
  /** Bit `3i` start, `3i + 1` continue (methadone only at an OTP), `3i + 2` accepts current, i = `MEDICATIONS` index. */
  medicationBits: number;
  flags: number;
  kindIndex: number;
}

function ownPoints(service: DirectoryService): number {
  let points = 0;
  const { policies } = service;
  const appointmentOnly = policies.prerequisites.includes('appointment_only');
  if (service.intakeHours === undefined) points -= WARNING_POINTS.hours_unknown;
  if (policies.walkIn && !appointmentOnly) points += FIT_POINTS.walk_in;
  if (appointmentOnly) points -= WARNING_POINTS.appointment_only;
  if (policies.sameDayIntake) points += FIT_POINTS.same_day_intake;
  else if (policies.nextDayIntake) points += FIT_POINTS.next_day_intake;
  if (policies.telehealth) points += FIT_POINTS.telehealth;
  if (policies.harmReduction === 'supportive') points += FIT_POINTS.harm_reduction_supportive;
  if (policies.harmReduction === 'abstinence_only') points -= WARNING_POINTS.abstinence_only_stance;
  return points;
}

/** Points of a fresh capacity status, exactly as `checkCapacity` gives them; NaN for a conflict. */
function capacityPoints(status: CapacityStatus | 'unknown'): number {
  switch (status) {
    case 'accepting':
      return FIT_POINTS.capacity_accepting;
    case 'not_accepting':
      return Number.NaN;
    case 'waitlist':
      return -WARNING_POINTS.waitlist;
    case 'assessment_required':
      return -WARNING_POINTS.assessment_required;
    case 'unknown':
      return -WARNING_POINTS.capacity_unknown;
  }
}

function factsOf(service: DirectoryService): ServiceFacts {
  let medicationBits = 0;
  MEDICATIONS.forEach((medication, i) => {
    const policy = service.medications[medication];
    const dispensable = medication !== 'methadone' || service.kind === METHADONE_SERVICE_KIND;
    if (dispensable && policy.start) medicationBits |= 1 << (3 * i);
    if (dispensable && policy.continue) medicationBits |= 1 << (3 * i + 1);
    if (policy.acceptsCurrent) medicationBits |= 1 << (3 * i + 2);
  });
  const { eligibility, policies, capacity } = service;
  let flags = 0;
  if (policies.prerequisites.includes('photo_id')) flags |= PHOTO_ID;
  if (policies.prerequisites.includes('provider_referral')) flags |= PROVIDER_REFERRAL;
  if (eligibility.minAge !== undefined || eligibility.maxAge !== undefined) flags |= AGE_BOUNDED;
  if (eligibility.genders !== 'any') flags |= GENDER_RESTRICTED;
  if (eligibility.insurance !== undefined) flags |= INSURANCE_STATED;
  if (eligibility.languages.length > 0) flags |= LANGUAGES_STATED;
  if (service.intakeHours !== undefined) flags |= HOURS_PUBLISHED;
  return {
    ownPoints: ownPoints(service),
    freshCapacityPoints: capacityPoints(capacity?.status ?? 'unknown'),
    capacityMs: capacity ? capacity.updatedAt.getTime() : Number.NaN,
    medicationBits,
    flags,
    kindIndex: SERVICE_KINDS.indexOf(service.kind),
  };
}

const factsCache = new WeakMap<DirectoryService, ServiceFacts>();

function cachedFacts(service: DirectoryService): ServiceFacts {
  let facts = factsCache.get(service);
  if (facts === undefined) factsCache.set(service, (facts = factsOf(service)));
  return facts;
}

/** Distance and service area, as `checkLocation` scores them (a ZIP list is assumed to match). */
function locationPoints(
  home: NonNullable<MatchNeed['home']>,
  location: NonNullable<DirectoryService['location']>,
  farDistanceKm: number,
): number {
  const distance = haversineKm(home, location);
  let points = distance > farDistanceKm ? -WARNING_POINTS.far_away : 0;
  const area = location.serviceArea;
  const radius = area?.radiusKm;
  if ((area?.zips?.length ?? 0) > 0) points += FIT_POINTS.in_service_area;
  else if (radius !== undefined) {
    points += distance <= radius ? FIT_POINTS.in_service_area : -WARNING_POINTS.outside_service_area;
  }
  return points;
}

/** A service's bound for one need; undefined when the service certainly has a conflict. */
export type BoundOf = (service: DirectoryService) => number | undefined;

/** Points that depend on the need and on a service's fact bits only: one table entry per combination. */
function flagPointsTable(need: MatchNeed): Float64Array {
  const known = need.prerequisites ?? {};
  const insuranceAsked = (need.insurance?.length ?? 0) > 0;
  const languageAsked = need.language !== undefined && need.language.trim() !== '';
  const table = new Float64Array(FLAG_COMBINATIONS);
  for (let flags = 0; flags < FLAG_COMBINATIONS; flags++) {
    let points = 0;
    // Warnings the need's unknowns make certain (a known value either fits, conflicts or is silent).
    if (flags & PHOTO_ID && known.photo_id !== true) points -= WARNING_POINTS.requires_photo_id;
    if (flags & PROVIDER_REFERRAL && known.provider_referral !== true) {
      points -= WARNING_POINTS.requires_provider_referral;
    }
    if (flags & AGE_BOUNDED && !Number.isFinite(need.age)) points -= WARNING_POINTS.age_unconfirmed;
    if (flags & GENDER_RESTRICTED && need.gender === undefined) points -= WARNING_POINTS.gender_unconfirmed;
    if (insuranceAsked) {
      points +=
        flags & INSURANCE_STATED
          ? Math.max(FIT_POINTS.insurance_accepted, FIT_POINTS.uninsured_low_cost)
          : -WARNING_POINTS.insurance_unconfirmed;
    }
    if (languageAsked) {
      points += flags & LANGUAGES_STATED ? FIT_POINTS.language_offered : -WARNING_POINTS.language_unconfirmed;
    }
    if (need.intakeWindow && flags & HOURS_PUBLISHED) points += FIT_POINTS.opens_in_window;
    table[flags] = points;
  }
  return table;
}

/**
 * The bound function of a need: everything that depends on the need alone (its unknowns, the capacity
 * freshness cut-off, the kinds that meet its other needs, the medication bits) is worked out once here,
 * so the per-service part is a cache lookup, table reads and a distance. Capacity is judged exactly as
 * `effectiveStatus` judges it.
 */
export function boundFor(need: MatchNeed, options: BoundOptions): BoundOf {
  const nowMs = options.now.getTime();
  const maxAgeDays =
    Number.isFinite(options.capacityMaxAgeDays) && options.capacityMaxAgeDays > 0
      ? options.capacityMaxAgeDays
      : 0;
  const freshFromMs = nowMs - maxAgeDays * DAY_MS;
  const latestMs = nowMs + FUTURE_TOLERANCE_MS;
  const unknownCapacityPoints = capacityPoints('unknown');
  const flagPoints = flagPointsTable(need);
  const kindPoints = new Float64Array(SERVICE_KINDS.length);
  for (const other of new Set(need.otherNeeds ?? [])) {
    for (const kind of OTHER_NEED_SERVICE_KINDS[other]) {
      const i = SERVICE_KINDS.indexOf(kind);
      kindPoints[i] = (kindPoints[i] ?? 0) + FIT_POINTS.offers_need;
    }
  }
  let offerBit = 0;
  let acceptBit = 0;
  if (need.medication) {
    const i = MEDICATIONS.indexOf(need.medication.name);
    offerBit = 1 << (3 * i + (need.medication.phase === 'start' ? 0 : 1));
    acceptBit = 1 << (3 * i + 2);
  }
  const home = need.home;
  const farDistanceKm = options.farDistanceKm;

  return (service) => {
    const facts = cachedFacts(service);
    // Fresh while updatedAt ∈ [now − max age, now + tolerance]; NaN (no report) is never fresh.
    const fresh = facts.capacityMs >= freshFromMs && facts.capacityMs <= latestMs;
    const capacity = fresh ? facts.freshCapacityPoints : unknownCapacityPoints;
    if (Number.isNaN(capacity)) return undefined;
    let points =
      facts.ownPoints + capacity + (flagPoints[facts.flags] ?? 0) + (kindPoints[facts.kindIndex] ?? 0);
    if (facts.medicationBits & offerBit) points += FIT_POINTS.offers_medication;
    else if (facts.medicationBits & acceptBit) points += FIT_POINTS.accepts_current_medication;
    if (home && service.location) points += locationPoints(home, service.location, farDistanceKm);
    return points;
  };
}

/**
 * An upper bound on `evaluateService(need, service).score` for a service without conflicts; undefined
 * when the service certainly has a conflict (a fresh "not accepting"). For many services, use `boundFor`.
 */
export function scoreBound(
  need: MatchNeed,
  service: DirectoryService,
  options: BoundOptions,
): number | undefined {
  return boundFor(need, options)(service);
}
