import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTAKE_SEARCH_DAYS,
  isOpenOn,
  localDateOf,
  nextIntakeOpening,
  parseTimeRange,
  scheduleProblems,
} from './hours.ts';
import type { IntakeSchedule } from './hours.ts';
import type { WeeklyHours } from './service.ts';
import { WEEKDAYS } from './vocabulary.ts';

const NY = 'America/New_York';
const schedule = (
  intakeHours: WeeklyHours | undefined,
  holidays: string[] = [],
  timezone = NY,
): IntakeSchedule => ({
  timezone,
  intakeHours,
  holidays,
});
const at = (iso: string) => new Date(iso);
const iso = (date: Date | undefined) => date?.toISOString();

describe('parseTimeRange', () => {
  it('reads HH:MM-HH:MM with 24:00 as an end', () => {
    expect(parseTimeRange('08:00-16:30')).toEqual({ start: 480, end: 990 });
    expect(parseTimeRange(' 00:00-24:00 ')).toEqual({ start: 0, end: 1440 });
  });

  it('rejects bad formats, empty and midnight-crossing ranges', () => {
    for (const bad of [
      '8:00-16:00',
      '08:00-08:00',
      '22:00-02:00',
      '24:00-24:00',
      '08:60-09:00',
      '24:30-24:45',
      'x',
    ]) {
      expect(parseTimeRange(bad), bad).toBeUndefined();
    }
  });
});

describe('scheduleProblems', () => {
  it('reports unknown zones, bad ranges and bad holidays', () => {
    expect(scheduleProblems(schedule({ mon: ['09:00-17:00'] }, ['2024-07-04']))).toEqual([]);
    const problems = scheduleProblems(schedule({ tue: ['17:00-09:00'] }, ['2024-02-30'], 'Mars/Olympus'));
    expect(problems).toHaveLength(3);
  });
});

describe('nextIntakeOpening', () => {
  const weekdays: WeeklyHours = {
    mon: ['09:00-17:00'],
    tue: ['09:00-17:00'],
    wed: ['09:00-17:00'],
    thu: ['09:00-17:00'],
    fri: ['09:00-17:00'],
  };

  it('returns `from` itself while open, else the next opening in local time', () => {
    // Wednesday 2024-06-12 10:00 EDT = 14:00Z
    expect(iso(nextIntakeOpening(schedule(weekdays), at('2024-06-12T14:00:00Z')))).toBe(
      '2024-06-12T14:00:00.000Z',
    );
    // Wednesday 18:00 EDT → Thursday 09:00 EDT = 13:00Z
    expect(iso(nextIntakeOpening(schedule(weekdays), at('2024-06-12T22:00:00Z')))).toBe(
      '2024-06-13T13:00:00.000Z',
    );
    // Friday 18:00 EDT → Monday 09:00 EDT
    expect(iso(nextIntakeOpening(schedule(weekdays), at('2024-06-14T22:00:00Z')))).toBe(
      '2024-06-17T13:00:00.000Z',
    );
  });

  it('treats the closing time as closed and picks the earliest of several ranges', () => {
    const split = schedule({ wed: ['13:00-16:00', '08:00-10:00'] });
    expect(iso(nextIntakeOpening(split, at('2024-06-12T14:00:00Z')))).toBe('2024-06-12T17:00:00.000Z');
    expect(iso(nextIntakeOpening(split, at('2024-06-12T11:30:00Z')))).toBe('2024-06-12T12:00:00.000Z');
  });

  it('skips holidays (local dates)', () => {
    // Thursday 2024-07-04 closed → Friday 09:00 EDT
    const s = schedule(weekdays, ['2024-07-04']);
    expect(iso(nextIntakeOpening(s, at('2024-07-03T22:00:00Z')))).toBe('2024-07-05T13:00:00.000Z');
  });

  it('uses the local date of the service, not of UTC', () => {
    // 2024-06-13T02:00Z is still Wednesday 22:00 in New York; Wednesday-only hours 21:00-23:00
    const s = schedule({ wed: ['21:00-23:00'] });
    expect(iso(nextIntakeOpening(s, at('2024-06-13T02:00:00Z')))).toBe('2024-06-13T02:00:00.000Z');
    expect(localDateOf(s, at('2024-06-13T02:00:00Z'))).toBe('2024-06-12');
  });

  it('honours spring forward in America/New_York (2024-03-10)', () => {
    const sunday = schedule({ sun: ['08:00-12:00'] });
    // 00:00 EST (UTC−5) on the change day; the opening is 08:00 EDT (UTC−4) = 12:00Z, not 13:00Z
    expect(iso(nextIntakeOpening(sunday, at('2024-03-10T05:00:00Z')))).toBe('2024-03-10T12:00:00.000Z');
    // Saturday noon EST → Monday 09:00 EDT
    expect(iso(nextIntakeOpening(schedule(weekdays), at('2024-03-09T17:00:00Z')))).toBe(
      '2024-03-11T13:00:00.000Z',
    );
  });

  it('opens a range that starts inside the spring-forward gap at the transition', () => {
    const s = schedule({ sun: ['02:30-04:00'] });
    // 02:30 does not exist on 2024-03-10: the clock jumps from 02:00 EST to 03:00 EDT = 07:00Z
    expect(iso(nextIntakeOpening(s, at('2024-03-10T05:00:00Z')))).toBe('2024-03-10T07:00:00.000Z');
  });

  it('treats a range wholly inside the gap as no opening', () => {
    const s = schedule({ sun: ['02:00-03:00'] });
    expect(iso(nextIntakeOpening(s, at('2024-03-10T05:00:00Z')))).toBe('2024-03-17T06:00:00.000Z');
    expect(isOpenOn(s, '2024-03-10')).toBe(false);
    expect(isOpenOn(s, '2024-03-17')).toBe(true);
  });

  it('honours fall back in America/New_York (2024-11-03)', () => {
    const sunday = schedule({ sun: ['08:00-12:00'] });
    // 00:00 EDT (UTC−4); the opening is 08:00 EST (UTC−5) = 13:00Z
    expect(iso(nextIntakeOpening(sunday, at('2024-11-03T04:00:00Z')))).toBe('2024-11-03T13:00:00.000Z');
    // Friday evening EDT → Monday 09:00 EST = 14:00Z
    expect(iso(nextIntakeOpening(schedule(weekdays), at('2024-11-01T22:00:00Z')))).toBe(
      '2024-11-04T14:00:00.000Z',
    );
  });

  it('opens at the later and closes at the earlier occurrence of a repeated local time', () => {
    // 01:30 happens twice on 2024-11-03: 05:30Z (EDT) and 06:30Z (EST)
    const late = schedule({ sun: ['01:30-03:00'] });
    expect(iso(nextIntakeOpening(late, at('2024-11-03T04:00:00Z')))).toBe('2024-11-03T06:30:00.000Z');
    const early = schedule({ sun: ['00:00-01:30'] });
    expect(iso(nextIntakeOpening(early, at('2024-11-03T05:15:00Z')))).toBe('2024-11-03T05:15:00.000Z');
    expect(iso(nextIntakeOpening(early, at('2024-11-03T05:45:00Z')))).toBe('2024-11-10T05:00:00.000Z');
  });

  it('handles a zone east of UTC and a 30-minute daylight shift (Australia/Lord_Howe)', () => {
    // Lord Howe moves from UTC+10:30 to UTC+11 on 2024-10-06 at 02:00 local
    const s = schedule({ sun: ['09:00-10:00'] }, [], 'Australia/Lord_Howe');
    expect(iso(nextIntakeOpening(s, at('2024-10-05T12:00:00Z')))).toBe('2024-10-05T22:00:00.000Z');
  });

  it('searches at most 14 days', () => {
    const s = schedule({ mon: ['09:00-10:00'] }, ['2024-06-17', '2024-06-24']);
    // Wednesday 2024-06-12: the next Mondays are holidays; 2024-07-01 is 19 days away
    expect(nextIntakeOpening(s, at('2024-06-12T14:00:00Z'))).toBeUndefined();
    const exactly = nextIntakeOpening(
      schedule({ wed: ['10:00-11:00'] }, ['2024-06-19']),
      at('2024-06-12T15:00:00Z'),
    );
    expect(iso(exactly)).toBe('2024-06-26T14:00:00.000Z');
    expect(INTAKE_SEARCH_DAYS).toBe(14);
  });

  it('is undefined without published hours, for an unknown zone, or when never open', () => {
    expect(nextIntakeOpening(schedule(undefined), at('2024-06-12T14:00:00Z'))).toBeUndefined();
    expect(
      nextIntakeOpening(schedule(weekdays, [], 'Nowhere/Zone'), at('2024-06-12T14:00:00Z')),
    ).toBeUndefined();
    expect(nextIntakeOpening(schedule({}), at('2024-06-12T14:00:00Z'))).toBeUndefined();
    expect(nextIntakeOpening(schedule({ mon: ['bad'] }), at('2024-06-12T14:00:00Z'))).toBeUndefined();
  });

  it('supports round-the-clock hours', () => {
    const always = Object.fromEntries(WEEKDAYS.map((day) => [day, ['00:00-24:00']])) as WeeklyHours;
    expect(iso(nextIntakeOpening(schedule(always), at('2024-03-10T07:30:00Z')))).toBe(
      '2024-03-10T07:30:00.000Z',
    );
  });
});

describe('isOpenOn', () => {
  it('is true on a day with hours, false on holidays, closed days and invalid dates', () => {
    const s = schedule({ mon: ['09:00-17:00'] }, ['2024-07-01']);
    expect(isOpenOn(s, '2024-06-17')).toBe(true);
    expect(isOpenOn(s, '2024-06-18')).toBe(false);
    expect(isOpenOn(s, '2024-07-01')).toBe(false);
    expect(isOpenOn(s, '2024-02-30')).toBe(false);
    expect(isOpenOn(schedule(undefined), '2024-06-17')).toBe(false);
  });
});

/**
 * Brute force: scans quarter hours (all ranges, zone offsets and starts below are whole quarter hours),
 * reading the local time straight from Intl.
 */
function bruteForceNext(s: IntakeSchedule, fromMs: number): number | undefined {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: s.timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const days: Record<string, (typeof WEEKDAYS)[number]> = {
    Mon: 'mon',
    Tue: 'tue',
    Wed: 'wed',
    Thu: 'thu',
    Fri: 'fri',
    Sat: 'sat',
    Sun: 'sun',
  };
  for (let t = fromMs; t <= fromMs + INTAKE_SEARCH_DAYS * 86_400_000; t += 15 * 60_000) {
    const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, part.value]));
    const date = `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
    const day = days[parts.weekday ?? ''];
    if (!day || s.holidays.includes(date)) continue;
    const minute = Number(parts.hour) * 60 + Number(parts.minute);
    const open = (s.intakeHours?.[day] ?? []).some((text) => {
      const range = parseTimeRange(text);
      return range !== undefined && minute >= range.start && minute < range.end;
    });
    if (open) return t;
  }
  return undefined;
}

describe('nextIntakeOpening against a minute-by-minute brute force', () => {
  it('agrees across zones and daylight-saving changes (ranges away from the 01:00–03:00 change hours)', () => {
    const zone = fc.constantFrom(
      'America/New_York',
      'America/Phoenix',
      'Europe/London',
      'Asia/Kolkata',
      'America/Los_Angeles',
    );
    const range = fc
      .tuple(fc.integer({ min: 16, max: 88 }), fc.integer({ min: 1, max: 32 }))
      .map(([startQuarter, lengthQuarters]) => {
        const start = startQuarter * 15;
        const length = lengthQuarters * 15;
        const end = Math.min(start + length, 1440);
        const hhmm = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return `${hhmm(start)}-${hhmm(end)}`;
      });
    const hours = fc.dictionary(fc.constantFrom(...WEEKDAYS), fc.array(range, { maxLength: 2 }), {
      maxKeys: 3,
    });
    // Minutes around the 2024 spring and autumn changes in the US and Europe
    const from = fc.constantFrom(
      Date.UTC(2024, 2, 8),
      Date.UTC(2024, 2, 29),
      Date.UTC(2024, 9, 26),
      Date.UTC(2024, 10, 1),
    );
    const offset = fc.integer({ min: 0, max: 4 * 24 * 4 }).map((quarters) => quarters * 15 * 60_000);
    fc.assert(
      fc.property(zone, hours, from, offset, (timezone, intakeHours, base, delta) => {
        const s = schedule(intakeHours as WeeklyHours, [], timezone);
        const expected = bruteForceNext(s, base + delta);
        expect(nextIntakeOpening(s, new Date(base + delta))?.getTime()).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});
