/**
 * Policy-aware matching: ranks directory services for one patient's need and explains every result.
 *
 * Each service is evaluated by the rule modules (`rules-offer.ts`, `rules-eligibility.ts`,
 * `rules-intake.ts`, `rules-location.ts`; each documents its hard-vs-soft choices) into `fits`, hard
 * `conflicts` and soft `warnings`. Services with a conflict are left out unless `includeConflicts`.
 *
 * Ranking (deterministic: same input, same order, whatever the order of `services`):
 * 1. score, highest first: Σ fit points − Σ warning points − 1000 per conflict (points in `reasons.ts`);
 * 2. distance, nearest first; an unknown distance sorts last;
 * 3. name, case-insensitively, then exactly (UTF-16 code units: no locale dependence);
 * 4. id. Services are expected to have unique ids; two services with the same id and different content
 *    have no defined order between them.
 *
 * Cost is linear in the number of services plus the sort: time-zone clocks are built once per zone per
 * call and shared, so no `Intl` formatter is created (or consulted) per service; without
 * `includeConflicts` a service stops being evaluated at its first conflicting rule group; with `limit`
 * only the best results are kept while scanning, so the rest become garbage young, and (without
 * `includeConflicts`) services are visited best bound first and the scan stops once no remaining service
 * can make the cut (`bound.ts`), which on a large directory skips most far-away services.
 */
import { boundFor } from './bound.ts';
import { DEFAULT_CAPACITY_MAX_AGE_DAYS, type EffectiveCapacity } from './capacity.ts';
import { INTAKE_SEARCH_DAYS } from './hours.ts';
import type { MatchNeed } from './need.ts';
import { scoreOf, type Findings, type Reason } from './reasons.ts';
import { checkEligibility } from './rules-eligibility.ts';
import { checkCapacity, checkHours, checkPrerequisites, type IntakeContext } from './rules-intake.ts';
import { checkLocation, DEFAULT_FAR_DISTANCE_KM } from './rules-location.ts';
import { checkOffer } from './rules-offer.ts';
import type { DirectoryService } from './service.ts';
import { DAY_MS, ZoneClocks } from './zoned-time.ts';

export interface MatchOptions {
  now: Date;
  /** Capacity older than this is shown as unknown. Default 7. */
  capacityMaxAgeDays?: number;
  /** Return services with hard conflicts too (ranked after all others). Default false. */
  includeConflicts?: boolean;
  /** Distance beyond which a service gets a `far_away` warning. Default 50 km. */
  farDistanceKm?: number;
  /**
   * Return only the best `limit` results (exactly the first `limit` of the unlimited ranking), which saves
   * memory and time on large directories. Floored; negative gives none; absent or non-finite: all.
   */
  limit?: number;
}

export interface MatchResult {
  service: DirectoryService;
  score: number;
  fits: Reason[];
  conflicts: Reason[];
  warnings: Reason[];
  /** Kilometres from the patient's home, to 0.1 km; undefined when either location is unknown. */
  distanceKm?: number;
  /** Next intake opening at or after `max(now, window.from)`, within 14 days. */
  nextOpenAt?: Date;
  capacity: EffectiveCapacity;
}

interface Context extends IntakeContext {
  farDistanceKm: number;
}

function contextFor(need: MatchNeed, options: MatchOptions): Context {
  const nowMs = options.now.getTime();
  const fromMs = need.intakeWindow?.from.getTime() ?? nowMs;
  const searchFromMs = Math.max(nowMs, Number.isNaN(fromMs) ? nowMs : fromMs);
  const spanStart = Math.min(searchFromMs, Number.isNaN(fromMs) ? searchFromMs : fromMs) - DAY_MS;
  return {
    now: options.now,
    capacityMaxAgeDays: options.capacityMaxAgeDays ?? DEFAULT_CAPACITY_MAX_AGE_DAYS,
    clocks: new ZoneClocks(spanStart, searchFromMs + (INTAKE_SEARCH_DAYS + 2) * DAY_MS),
    searchFrom: new Date(searchFromMs),
    farDistanceKm: options.farDistanceKm ?? DEFAULT_FAR_DISTANCE_KM,
  };
}

interface Evaluated {
  result: MatchResult;
  exactDistance: number | undefined;
  /** `service.name` lower-cased once, for sorting. */
  folded: string;
}

/**
 * Runs the rules in order. With `stopAtConflict` (matching without `includeConflicts`) it stops after the
 * first rule group that found a conflict and returns undefined: the service will not be shown.
 */
function evaluate(
  need: MatchNeed,
  service: DirectoryService,
  context: Context,
  stopAtConflict: false,
): Evaluated;
function evaluate(
  need: MatchNeed,
  service: DirectoryService,
  context: Context,
  stopAtConflict: boolean,
): Evaluated | undefined;
function evaluate(
  need: MatchNeed,
  service: DirectoryService,
  context: Context,
  stopAtConflict: boolean,
): Evaluated | undefined {
  const findings: Findings = { fits: [], conflicts: [], warnings: [] };
  checkOffer(need, service, findings);
  checkEligibility(need, service, findings);
  checkPrerequisites(need, service, findings);
  const capacity = checkCapacity(need, service, context, findings);
  if (stopAtConflict && findings.conflicts.length > 0) return undefined;
  const nextOpenAt = checkHours(need, service, context, findings);
  if (stopAtConflict && findings.conflicts.length > 0) return undefined;
  const exactDistance = checkLocation(need, service, context.farDistanceKm, findings);
  const result: MatchResult = {
    service,
    score: scoreOf(findings),
    fits: findings.fits,
    conflicts: findings.conflicts,
    warnings: findings.warnings,
    capacity,
  };
  if (exactDistance !== undefined) result.distanceKm = Math.round(exactDistance * 10) / 10;
  if (nextOpenAt) result.nextOpenAt = nextOpenAt;
  return { result, exactDistance, folded: service.name.toLowerCase() };
}

/** Evaluates one service against a need, whatever its conflicts (e.g. to explain a single service). */
export function evaluateService(
  need: MatchNeed,
  service: DirectoryService,
  options: MatchOptions,
): MatchResult {
  return evaluate(need, service, contextFor(need, options), false).result;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unknown (or non-finite) distances sort last. */
function sortDistance(evaluated: Evaluated): number {
  const distance = evaluated.exactDistance;
  return distance !== undefined && Number.isFinite(distance) ? distance : Number.POSITIVE_INFINITY;
}

function compare(a: Evaluated, b: Evaluated): number {
  if (a.result.score !== b.result.score) return b.result.score - a.result.score;
  const da = sortDistance(a);
  const db = sortDistance(b);
  if (da !== db) return da < db ? -1 : 1;
  const sa = a.result.service;
  const sb = b.result.service;
  return compareText(a.folded, b.folded) || compareText(sa.name, sb.name) || compareText(sa.id, sb.id);
}

/** Ranks services for a need, best first. See the module comment for the rules and the order. */
export function matchServices(
  need: MatchNeed,
  services: readonly DirectoryService[],
  options: MatchOptions,
): MatchResult[] {
  const context = contextFor(need, options);
  const stopAtConflict = options.includeConflicts !== true;
  const limit =
    options.limit !== undefined && Number.isFinite(options.limit)
      ? Math.max(0, Math.floor(options.limit))
      : undefined;
  const kept: Evaluated[] = [];
  if (limit !== undefined && stopAtConflict) {
    keepBestBounded(need, services, context, limit, kept);
    return kept.map((evaluated) => evaluated.result);
  }
  for (const service of services) {
    const evaluated = evaluate(need, service, context, stopAtConflict);
    if (!evaluated) continue;
    if (limit === undefined) kept.push(evaluated);
    else keepBest(kept, evaluated, limit);
  }
  if (limit === undefined) kept.sort(compare);
  return kept.map((evaluated) => evaluated.result);
}

/**
 * The best `limit` services without conflicts, evaluating services in order of their score bound
 * (`bound.ts`) and stopping once no remaining service can reach the score of the last one kept. A
 * service whose bound equals that score is still evaluated (it may win on distance or name), so the
 * result is exactly that of evaluating every service.
 */
function keepBestBounded(
  need: MatchNeed,
  services: readonly DirectoryService[],
  context: Context,
  limit: number,
  kept: Evaluated[],
): void {
  if (limit === 0) return;
  // Bounds are whole points: bucket services by bound and walk the buckets from the highest down.
  const boundOf = boundFor(need, context);
  const buckets = new Map<number, DirectoryService[]>();
  for (const service of services) {
    const bound = boundOf(service);
    if (bound === undefined) continue; // certainly conflicting
    const bucket = buckets.get(bound);
    if (bucket) bucket.push(service);
    else buckets.set(bound, [service]);
  }
  const bounds = [...buckets.keys()].sort((a, b) => b - a);
  for (const bound of bounds) {
    const last = kept[limit - 1];
    if (last !== undefined && bound < last.result.score) return;
    for (const service of buckets.get(bound) ?? []) {
      const evaluated = evaluate(need, service, context, true);
      if (evaluated) keepBest(kept, evaluated, limit);
    }
  }
}

/**
 * Keeps `best` sorted and at most `limit` long. The best `limit` under a total order do not depend on the
 * input order, so a limited match equals the first `limit` results of an unlimited one; results that do
 * not make the cut become garbage at once instead of surviving until a final sort.
 */
function keepBest(best: Evaluated[], candidate: Evaluated, limit: number): void {
  const last = best[best.length - 1];
  if (best.length >= limit && (last === undefined || compare(candidate, last) >= 0)) return;
  let low = 0;
  let high = best.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = best[mid];
    if (item !== undefined && compare(item, candidate) <= 0) low = mid + 1;
    else high = mid;
  }
  best.splice(low, 0, candidate);
  if (best.length > limit) best.pop();
}
