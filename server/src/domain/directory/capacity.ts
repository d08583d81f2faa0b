/**
 * Capacity freshness. A partner's capacity report is trusted only while it is recent: a report older than
 * the maximum age (default 7 days) is shown as `unknown`, never silently as current.
 *
 * Strictness choices, written down:
 * - "Older than" is strict: a report exactly `maxAgeDays` old is still fresh; one millisecond more is stale.
 * - A stale `not_accepting` is `unknown` too: an old "no" is no more trusted than an old "yes".
 * - A report stamped in the future by more than `FUTURE_TOLERANCE_MS` (clock skew allowance) cannot be
 *   dated, so it is `unknown`; within the tolerance its age counts as 0.
 * - A missing report or an invalid date is `unknown`.
 * - A `maxAgeDays` that is negative, NaN or infinite is read as 0 (nothing is current): a bad setting must
 *   not make every report look fresh forever.
 */
import type { CapacityReport } from './service.ts';
import type { CapacityStatus, EffectiveCapacityStatus } from './vocabulary.ts';

export const DEFAULT_CAPACITY_MAX_AGE_DAYS = 7;
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const DAY_MS = 86_400_000;

/** Why a status is what it is: `fresh`, or the reason it is shown as `unknown`. */
export type CapacityFreshness = 'fresh' | 'stale' | 'missing' | 'future_dated';

export interface EffectiveCapacity {
  status: EffectiveCapacityStatus;
  /** What the partner last reported, even when it is no longer trusted. */
  reportedStatus?: CapacityStatus;
  /** Whole days since the report (floored); absent when there is no datable report. */
  ageDays?: number;
  /** True whenever the status is shown as `unknown`. */
  stale: boolean;
  freshness: CapacityFreshness;
  /** The partner's waitlist estimate, only for a fresh `waitlist`. */
  expectedWaitDays?: number;
}

/**
 * Just the status matching shows (the same rules as `effectiveCapacity`, without building its record):
 * for hot loops such as the score bound.
 */
export function effectiveStatus(
  capacity: CapacityReport | undefined,
  now: Date,
  maxAgeDays: number = DEFAULT_CAPACITY_MAX_AGE_DAYS,
): EffectiveCapacityStatus {
  if (!capacity) return 'unknown';
  const ageMs = now.getTime() - capacity.updatedAt.getTime();
  if (Number.isNaN(ageMs) || ageMs < -FUTURE_TOLERANCE_MS) return 'unknown';
  const limit = Number.isFinite(maxAgeDays) && maxAgeDays > 0 ? maxAgeDays : 0;
  return ageMs > limit * DAY_MS ? 'unknown' : capacity.status;
}

export function effectiveCapacity(
  capacity: CapacityReport | undefined,
  now: Date,
  maxAgeDays: number = DEFAULT_CAPACITY_MAX_AGE_DAYS,
): EffectiveCapacity {
  if (!capacity) return { status: 'unknown', stale: true, freshness: 'missing' };
  const reportedStatus = capacity.status;
  const ageMs = now.getTime() - capacity.updatedAt.getTime();
  if (Number.isNaN(ageMs)) return { status: 'unknown', reportedStatus, stale: true, freshness: 'missing' };
  if (ageMs < -FUTURE_TOLERANCE_MS) {
    return { status: 'unknown', reportedStatus, stale: true, freshness: 'future_dated' };
  }
  const ageDays = Math.floor(Math.max(0, ageMs) / DAY_MS);
  const limit = Number.isFinite(maxAgeDays) && maxAgeDays > 0 ? maxAgeDays : 0;
  if (ageMs > limit * DAY_MS)
    return { status: 'unknown', reportedStatus, ageDays, stale: true, freshness: 'stale' };
  const fresh: EffectiveCapacity = {
    status: reportedStatus,
    reportedStatus,
    ageDays,
    stale: false,
    freshness: 'fresh',
  };
  if (reportedStatus === 'waitlist' && capacity.expectedWaitDays !== undefined) {
    fresh.expectedWaitDays = capacity.expectedWaitDays;
  }
  return fresh;
}
