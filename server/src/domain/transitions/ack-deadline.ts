/**
 * The acknowledgement deadline of a referral: by when the partner must answer (accept, decline or book),
 * from the service's promise (`DirectoryService.acknowledgement`). Shown to both sides; the follow-up engine
 * escalates when it passes.
 *
 * Rules, with the choices written down:
 * - No promise stated: 1 business day. Urgent referrals: 2 hours, or the promise if it is shorter (the
 *   stricter reading of "default: 1 business day; urgent: 2 hours").
 * - `minutes` / `hours`: plain elapsed time.
 * - Business days are Monday–Friday in the service's time zone, minus its holidays. `N business_days` is the
 *   same local time of day N business days later (sent Friday 16:00 → Monday 16:00; sent Saturday 10:00 →
 *   Monday 10:00).
 * - `business_hours` count only 09:00–17:00 of business days (sent Friday 16:00 with 2 business hours →
 *   Monday 10:00). Intake hours are not used: they say when patients are seen, not when staff answer.
 */
import type { AcknowledgementPromise } from '../directory/service.ts';
import {
  DAY_MS,
  formatLocalDate,
  MINUTE_MS,
  startOfWallDay,
  wallWeekdayIndex,
  ZoneClocks,
} from '../directory/zoned-time.ts';
import type { Urgency } from './vocabulary.ts';

const HOUR_MS = 60 * MINUTE_MS;
export const DEFAULT_PROMISE: AcknowledgementPromise = { amount: 1, unit: 'business_days' };
export const URGENT_PROMISE: AcknowledgementPromise = { amount: 2, unit: 'hours' };
const BUSINESS_START = 9 * HOUR_MS;
const BUSINESS_END = 17 * HOUR_MS;
/**
 * The search gives up after this many days in a row without business time (a service closed for longer has no
 * real deadline: the end of the search is returned). Open days reset the count, so a long promise is counted
 * in full.
 */
const MAX_WALK_DAYS = 60;

export interface AckDeadlineInput {
  sentAt: Date;
  urgency: Urgency;
  promise: AcknowledgementPromise | undefined;
  timeZone: string;
  holidays: readonly string[];
}

export function ackDeadline(input: AckDeadlineInput): Date {
  const promise = input.promise ?? DEFAULT_PROMISE;
  const routine = deadlineFor(promise, input);
  if (input.urgency === 'routine') return routine;
  const urgent = deadlineFor(URGENT_PROMISE, input);
  return routine.getTime() < urgent.getTime() ? routine : urgent;
}

function deadlineFor(promise: AcknowledgementPromise, input: AckDeadlineInput): Date {
  const sent = input.sentAt.getTime();
  switch (promise.unit) {
    case 'minutes':
      return new Date(sent + promise.amount * MINUTE_MS);
    case 'hours':
      return new Date(sent + promise.amount * HOUR_MS);
    case 'business_days':
    case 'business_hours':
      return businessDeadline(promise, input);
  }
}

function businessDeadline(promise: AcknowledgementPromise, input: AckDeadlineInput): Date {
  const sent = input.sentAt.getTime();
  // Only two conversions are needed (the sending instant to local time, the local deadline back): a clock
  // around the sending day, shared with other deadlines of that day (building one asks Intl a few dozen
  // times); later instants it converts through Intl, still correct.
  const clock = new ZoneClocks(sent - DAY_MS, sent + DAY_MS).get(input.timeZone);
  const toWall = (ms: number) => (clock ? clock.toWall(ms) : ms);
  const toInstant = (wall: number) => new Date(clock ? clock.toInstant(wall, 'earlier') : wall);
  const holidays = new Set(input.holidays);
  const isBusinessDay = (wall: number) => wallWeekdayIndex(wall) < 5 && !holidays.has(formatLocalDate(wall));
  const wallSent = toWall(sent);
  if (promise.unit === 'business_days') {
    let wall = wallSent;
    for (let left = promise.amount, closed = 0; left > 0 && closed < MAX_WALK_DAYS;) {
      wall += DAY_MS;
      if (isBusinessDay(wall)) {
        left--;
        closed = 0;
      } else closed++;
    }
    return toInstant(wall);
  }
  let left = promise.amount * HOUR_MS;
  let day = startOfWallDay(wallSent);
  for (let closed = 0; closed < MAX_WALK_DAYS; day += DAY_MS) {
    const from = Math.max(day + BUSINESS_START, wallSent);
    const until = day + BUSINESS_END;
    if (!isBusinessDay(day) || from >= until) {
      closed++;
      continue;
    }
    closed = 0;
    if (until - from >= left) return toInstant(from + left);
    left -= until - from;
  }
  return toInstant(day);
}
