/**
 * The directory domain: the service vocabulary, `DirectoryService`, capacity freshness, intake hours in
 * the service's time zone, offline geography, and policy-aware matching. Pure: no I/O, no clock.
 */
export * from './vocabulary.ts';
export type * from './service.ts';
export {
  DEFAULT_CAPACITY_MAX_AGE_DAYS,
  effectiveCapacity,
  type CapacityFreshness,
  type EffectiveCapacity,
} from './capacity.ts';
export {
  INTAKE_SEARCH_DAYS,
  isOpenOn,
  localDateOf,
  nextIntakeOpening,
  parseTimeRange,
  scheduleProblems,
  type IntakeSchedule,
  type MinuteRange,
} from './hours.ts';
export { isValidTimeZone, ZoneClocks } from './zoned-time.ts';
export {
  haversineKm,
  isValidPoint,
  normalizeZip,
  resolveLocation,
  type GeoPoint,
  type LocationErrorCode,
  type LocationInput,
  type LocationResult,
  type ResolvedLocation,
} from './geo.ts';
export * from './need.ts';
export {
  CONFLICT_CODES,
  CONFLICT_POINTS,
  FIT_CODES,
  FIT_POINTS,
  WARNING_CODES,
  WARNING_POINTS,
  type ConflictCode,
  type FitCode,
  type Reason,
  type ReasonCode,
  type WarningCode,
} from './reasons.ts';
export { DEFAULT_FAR_DISTANCE_KM } from './rules-location.ts';
export { evaluateService, matchServices, type MatchOptions, type MatchResult } from './match.ts';
