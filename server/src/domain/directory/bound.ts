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
import { effectiveStatus } from './capacity.ts';
import { haversineKm } from './geo.ts';
import type { MatchNeed } from './need.ts';
import { FIT_POINTS, WARNING_POINTS } from './reasons.ts';
import type { DirectoryService } from './service.ts';
import { METHADONE_SERVICE_KIND, OTHER_NEED_SERVICE_KINDS } from './vocabulary.ts';

export interface BoundOptions {
  now: Date;
  capacityMaxAgeDays: number;
  farDistanceKm: number;
}

/** Points of the capacity, exactly as `checkCapacity` gives them; undefined for a conflict. */
function capacityPoints(service: DirectoryService, options: BoundOptions): number | undefined {
  switch (effectiveStatus(service.capacity, options.now, options.capacityMaxAgeDays)) {
    case 'accepting':
      return FIT_POINTS.capacity_accepting;
    case 'not_accepting':
      return undefined;
    case 'waitlist':
      return -WARNING_POINTS.waitlist;
    case 'assessment_required':
      return -WARNING_POINTS.assessment_required;
    case 'unknown':
      return -WARNING_POINTS.capacity_unknown;
  }
}

/** The part of the bound that depends on the service alone: hours, intake speed, stance. */
function servicePoints(service: DirectoryService): number {
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

/** Services are immutable values (a change makes a new object), so their own part is computed once. */
const servicePointsCache = new WeakMap<DirectoryService, number>();

function cachedServicePoints(service: DirectoryService): number {
  let points = servicePointsCache.get(service);
  if (points === undefined) servicePointsCache.set(service, (points = servicePoints(service)));
  return points;
}

function offerPoints(need: MatchNeed, service: DirectoryService): number {
  let points = 0;
  const medication = need.medication;
  if (medication) {
    const offers =
      (medication.name !== 'methadone' || service.kind === METHADONE_SERVICE_KIND) &&
      service.medications[medication.name][medication.phase];
    if (offers) points += FIT_POINTS.offers_medication;
    else if (service.medications[medication.name].acceptsCurrent)
      points += FIT_POINTS.accepts_current_medication;
  }
  const others = need.otherNeeds ?? [];
  for (let i = 0; i < others.length; i++) {
    const other = others[i];
    if (other === undefined || others.indexOf(other) !== i) continue;
    if (OTHER_NEED_SERVICE_KINDS[other].includes(service.kind)) points += FIT_POINTS.offers_need;
  }
  return points;
}

/** Warnings the need's unknowns make certain (a known value either fits, conflicts or is silent). */
function unconfirmedPoints(need: MatchNeed, service: DirectoryService): number {
  let points = 0;
  const { eligibility, policies } = service;
  const known = need.prerequisites ?? {};
  if (policies.prerequisites.includes('photo_id') && known.photo_id !== true) {
    points -= WARNING_POINTS.requires_photo_id;
  }
  if (policies.prerequisites.includes('provider_referral') && known.provider_referral !== true) {
    points -= WARNING_POINTS.requires_provider_referral;
  }
  if ((eligibility.minAge !== undefined || eligibility.maxAge !== undefined) && !Number.isFinite(need.age)) {
    points -= WARNING_POINTS.age_unconfirmed;
  }
  if (eligibility.genders !== 'any' && need.gender === undefined) points -= WARNING_POINTS.gender_unconfirmed;
  if ((need.insurance?.length ?? 0) > 0) {
    if (eligibility.insurance === undefined) points -= WARNING_POINTS.insurance_unconfirmed;
    else points += Math.max(FIT_POINTS.insurance_accepted, FIT_POINTS.uninsured_low_cost);
  }
  if (need.language !== undefined && need.language.trim() !== '') {
    if (eligibility.languages.length === 0) points -= WARNING_POINTS.language_unconfirmed;
    else points += FIT_POINTS.language_offered;
  }
  return points;
}

/** Distance and service area, as `checkLocation` scores them (a ZIP list is assumed to match). */
function locationPoints(
  home: NonNullable<MatchNeed['home']>,
  location: NonNullable<DirectoryService['location']>,
  options: BoundOptions,
): number {
  const distance = haversineKm(home, location);
  let points = distance > options.farDistanceKm ? -WARNING_POINTS.far_away : 0;
  const area = location.serviceArea;
  const radius = area?.radiusKm;
  if ((area?.zips?.length ?? 0) > 0) points += FIT_POINTS.in_service_area;
  else if (radius !== undefined) {
    points += distance <= radius ? FIT_POINTS.in_service_area : -WARNING_POINTS.outside_service_area;
  }
  return points;
}

/**
 * An upper bound on `evaluateService(need, service).score` for a service without conflicts; undefined
 * when the service certainly has a conflict (a fresh "not accepting").
 */
export function scoreBound(
  need: MatchNeed,
  service: DirectoryService,
  options: BoundOptions,
): number | undefined {
  const capacity = capacityPoints(service, options);
  if (capacity === undefined) return undefined;
  let points =
    capacity + cachedServicePoints(service) + offerPoints(need, service) + unconfirmedPoints(need, service);
  if (need.intakeWindow && service.intakeHours !== undefined) points += FIT_POINTS.opens_in_window;
  if (need.home && service.location) points += locationPoints(need.home, service.location, options);
  return points;
}
