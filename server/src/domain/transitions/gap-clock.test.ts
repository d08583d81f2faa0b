/**
 * The coverage-gap clock: the journey (with coverage end computed from the plan), the 24-hour
 * at-risk boundary, hours rounded up, and the states that must win (linked) or must never read as covered
 * (no plan).
 */
import { describe, expect, it } from 'vitest';
import { coverageEnd } from './coverage.ts';
import type { MoudPlan } from './coverage.ts';
import { AT_RISK_HOURS, gapClock } from './gap-clock.ts';

const NY = 'America/New_York';
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

const bridge7: MoudPlan = {
  medication: 'buprenorphine',
  formulation: 'sublingual_film',
  dose: '16 mg daily',
  firstDoseAt: null,
  lastDoseAt: null,
  bridge: { kind: 'prescription', days: 7, doses: null },
  naloxoneGiven: true,
  notes: null,
};

describe('gapClock: the issue’s journey', () => {
  // Day 0 = 1 April 2026 (no daylight-saving change in the next ten days), discharged 10:00 local.
  const dischargedAt = at('2026-04-01T14:00:00Z');
  const end = coverageEnd({ plan: bridge7, dischargedAt, expectedDischargeAt: null, timeZone: NY });
  const now = plus(dischargedAt, 2 * HOUR);

  it('coverage of a 7-day bridge ends at local midnight starting day 7', () => {
    expect(end?.toISOString()).toBe('2026-04-08T04:00:00.000Z');
  });

  it('an appointment on day 9 at 10:00 local leaves a 58-hour gap', () => {
    const firstAppointmentAt = at('2026-04-10T14:00:00Z');
    expect(gapClock({ coverageEnd: end, firstAppointmentAt, linked: false, now })).toEqual({
      state: 'gap',
      coverageEnd: end,
      firstAppointmentAt,
      gapHours: 58,
    });
  });

  it('moved to day 5, the appointment is covered', () => {
    const firstAppointmentAt = at('2026-04-06T14:00:00Z');
    expect(gapClock({ coverageEnd: end, firstAppointmentAt, linked: false, now })).toEqual({
      state: 'covered',
      coverageEnd: end,
      firstAppointmentAt,
      gapHours: 0,
    });
  });

  it('once the first visit is attended the clock stops at linked', () => {
    const firstAppointmentAt = at('2026-04-10T14:00:00Z');
    expect(gapClock({ coverageEnd: end, firstAppointmentAt, linked: true, now })).toMatchObject({
      state: 'linked',
      gapHours: 0,
    });
  });

  it('counts elapsed hours when the daylight-saving change falls in the gap (57, not 58)', () => {
    // Day 0 = 1 March: coverage ends 8 March 00:00 EST, the appointment is 10 March 10:00 EDT.
    const marchEnd = coverageEnd({
      plan: bridge7,
      dischargedAt: at('2026-03-01T15:00:00Z'),
      expectedDischargeAt: null,
      timeZone: NY,
    });
    const clock = gapClock({
      coverageEnd: marchEnd,
      firstAppointmentAt: at('2026-03-10T14:00:00Z'),
      linked: false,
      now: at('2026-03-01T16:00:00Z'),
    });
    expect(clock).toMatchObject({ state: 'gap', gapHours: 57 });
  });
});

describe('gapClock: no appointment yet', () => {
  const coverage = at('2026-04-08T04:00:00Z');
  const clock = (now: Date) =>
    gapClock({ coverageEnd: coverage, firstAppointmentAt: null, linked: false, now });

  it('is at risk when coverage ends within 24 hours', () => {
    expect(AT_RISK_HOURS).toBe(24);
    expect(clock(plus(coverage, -23 * HOUR))).toEqual({
      state: 'at_risk',
      coverageEnd: coverage,
      firstAppointmentAt: null,
      gapHours: 0,
    });
    expect(clock(plus(coverage, -1))).toMatchObject({ state: 'at_risk', gapHours: 0 });
  });

  it('is pending with more than 24 hours left', () => {
    expect(clock(plus(coverage, -25 * HOUR))).toEqual({
      state: 'pending',
      coverageEnd: coverage,
      firstAppointmentAt: null,
      gapHours: 0,
    });
    expect(clock(plus(coverage, -24 * HOUR - 1))).toMatchObject({ state: 'pending' });
  });

  it('exactly 24 hours left is already at risk', () => {
    expect(clock(plus(coverage, -24 * HOUR))).toMatchObject({ state: 'at_risk', gapHours: 0 });
  });

  it('after coverage end, at risk with hours since the end, growing and rounded up', () => {
    expect(clock(coverage)).toMatchObject({ state: 'at_risk', gapHours: 0 });
    expect(clock(plus(coverage, 1))).toMatchObject({ state: 'at_risk', gapHours: 1 });
    expect(clock(plus(coverage, HOUR))).toMatchObject({ state: 'at_risk', gapHours: 1 });
    expect(clock(plus(coverage, 90 * 60_000))).toMatchObject({ state: 'at_risk', gapHours: 2 });
    expect(clock(plus(coverage, 30 * HOUR))).toMatchObject({ state: 'at_risk', gapHours: 30 });
    expect(clock(plus(coverage, 10 * 24 * HOUR))).toMatchObject({ state: 'at_risk', gapHours: 240 });
  });
});

describe('gapClock: with an appointment', () => {
  const coverage = at('2026-04-08T04:00:00Z');
  const now = at('2026-04-02T12:00:00Z');
  const clock = (firstAppointmentAt: Date) =>
    gapClock({ coverageEnd: coverage, firstAppointmentAt, linked: false, now });

  it('a 30-minute gap is still a gap of 1 hour', () => {
    expect(clock(plus(coverage, 30 * 60_000))).toMatchObject({ state: 'gap', gapHours: 1 });
  });

  it('one millisecond after coverage end is a gap; at coverage end it is covered', () => {
    expect(clock(plus(coverage, 1))).toMatchObject({ state: 'gap', gapHours: 1 });
    expect(clock(coverage)).toMatchObject({ state: 'covered', gapHours: 0 });
  });

  it('whole hours are not rounded further', () => {
    expect(clock(plus(coverage, 3 * HOUR))).toMatchObject({ state: 'gap', gapHours: 3 });
    expect(clock(plus(coverage, 3 * HOUR + 1))).toMatchObject({ state: 'gap', gapHours: 4 });
  });

  it('an appointment decides, whatever the time now: a gap is not at risk, covered is not pending', () => {
    const gapLater = plus(coverage, 5 * HOUR);
    for (const moment of [plus(coverage, -48 * HOUR), plus(coverage, -2 * HOUR), plus(coverage, 2 * HOUR)]) {
      expect(
        gapClock({ coverageEnd: coverage, firstAppointmentAt: gapLater, linked: false, now: moment }),
      ).toMatchObject({ state: 'gap', gapHours: 5 });
    }
    expect(
      gapClock({
        coverageEnd: coverage,
        firstAppointmentAt: plus(coverage, -72 * HOUR),
        linked: false,
        now: plus(coverage, -100 * HOUR),
      }),
    ).toMatchObject({ state: 'covered' });
  });
});

describe('gapClock: linked and no plan', () => {
  const coverage = at('2026-04-08T04:00:00Z');

  it('linked wins over a gap, at risk and no plan', () => {
    const base = { linked: true, now: plus(coverage, 5 * HOUR) };
    expect(
      gapClock({ ...base, coverageEnd: coverage, firstAppointmentAt: plus(coverage, 9 * HOUR) }),
    ).toMatchObject({
      state: 'linked',
      gapHours: 0,
    });
    expect(gapClock({ ...base, coverageEnd: coverage, firstAppointmentAt: null })).toMatchObject({
      state: 'linked',
      gapHours: 0,
    });
    expect(gapClock({ ...base, coverageEnd: null, firstAppointmentAt: null })).toEqual({
      state: 'linked',
      coverageEnd: null,
      firstAppointmentAt: null,
      gapHours: 0,
    });
  });

  it('no coverage end is no_plan, never covered, even with an appointment booked', () => {
    const firstAppointmentAt = at('2026-04-03T14:00:00Z');
    expect(
      gapClock({ coverageEnd: null, firstAppointmentAt, linked: false, now: at('2026-04-02T12:00:00Z') }),
    ).toEqual({
      state: 'no_plan',
      coverageEnd: null,
      firstAppointmentAt,
      gapHours: 0,
    });
    expect(
      gapClock({
        coverageEnd: null,
        firstAppointmentAt: null,
        linked: false,
        now: at('2026-04-02T12:00:00Z'),
      }),
    ).toMatchObject({ state: 'no_plan', gapHours: 0 });
  });

  it('stops for a transition closed without a link, whatever the coverage', () => {
    expect(
      gapClock({
        coverageEnd: new Date('2026-03-01T05:00:00Z'),
        firstAppointmentAt: null,
        linked: false,
        closed: true,
        now: new Date('2026-03-20T12:00:00Z'),
      }),
    ).toMatchObject({ state: 'closed', gapHours: 0 });
  });
});
