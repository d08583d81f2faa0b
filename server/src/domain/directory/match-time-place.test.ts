/** Matching rules: intake hours and the target window, distance and service area, and scoring. */
import { describe, expect, it } from 'vitest';
import { evaluateService, matchServices } from './match.ts';
import type { MatchNeed } from './need.ts';
import { CONFLICT_POINTS, FIT_POINTS, WARNING_POINTS } from './reasons.ts';
import { OTHER_NEEDS } from './vocabulary.ts';
import {
  BOSTON_HOME,
  codes,
  HOUR_MS,
  ids,
  makeService,
  NOW,
  only,
  options,
  window,
} from './test-fixtures.ts';

describe('intake hours and the target window', () => {
  const saturday10 = new Date('2024-06-15T14:00:00Z'); // Saturday 10:00 EDT
  const weekdaysOnly = makeService('weekdays');

  it('rules out a service closed throughout the window', () => {
    const need: MatchNeed = {
      intakeWindow: { from: saturday10, to: new Date(saturday10.getTime() + 24 * HOUR_MS) },
    };
    const result = evaluateService(need, weekdaysOnly, { now: saturday10 });
    expect(result.conflicts[0]).toMatchObject({
      code: 'closed_during_window',
      message:
        'closed for intake from 2024-06-15 10:00 America/New_York to 2024-06-16 10:00 America/New_York',
    });
    expect(result.nextOpenAt?.toISOString()).toBe('2024-06-17T12:00:00.000Z');
  });

  it('keeps it with a warning when it opens later in a 72-hour window but not on the discharge date', () => {
    const need: MatchNeed = {
      intakeWindow: { from: saturday10, to: new Date(saturday10.getTime() + 72 * HOUR_MS) },
    };
    const result = evaluateService(need, weekdaysOnly, { now: saturday10 });
    expect(result.conflicts).toEqual([]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'closed_on_discharge_date', params: { date: '2024-06-15' } }),
    );
    expect(result.fits).toContainEqual(
      expect.objectContaining({
        code: 'opens_in_window',
        message: 'open for intake within the window, next at 2024-06-17 08:00 America/New_York',
      }),
    );
  });

  it('counts holidays: closed on every day of the window is a conflict', () => {
    const need: MatchNeed = { intakeWindow: window(0, 48) };
    const holidays = makeService('holidays', { holidays: ['2024-06-12', '2024-06-13', '2024-06-14'] });
    expect(codes(only(need, holidays).conflicts)).toEqual(['closed_during_window']);
  });

  it('searches from discharge, not from now, and treats the window end as exclusive', () => {
    const need: MatchNeed = { intakeWindow: window(24, 21) }; // Thursday 10:00 → Friday 07:00
    const result = only(need, weekdaysOnly);
    expect(result.nextOpenAt?.toISOString()).toBe('2024-06-13T14:00:00.000Z');
    const edge: MatchNeed = {
      intakeWindow: { from: new Date('2024-06-12T22:00:00Z'), to: new Date('2024-06-13T12:00:00Z') },
    };
    expect(codes(only(edge, weekdaysOnly).conflicts)).toEqual(['closed_during_window']);
  });

  it('warns instead of ruling out when hours are not published', () => {
    const unknown = makeService('unknown', { intakeHours: undefined });
    const result = only({ intakeWindow: window(0) }, unknown);
    expect(result.conflicts).toEqual([]);
    expect(codes(result.warnings)).toContain('hours_unknown');
    expect(result.nextOpenAt).toBeUndefined();
  });

  it('rules out every service with known hours for an empty or invalid window', () => {
    const empty: MatchNeed = { intakeWindow: { from: NOW, to: NOW } };
    const invalid: MatchNeed = { intakeWindow: { from: NOW, to: new Date(Number.NaN) } };
    expect(codes(only(empty, weekdaysOnly).conflicts)).toEqual(['closed_during_window']);
    expect(codes(only(invalid, weekdaysOnly).conflicts)).toEqual(['closed_during_window']);
    expect(only(invalid, weekdaysOnly).conflicts[0]?.message).toContain('an invalid time');
  });

  it('says why hours are unknown when the time zone is not known', () => {
    const result = only({ intakeWindow: window(0) }, makeService('tz', { timezone: 'Mars/Olympus' }));
    expect(result.warnings).toContainEqual({
      code: 'hours_unknown',
      message: 'intake hours cannot be read: unknown time zone "Mars/Olympus"',
    });
    expect(result.conflicts).toEqual([]);
  });

  it('ranks walk-in and same-day intake above a plain clinic within a 72-hour window', () => {
    const need: MatchNeed = {
      medication: { name: 'buprenorphine', phase: 'start' },
      intakeWindow: window(2),
    };
    const plain = makeService('a-plain');
    const walkIn = makeService('z-walk-in', { policies: { walkIn: true, sameDayIntake: true } });
    const nextDay = makeService('m-next-day', { policies: { nextDayIntake: true } });
    expect(ids(matchServices(need, [plain, nextDay, walkIn], options))).toEqual([
      'z-walk-in',
      'm-next-day',
      'a-plain',
    ]);
    expect(codes(only(need, walkIn).fits)).toEqual(expect.arrayContaining(['walk_in', 'same_day_intake']));
  });

  it('gives no speed fits to a service closed throughout the window', () => {
    const closed = makeService('closed', {
      policies: { walkIn: true, sameDayIntake: true },
      intakeHours: {},
    });
    const result = only({ intakeWindow: window(0) }, closed);
    expect(codes(result.fits)).not.toContain('walk_in');
    expect(codes(result.conflicts)).toEqual(['closed_during_window']);
  });
});

describe('distance and service area', () => {
  it('reports distance, warns beyond the far limit, and ranks the nearer first on equal scores', () => {
    const near = makeService('b-near', { location: { lat: 42.35, lon: -71.06 } });
    const far = makeService('a-far', { location: { lat: 42.1, lon: -72.6 } }); // Springfield, MA
    const results = matchServices({ home: BOSTON_HOME }, [far, near], options);
    expect(ids(results)).toEqual(['b-near', 'a-far']);
    expect(results[0]?.distanceKm).toBeLessThan(3);
    expect(codes(results[1]?.warnings ?? [])).toContain('far_away');
    const lenient = { now: NOW, farDistanceKm: 200 };
    expect(codes(evaluateService({ home: BOSTON_HOME }, far, lenient).warnings)).not.toContain('far_away');
    const tied = matchServices({ home: BOSTON_HOME }, [far, near], lenient);
    expect(tied[0]?.score).toBe(tied[1]?.score);
    expect(ids(tied)).toEqual(['b-near', 'a-far']);
  });

  it('checks the service area by radius or ZIP, softly', () => {
    const inZip = makeService('zip', {
      location: { lat: 42.1, lon: -72.6, serviceArea: { zips: ['02118'] } },
    });
    const outside = makeService('radius', {
      location: { lat: 42.1, lon: -72.6, serviceArea: { radiusKm: 20 } },
    });
    expect(codes(only({ home: BOSTON_HOME }, inZip).fits)).toContain('in_service_area');
    expect(codes(only({ home: BOSTON_HOME }, outside).warnings)).toContain('outside_service_area');
    expect(only({ home: BOSTON_HOME }, outside).conflicts).toEqual([]);
    const noZip = { lat: BOSTON_HOME.lat, lon: BOSTON_HOME.lon };
    expect(codes(only({ home: noZip }, inZip).warnings)).toContain('service_area_unconfirmed');
  });

  it('warns about a missing location unless the service offers telehealth, and sorts it last', () => {
    const nowhere = makeService('a-nowhere', { location: undefined });
    const tele = makeService('tele', { location: undefined, policies: { telehealth: true } });
    expect(codes(only({ home: BOSTON_HOME }, nowhere).warnings)).toContain('location_unknown');
    expect(codes(only({ home: BOSTON_HOME }, tele).warnings)).not.toContain('location_unknown');
    const results = matchServices({ home: BOSTON_HOME }, [nowhere, makeService('z-here')], options);
    expect(results.map((result) => result.distanceKm === undefined)).toEqual([false, true]);
  });
});

describe('scoring', () => {
  it('is fit points minus warning points minus conflict points', () => {
    const need: MatchNeed = {
      medication: { name: 'buprenorphine', phase: 'start' },
      age: 70,
      intakeWindow: window(0),
    };
    const service = makeService('s', {
      eligibility: { maxAge: 64 },
      policies: { walkIn: true, prerequisites: ['photo_id'] },
    });
    const result = only(need, service);
    const expected =
      result.fits.reduce((sum, reason) => sum + FIT_POINTS[reason.code as keyof typeof FIT_POINTS], 0) -
      result.warnings.reduce(
        (sum, reason) => sum + WARNING_POINTS[reason.code as keyof typeof WARNING_POINTS],
        0,
      ) -
      result.conflicts.length * CONFLICT_POINTS;
    expect(result.score).toBe(expected);
    expect(codes(result.conflicts)).toEqual(['age_not_eligible']);
  });

  it('keeps any conflicted service below every clean one (points are bounded)', () => {
    const sum = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);
    // offers_need can repeat once per other need (8 of them); every other reason appears at most once.
    const bestFits = sum(FIT_POINTS) + FIT_POINTS.offers_need * (OTHER_NEEDS.length - 1);
    expect(bestFits - CONFLICT_POINTS).toBeLessThan(-sum(WARNING_POINTS));
  });

  it('breaks ties by name, then id', () => {
    const results = matchServices(
      {},
      [
        makeService('2', { name: 'Same' }),
        makeService('1', { name: 'same' }),
        makeService('0', { name: 'Same' }),
      ],
      options,
    );
    expect(ids(results)).toEqual(['0', '2', '1']);
  });

  it('never returns a service with a conflict unless asked', () => {
    const results = matchServices(
      { age: 70 },
      [makeService('a', { eligibility: { maxAge: 64 } }), makeService('b')],
      options,
    );
    expect(ids(results)).toEqual(['b']);
  });
});
