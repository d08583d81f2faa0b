/**
 * Matching rules about *getting in*: intake prerequisites, live capacity, intake hours against the target
 * intake window, and how fast intake can happen (walk-in, same-day, next-day, telehealth).
 *
 * Rules and strictness choices, written down:
 * - Prerequisites. `negative_drug_screen` and `abstinence` are hard conflicts unless the navigator marks
 *   the patient as meeting them (people just started on MOUD often screen positive, and abstinence rules
 *   push people off treatment). `photo_id` is a conflict when the patient is known to lack one, else a
 *   warning. `insurance` is a conflict for a patient whose only stated coverage is `uninsured`, a warning
 *   when coverage is unknown. `provider_referral` and `appointment_only` are warnings (the hospital can
 *   send a clinician's referral and book a time); `appointment_only` also cancels the walk-in fit.
 * - Capacity (see `capacity.ts`): a fresh `not_accepting` is a hard conflict; `waitlist` (with the expected
 *   days, and whether they run past the window), `assessment_required` and `unknown` are warnings; a fresh
 *   `accepting` is a fit. A stale "not accepting" is unknown, so only a warning.
 * - Window. The window is half-open [from, to): intake must open before `to`. The search starts at
 *   `max(now, from)`. No opening in the window is a hard conflict (`closed_during_window`); an empty or past
 *   window therefore rules out every service with known hours. Unknown hours or time zone are a warning,
 *   not a conflict. Open in the window but not on the discharge day after discharge (`from`) is a warning
 *   (`closed_on_discharge_date`); closed throughout a window that is only the discharge day is the conflict.
 *   Openings are searched 14 days ahead, so a longer window is judged on its first 14 days.
 * - Walk-in, same-day and next-day intake and telehealth are fits, except for a service closed
 *   throughout the window.
 */
import { effectiveCapacity, type EffectiveCapacity } from './capacity.ts';
import { nextIntakeOpening } from './hours.ts';
import type { MatchNeed } from './need.ts';
import { conflict, fit, warn, type Findings } from './reasons.ts';
import type { DirectoryService } from './service.ts';
import { formatLocalDate, formatLocalTime, type ZoneClock, type ZoneClocks } from './zoned-time.ts';

const DAY_MS = 86_400_000;

/** What the intake rules need from the match call. */
export interface IntakeContext {
  now: Date;
  capacityMaxAgeDays: number;
  clocks: ZoneClocks;
  /** `max(now, window.from)`, or `now` without a window. */
  searchFrom: Date;
}

export function checkPrerequisites(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  const known = need.prerequisites ?? {};
  const prerequisites = service.policies.prerequisites;
  for (let i = 0; i < prerequisites.length; i++) {
    const prerequisite = prerequisites[i];
    if (prerequisite === undefined || prerequisites.indexOf(prerequisite) !== i) continue;
    switch (prerequisite) {
      case 'negative_drug_screen':
        if (known.negative_drug_screen !== true) {
          conflict(findings, 'requires_negative_drug_screen', 'requires a negative drug screen');
        }
        break;
      case 'abstinence':
        if (known.abstinence !== true) conflict(findings, 'requires_abstinence', 'requires abstinence');
        break;
      case 'photo_id':
        if (known.photo_id === false) {
          conflict(findings, 'requires_photo_id', 'requires a photo ID, which the patient does not have');
        } else if (known.photo_id !== true) warn(findings, 'requires_photo_id', 'requires a photo ID');
        break;
      case 'insurance':
        checkInsuranceRequired(need, findings);
        break;
      case 'provider_referral':
        if (known.provider_referral !== true) {
          warn(
            findings,
            'requires_provider_referral',
            'requires a referral from a provider: send it from a clinician',
          );
        }
        break;
      case 'appointment_only':
        warn(findings, 'appointment_only', 'appointment only: book the intake before discharge');
        break;
    }
  }
}

function checkInsuranceRequired(need: MatchNeed, findings: Findings): void {
  const coverages = need.insurance ?? [];
  const insured =
    coverages.length > 0
      ? coverages.some((coverage) => coverage.kind !== 'uninsured')
      : need.prerequisites?.insurance;
  if (insured === false)
    conflict(findings, 'requires_insurance', 'requires insurance, which the patient does not have');
  else if (insured === undefined) warn(findings, 'requires_insurance', 'requires insurance');
}

export function checkCapacity(
  need: MatchNeed,
  service: DirectoryService,
  context: IntakeContext,
  findings: Findings,
): EffectiveCapacity {
  const capacity = effectiveCapacity(service.capacity, context.now, context.capacityMaxAgeDays);
  const age =
    capacity.ageDays === undefined
      ? ''
      : ` (reported ${capacity.ageDays} day${capacity.ageDays === 1 ? '' : 's'} ago)`;
  switch (capacity.status) {
    case 'accepting':
      fit(findings, 'capacity_accepting', `accepting new patients${age}`, {
        ageDays: capacity.ageDays ?? '',
      });
      break;
    case 'not_accepting':
      conflict(findings, 'not_accepting', `not accepting new patients${age}`, {
        ageDays: capacity.ageDays ?? '',
      });
      break;
    case 'assessment_required':
      warn(findings, 'assessment_required', 'requires an additional assessment before accepting');
      break;
    case 'waitlist': {
      const days = capacity.expectedWaitDays;
      const window = need.intakeWindow;
      const beyond =
        days !== undefined &&
        window !== undefined &&
        context.now.getTime() + days * DAY_MS >= window.to.getTime();
      const length = days === undefined ? '' : ` of about ${days} day${days === 1 ? '' : 's'}`;
      warn(
        findings,
        'waitlist',
        `has a waitlist${length}${beyond ? ', longer than the intake window' : ''}`,
        {
          expectedWaitDays: days ?? '',
        },
      );
      break;
    }
    case 'unknown':
      warn(findings, 'capacity_unknown', unknownCapacityMessage(capacity, context.capacityMaxAgeDays), {
        freshness: capacity.freshness,
      });
      break;
  }
  return capacity;
}

function unknownCapacityMessage(capacity: EffectiveCapacity, maxAgeDays: number): string {
  switch (capacity.freshness) {
    case 'stale':
      return `capacity unknown: last reported ${capacity.ageDays ?? '?'} days ago, older than ${maxAgeDays} days`;
    case 'future_dated':
      return 'capacity unknown: the last report is dated in the future';
    case 'missing':
    case 'fresh':
      return 'capacity unknown: never reported';
  }
}

/** Checks hours against the window and the intake-speed fits; returns the next opening. */
export function checkHours(
  need: MatchNeed,
  service: DirectoryService,
  context: IntakeContext,
  findings: Findings,
): Date | undefined {
  const nextOpenAt = nextIntakeOpening(service, context.searchFrom, context.clocks);
  const clock = service.intakeHours === undefined ? undefined : context.clocks.get(service.timezone);
  const window = need.intakeWindow;
  let closedThroughout = false;
  if (!clock) {
    const message =
      service.intakeHours === undefined
        ? 'intake hours not published'
        : `intake hours cannot be read: unknown time zone "${service.timezone}"`;
    warn(findings, 'hours_unknown', message);
  } else if (window) {
    const zone = service.timezone;
    // Written so that an invalid `to` (NaN) counts as an empty window, never as "open".
    if (!nextOpenAt || !(nextOpenAt.getTime() < window.to.getTime())) {
      closedThroughout = true;
      const from = localDateTime(clock, zone, window.from);
      const to = localDateTime(clock, zone, window.to);
      conflict(findings, 'closed_during_window', `closed for intake from ${from} to ${to}`, { from, to });
    } else {
      const at = localDateTime(clock, zone, nextOpenAt);
      fit(findings, 'opens_in_window', `open for intake within the window, next at ${at}`, { at });
      const fromMs = window.from.getTime();
      const dischargeDay = Number.isNaN(fromMs) ? undefined : formatLocalDate(clock.toWall(fromMs));
      if (
        dischargeDay !== undefined &&
        formatLocalDate(clock.toWall(nextOpenAt.getTime())) !== dischargeDay
      ) {
        const message = `no intake on the discharge date (${dischargeDay}) after discharge`;
        warn(findings, 'closed_on_discharge_date', message, { date: dischargeDay });
      }
    }
  }
  if (!closedThroughout) checkSpeed(service, findings);
  return nextOpenAt;
}

function checkSpeed(service: DirectoryService, findings: Findings): void {
  const policies = service.policies;
  if (policies.walkIn && !policies.prerequisites.includes('appointment_only')) {
    fit(findings, 'walk_in', 'takes walk-ins during intake hours');
  }
  if (policies.sameDayIntake) fit(findings, 'same_day_intake', 'offers same-day intake');
  else if (policies.nextDayIntake) fit(findings, 'next_day_intake', 'offers next-day intake');
  if (policies.telehealth) fit(findings, 'telehealth', 'offers telehealth');
}

/** `YYYY-MM-DD HH:MM <zone>`: an instant in the service's local time. */
function localDateTime(clock: ZoneClock, zone: string, at: Date): string {
  if (Number.isNaN(at.getTime())) return 'an invalid time';
  const wall = clock.toWall(at.getTime());
  return `${formatLocalDate(wall)} ${formatLocalTime(wall)} ${zone}`;
}
