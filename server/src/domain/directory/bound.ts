/**
 * A cheap upper bound on the score a service can reach for a need, used to skip services that cannot
 * enter the best `limit` results (`match.ts`). It must never be below the real score of a service
 * without conflicts; it may be above it (then the service is simply evaluated). So it adds every fit the
 * service could possibly earn, over-estimating wherever checking would cost, and subtracts only warnings
 * that are certain from a glance: `far_away` (a distance is cheap), a capacity never reported
 * (`capacity_unknown`) and an abstinence-only stance. `bound.test.ts` checks the bound against full
 * evaluation on thousands of generated services and needs.
 */
import { haversineKm } from './geo.ts';
import type { MatchNeed } from './need.ts';
import { FIT_POINTS, WARNING_POINTS } from './reasons.ts';
import type { DirectoryService } from './service.ts';
import { METHADONE_SERVICE_KIND, OTHER_NEED_SERVICE_KINDS } from './vocabulary.ts';

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
  const counted = new Set<string>();
  for (const other of need.otherNeeds ?? []) {
    if (counted.has(other)) continue;
    counted.add(other);
    if (OTHER_NEED_SERVICE_KINDS[other].includes(service.kind)) points += FIT_POINTS.offers_need;
  }
  const stance = service.policies.harmReduction;
  if (stance === 'supportive') points += FIT_POINTS.harm_reduction_supportive;
  if (stance === 'abstinence_only') points -= WARNING_POINTS.abstinence_only_stance;
  return points;
}

function intakePoints(service: DirectoryService): number {
  let points = 0;
  const { policies, capacity } = service;
  if (!capacity) points -= WARNING_POINTS.capacity_unknown;
  else if (capacity.status === 'accepting') points += FIT_POINTS.capacity_accepting;
  if (service.intakeHours !== undefined) points += FIT_POINTS.opens_in_window;
  if (policies.walkIn) points += FIT_POINTS.walk_in;
  if (policies.sameDayIntake) points += FIT_POINTS.same_day_intake;
  else if (policies.nextDayIntake) points += FIT_POINTS.next_day_intake;
  if (policies.telehealth) points += FIT_POINTS.telehealth;
  return points;
}

/** An upper bound on `evaluateService(need, service).score` for a service without conflicts. */
export function scoreBound(need: MatchNeed, service: DirectoryService, farDistanceKm: number): number {
  let points = offerPoints(need, service) + intakePoints(service);
  if ((need.insurance?.length ?? 0) > 0) {
    points += Math.max(FIT_POINTS.insurance_accepted, FIT_POINTS.uninsured_low_cost);
  }
  if (need.language !== undefined && need.language.trim() !== '') points += FIT_POINTS.language_offered;
  if (need.home && service.location) {
    points += FIT_POINTS.in_service_area;
    if (haversineKm(need.home, service.location) > farDistanceKm) points -= WARNING_POINTS.far_away;
  }
  return points;
}
