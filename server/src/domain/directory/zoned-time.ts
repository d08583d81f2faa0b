/**
 * IANA time-zone arithmetic without a date library, for intake hours.
 *
 * "Wall" milliseconds encode a local date and time as if it were UTC (`Date.UTC(y, m - 1, d, h, mi)`), so
 * local calendar arithmetic is plain integer arithmetic. Offsets come from `Intl.DateTimeFormat`: one cached
 * formatter per time zone (constructing formatters is the expensive part), and a `ZoneClock` that learns a
 * zone's offset transitions over a span once, so later conversions inside the span are arithmetic only.
 *
 * Local times that do not exist or exist twice (daylight-saving changes) are resolved by the caller's
 * choice of `pick`:
 * - a time skipped by a spring-forward gap resolves to the transition instant, whatever `pick` says
 *   (02:30 on a US spring-forward day becomes 03:00 daylight time);
 * - a time that occurs twice resolves to the earlier or the later instant as asked. Intake hours use
 *   `later` for an opening and `earlier` for a closing: the stricter reading, never open when it may not be.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const SAMPLE_STEP_MS = 6 * 3_600_000;
/**
 * Extra coverage on both sides of a clock's span: conversions look a day either side of a wall time, and
 * wall times run up to 14 hours away from their instants, so without it they would fall back to Intl.
 */
const SPAN_MARGIN_MS = 3 * DAY_MS;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The cached formatter of a time zone, or undefined for a zone this runtime does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter ?? undefined;
}

export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

/** Offset (wall − instant) in milliseconds at an instant, straight from Intl. */
function intlOffsetMs(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(instantMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wall - wholeSecond;
}

/**
 * A zone's offsets over a span (plus `SPAN_MARGIN_MS` each side): segments starting at each transition.
 * Outside that it asks Intl, which is correct but slow.
 */
export class ZoneClock {
  private readonly starts: number[] = [];
  private readonly offsets: number[] = [];

  private readonly coveredStartMs: number;
  private readonly coveredEndMs: number;
  /** The one offset of the covered span when it has no transition (the common case): a fast path. */
  private readonly fixedOffset: number | undefined;

  constructor(
    private readonly formatter: Intl.DateTimeFormat,
    spanStartMs: number,
    spanEndMs: number,
  ) {
    this.coveredStartMs = spanStartMs - SPAN_MARGIN_MS;
    let previous = intlOffsetMs(formatter, this.coveredStartMs);
    this.starts.push(this.coveredStartMs);
    this.offsets.push(previous);
    let t = this.coveredStartMs;
    while (t < spanEndMs + SPAN_MARGIN_MS) {
      t += SAMPLE_STEP_MS;
      const offset = intlOffsetMs(formatter, t);
      if (offset !== previous) {
        this.starts.push(this.firstInstantWithOffset(t - SAMPLE_STEP_MS, t, offset, true));
        this.offsets.push(offset);
        previous = offset;
      }
    }
    this.coveredEndMs = t;
    this.fixedOffset = this.offsets.length === 1 ? previous : undefined;
  }

  /** Offset (wall − instant) at an instant. */
  offsetAt(instantMs: number): number {
    if (instantMs < this.coveredStartMs || instantMs > this.coveredEndMs) {
      return intlOffsetMs(this.formatter, instantMs);
    }
    if (this.fixedOffset !== undefined) return this.fixedOffset;
    let offset = this.offsets[0] ?? 0;
    for (let i = 1; i < this.starts.length; i++) {
      const start = this.starts[i];
      if (start === undefined || start > instantMs) break;
      offset = this.offsets[i] ?? offset;
    }
    return offset;
  }

  toWall(instantMs: number): number {
    return instantMs + this.offsetAt(instantMs);
  }

  /** The instant of a local wall time; see the module comment for skipped and repeated times. */
  toInstant(wallMs: number, pick: 'earlier' | 'later'): number {
    if (this.fixedOffset !== undefined) {
      const instant = wallMs - this.fixedOffset;
      if (instant - DAY_MS >= this.coveredStartMs && instant + DAY_MS <= this.coveredEndMs) return instant;
    }
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    const a = wallMs - before;
    const b = wallMs - after;
    const aValid = this.offsetAt(a) === before;
    const bValid = before !== after && this.offsetAt(b) === after;
    if (aValid && bValid) return pick === 'earlier' ? Math.min(a, b) : Math.max(a, b);
    if (aValid) return a;
    if (bValid) return b;
    // Skipped by a gap: the transition lies between the two candidates.
    return this.firstInstantWithOffset(Math.min(a, b), Math.max(a, b), after, false);
  }

  /**
   * Binary search for the first instant in (lo, hi] whose offset is `target`, to the whole second
   * (offsets are constant within a second: transitions fall on whole seconds).
   */
  private firstInstantWithOffset(lo: number, hi: number, target: number, intl: boolean): number {
    let low = Math.floor(lo / 1000);
    let high = Math.ceil(hi / 1000);
    while (high - low > 1) {
      const mid = low + Math.floor((high - low) / 2);
      const offset = intl ? intlOffsetMs(this.formatter, mid * 1000) : this.offsetAt(mid * 1000);
      if (offset === target) high = mid;
      else low = mid;
    }
    return high * 1000;
  }
}

/** Builds a clock for a zone covering [spanStartMs, spanEndMs], or undefined for an unknown zone. */
export function createZoneClock(
  timeZone: string,
  spanStartMs: number,
  spanEndMs: number,
): ZoneClock | undefined {
  const formatter = formatterFor(timeZone);
  return formatter ? new ZoneClock(formatter, spanStartMs, spanEndMs) : undefined;
}

/** Clocks built for earlier matches, by zone and whole-day span; at most `SHARED_CLOCKS_MAX` are kept. */
const sharedClocks = new Map<string, ZoneClock | undefined>();
const SHARED_CLOCKS_MAX = 512;

/**
 * One clock per time zone over one span, shared by all services of a match. The span is widened to whole
 * UTC days, so every match of the same day reuses the clocks built by the first (a clock is immutable and
 * correct over its span; building one asks Intl a few dozen times).
 */
export class ZoneClocks {
  private readonly clocks = new Map<string, ZoneClock | undefined>();
  readonly spanStartMs: number;
  readonly spanEndMs: number;

  constructor(spanStartMs: number, spanEndMs: number) {
    this.spanStartMs = Math.floor(spanStartMs / DAY_MS) * DAY_MS;
    this.spanEndMs = Math.ceil(spanEndMs / DAY_MS) * DAY_MS;
  }

  get(timeZone: string): ZoneClock | undefined {
    if (this.clocks.has(timeZone)) return this.clocks.get(timeZone);
    const key = `${timeZone}|${this.spanStartMs}|${this.spanEndMs}`;
    let clock: ZoneClock | undefined;
    if (sharedClocks.has(key)) clock = sharedClocks.get(key);
    else {
      clock = createZoneClock(timeZone, this.spanStartMs, this.spanEndMs);
      if (sharedClocks.size >= SHARED_CLOCKS_MAX) sharedClocks.clear();
      sharedClocks.set(key, clock);
    }
    this.clocks.set(timeZone, clock);
    return clock;
  }
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall milliseconds of local midnight of a `YYYY-MM-DD` date, or undefined if it is not a real date. */
export function parseLocalDate(text: string): number | undefined {
  const match = LOCAL_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, day);
  const date = new Date(wall);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return wall;
}

const localDates = new Map<number, string>();
const LOCAL_DATE_CACHE_LIMIT = 4096;

/** `YYYY-MM-DD` of the local day a wall time falls on (memoized per day: it runs in the match hot loop). */
export function formatLocalDate(wallMs: number): string {
  const day = Math.floor(wallMs / DAY_MS);
  let text = localDates.get(day);
  if (text === undefined) {
    const date = new Date(day * DAY_MS);
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const dayOfMonth = String(date.getUTCDate()).padStart(2, '0');
    text = `${String(date.getUTCFullYear()).padStart(4, '0')}-${month}-${dayOfMonth}`;
    if (localDates.size >= LOCAL_DATE_CACHE_LIMIT) localDates.clear();
    localDates.set(day, text);
  }
  return text;
}

/** `HH:MM` of a wall time. */
export function formatLocalTime(wallMs: number): string {
  const minutes = Math.floor((((wallMs % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Local midnight of the day a wall time falls on. */
export function startOfWallDay(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/** Index into `WEEKDAYS` (0 = Monday) of the day a wall time falls on. 1970-01-01 was a Thursday (3). */
export function wallWeekdayIndex(wallMs: number): number {
  return (((Math.floor(wallMs / DAY_MS) + 3) % 7) + 7) % 7;
}
