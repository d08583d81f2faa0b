/**
 * Intake hours: when can a person be taken in? Hours are local to the service's IANA time zone, per
 * weekday, as `HH:MM-HH:MM` ranges, with whole-day holidays. Conversion uses `Intl.DateTimeFormat` through
 * `zoned-time.ts`, so daylight-saving changes are honoured.
 *
 * Strictness choices, written down (never claim "open" on data we cannot read):
 * - A range that does not parse (bad format, end not after start, a range crossing midnight) is ignored,
 *   as if closed.
 * - A holiday that is not a real `YYYY-MM-DD` date cannot name a day, so it closes none; `scheduleProblems`
 *   reports it (and bad ranges and an unknown time zone) so the write path can reject the service.
 * - Published hours absent (`intakeHours` undefined) or an unknown time zone: no opening is known, so
 *   `nextIntakeOpening` returns undefined and `isOpenOn` returns false.
 * - A range whose local start does not exist (spring-forward gap) opens at the transition; a local time
 *   that occurs twice (fall-back) opens at its later and closes at its earlier occurrence. A range that
 *   lies wholly inside a gap is no opening at all.
 * - The search covers `INTAKE_SEARCH_DAYS` (14) days from `from`; an opening later than that is not found.
 */
import type { DirectoryService, WeeklyHours } from './service.ts';
import { WEEKDAYS } from './vocabulary.ts';
import {
  createZoneClock,
  DAY_MS,
  formatLocalDate,
  isValidTimeZone,
  MINUTE_MS,
  parseLocalDate,
  startOfWallDay,
  wallWeekdayIndex,
  type ZoneClock,
  type ZoneClocks,
} from './zoned-time.ts';

export const INTAKE_SEARCH_DAYS = 14;

/** The parts of a service that decide when intake is open. */
export type IntakeSchedule = Pick<DirectoryService, 'timezone' | 'intakeHours' | 'holidays'>;

/** A range in minutes since local midnight: 0 ≤ start < end ≤ 1440. */
export interface MinuteRange {
  start: number;
  end: number;
}

const TIME_RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

const parsedRanges = new Map<string, MinuteRange | null>();
const PARSED_RANGE_CACHE_LIMIT = 4096;

/**
 * Parses `HH:MM-HH:MM` (24-hour, `24:00` allowed only as an end). Undefined when invalid or empty.
 * Memoized (the same few strings recur across thousands of services); the result is frozen.
 */
export function parseTimeRange(text: string): MinuteRange | undefined {
  const cached = parsedRanges.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const match = TIME_RANGE.exec(text.trim());
  let range: MinuteRange | null = null;
  if (match) {
    const start = Number(match[1]) * 60 + Number(match[2]);
    const end = Number(match[3]) * 60 + Number(match[4]);
    if (start < 1440 && end <= 1440 && end > start) range = Object.freeze({ start, end });
  }
  if (parsedRanges.size >= PARSED_RANGE_CACHE_LIMIT) parsedRanges.clear();
  parsedRanges.set(text, range);
  return range ?? undefined;
}

/**
 * Plain-English problems with a schedule, empty when it is usable: ranges that do not parse, holidays that
 * are not real dates, a time zone this runtime does not know.
 */
export function scheduleProblems(schedule: IntakeSchedule): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(schedule.timezone))
    problems.push(`"${schedule.timezone}" is not a known IANA time zone`);
  const hours: WeeklyHours = schedule.intakeHours ?? {};
  for (const day of WEEKDAYS) {
    for (const range of hours[day] ?? []) {
      if (!parseTimeRange(range))
        problems.push(`${day}: "${range}" is not a range HH:MM-HH:MM within one day`);
    }
  }
  for (const holiday of schedule.holidays) {
    if (parseLocalDate(holiday) === undefined) problems.push(`holiday "${holiday}" is not a date YYYY-MM-DD`);
  }
  return problems;
}

/** The range texts of the weekday a wall time falls on (possibly empty). */
function textsOn(hours: WeeklyHours, dayWall: number): readonly string[] {
  const day = WEEKDAYS[wallWeekdayIndex(dayWall)];
  return (day ? hours[day] : undefined) ?? [];
}

function clockFor(
  schedule: IntakeSchedule,
  aroundMs: number,
  clocks: ZoneClocks | undefined,
): ZoneClock | undefined {
  if (clocks && aroundMs >= clocks.spanStartMs && aroundMs <= clocks.spanEndMs)
    return clocks.get(schedule.timezone);
  return createZoneClock(schedule.timezone, aroundMs - DAY_MS, aroundMs + (INTAKE_SEARCH_DAYS + 2) * DAY_MS);
}

/** The real instants of a range on a local day, or undefined when it has no duration (inside a gap). */
function rangeInstants(clock: ZoneClock, dayWall: number, range: MinuteRange): [number, number] | undefined {
  const open = clock.toInstant(dayWall + range.start * MINUTE_MS, 'later');
  const close = clock.toInstant(dayWall + range.end * MINUTE_MS, 'earlier');
  return close > open ? [open, close] : undefined;
}

/**
 * The earliest instant at or after `fromMs` inside one of a day's ranges, or undefined. Ranges may come in
 * any order and overlap; the loop allocates nothing (it runs for every service of a match).
 */
function firstOpeningOnDay(
  clock: ZoneClock,
  dayWall: number,
  texts: readonly string[],
  fromMs: number,
): number | undefined {
  let best: number | undefined;
  for (const text of texts) {
    const range = parseTimeRange(text);
    if (!range) continue;
    const close = clock.toInstant(dayWall + range.end * MINUTE_MS, 'earlier');
    if (close <= fromMs) continue;
    const open = clock.toInstant(dayWall + range.start * MINUTE_MS, 'later');
    if (close <= open) continue;
    const opening = Math.max(open, fromMs);
    if (best === undefined || opening < best) best = opening;
  }
  return best;
}

/**
 * The first instant at or after `from` when intake is open, within `INTAKE_SEARCH_DAYS` days; undefined
 * when there is none (or hours or zone are unknown). `clocks` lets a caller share time-zone clocks
 * across many services (matching); without it a clock is built for this call.
 */
export function nextIntakeOpening(
  schedule: IntakeSchedule,
  from: Date,
  clocks?: ZoneClocks,
): Date | undefined {
  const hours = schedule.intakeHours;
  const fromMs = from.getTime();
  if (!hours || Number.isNaN(fromMs)) return undefined;
  const clock = clockFor(schedule, fromMs, clocks);
  if (!clock) return undefined;
  const limitMs = fromMs + INTAKE_SEARCH_DAYS * DAY_MS;
  const firstDay = startOfWallDay(clock.toWall(fromMs));
  for (let dayWall = firstDay; dayWall <= firstDay + (INTAKE_SEARCH_DAYS + 1) * DAY_MS; dayWall += DAY_MS) {
    if (clock.toInstant(dayWall, 'earlier') > limitMs) break;
    const texts = textsOn(hours, dayWall);
    if (texts.length === 0) continue;
    if (schedule.holidays.length > 0 && schedule.holidays.includes(formatLocalDate(dayWall))) continue;
    const opening = firstOpeningOnDay(clock, dayWall, texts, fromMs);
    if (opening !== undefined) return opening <= limitMs ? new Date(opening) : undefined;
  }
  return undefined;
}

/**
 * Whether intake is open at some time on a local date `YYYY-MM-DD` of the service: not a holiday, and at
 * least one valid range with real duration that day. False for an invalid date, unknown hours or zone.
 */
export function isOpenOn(schedule: IntakeSchedule, localDate: string, clocks?: ZoneClocks): boolean {
  const hours = schedule.intakeHours;
  const dayWall = parseLocalDate(localDate);
  if (!hours || dayWall === undefined || schedule.holidays.includes(localDate)) return false;
  const texts = textsOn(hours, dayWall);
  if (texts.length === 0) return false;
  const clock = clockFor(schedule, dayWall, clocks);
  if (!clock) return false;
  return texts.some((text) => {
    const range = parseTimeRange(text);
    return range !== undefined && rangeInstants(clock, dayWall, range) !== undefined;
  });
}

/** The local date `YYYY-MM-DD` of an instant in a service's time zone, or undefined for an unknown zone. */
export function localDateOf(schedule: IntakeSchedule, at: Date, clocks?: ZoneClocks): string | undefined {
  const atMs = at.getTime();
  if (Number.isNaN(atMs)) return undefined;
  const clock = clockFor(schedule, atMs, clocks);
  return clock ? formatLocalDate(clock.toWall(atMs)) : undefined;
}
