/**
 * Time helpers of the demo history, in the local time of the network's zone: instants kept to the whole
 * minute, working hours, the navigator's next-morning call and the first intake slot of a service.
 */
import { WEEKDAYS } from '../directory/vocabulary.ts';
import {
  DAY_MS,
  formatLocalDate,
  MINUTE_MS,
  startOfWallDay,
  wallWeekdayIndex,
  type ZoneClock,
} from '../directory/zoned-time.ts';
import type { Prng } from './prng.ts';
import type { DemoService } from './services.ts';

export const HOUR_MS = 3_600_000;
/** A month: a twelfth of the average year. */
export const MONTH_MS = Math.round((365.25 / 12) * DAY_MS);

/** Instants are kept to the whole minute, as people record them. */
export const toMinute = (ms: number) => Math.round(ms / MINUTE_MS) * MINUTE_MS;

/** Moves an instant into working hours (08:00–18:00 local; weekdays unless the service works weekends). */
export function workingTime(clock: ZoneClock, ms: number, everyDay: boolean, rng: Prng): number {
  const wall = clock.toWall(ms);
  const minutes = (wall - startOfWallDay(wall)) / MINUTE_MS;
  const workday = (w: number) => everyDay || wallWeekdayIndex(w) < 5;
  if (workday(wall) && minutes >= 8 * 60 && minutes < 18 * 60) return ms;
  let day = startOfWallDay(wall) + (minutes >= 18 * 60 || !workday(wall) ? DAY_MS : 0);
  if (minutes < 8 * 60 && workday(wall)) day = startOfWallDay(wall);
  while (!workday(day)) day += DAY_MS;
  return clock.toInstant(day + 8 * HOUR_MS + rng.int(0, 150) * MINUTE_MS, 'later');
}

/** The next morning (08:00–11:00 local) after an instant: the navigator's follow-up call. */
export function nextMorning(clock: ZoneClock, ms: number, rng: Prng): number {
  const wall = clock.toWall(ms);
  return clock.toInstant(startOfWallDay(wall) + DAY_MS + 8 * HOUR_MS + rng.int(0, 180) * MINUTE_MS, 'later');
}

/** An appointment time in the service's intake hours at or after `earliest` (15-minute grid; holidays skipped). */
export function intakeSlot(clock: ZoneClock, service: DemoService, earliest: number, rng: Prng): number {
  const wall = clock.toWall(earliest);
  const holidays = new Set(service.holidays);
  for (let d = 0; d < 21; d++) {
    const day = startOfWallDay(wall) + d * DAY_MS;
    if (holidays.has(formatLocalDate(day))) continue;
    const ranges =
      service.intakeHours?.[WEEKDAYS[wallWeekdayIndex(day)] ?? 'mon'] ??
      (service.intakeHours ? [] : ['09:00-17:00']);
    for (const range of ranges) {
      const [from, to] = range.split('-').map(minutesOf);
      if (from === undefined || to === undefined) continue;
      const open = day + from * MINUTE_MS;
      const close = day + to * MINUTE_MS - 30 * MINUTE_MS;
      const start = Math.ceil(Math.max(open, wall) / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
      if (start > close) continue;
      const slots = Math.floor(Math.min(close - start, 3 * HOUR_MS) / (15 * MINUTE_MS));
      return clock.toInstant(start + rng.int(0, slots) * 15 * MINUTE_MS, 'later');
    }
  }
  return toMinute(earliest);
}

function minutesOf(hhmm: string): number | undefined {
  const [h, m] = hhmm.split(':').map(Number);
  return h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m) ? undefined : h * 60 + m;
}
