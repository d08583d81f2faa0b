/**
 * Coverage end from the MOUD plan: whole local days of supply from the discharge day, 24 hours after a last
 * in-hospital dose, 7 or 28 days from an injection day; the latest wins; nothing known → null. Times are
 * checked against the zone itself (through Intl), not only as hard-coded instants.
 */
import { describe, expect, it } from 'vitest';
import { coverageEnd, INJECTION_DAYS, startOfLocalDay } from './coverage.ts';
import type { CoverageInput, MoudPlan } from './coverage.ts';

const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

const bupe = (over: Partial<MoudPlan> = {}): MoudPlan => ({
  medication: 'buprenorphine',
  formulation: 'sublingual_film',
  dose: '16 mg daily',
  firstDoseAt: null,
  lastDoseAt: null,
  bridge: { kind: 'none', days: null, doses: null },
  naloxoneGiven: true,
  notes: null,
  ...over,
});
const prescription = (days: number) => ({ kind: 'prescription' as const, days, doses: null });
const methadone = (doses: number, lastDoseAt: Date | null = null): MoudPlan =>
  bupe({
    medication: 'methadone',
    formulation: 'oral_liquid',
    dose: '30 mg daily',
    lastDoseAt,
    bridge: { kind: 'methadone_72h', days: null, doses },
  });
const injection = (formulation: MoudPlan['formulation'], givenAt: Date, medication: MoudPlan['medication']) =>
  bupe({
    medication,
    formulation,
    lastDoseAt: givenAt,
    bridge: { kind: 'injection', days: null, doses: null },
  });

const end = (input: Partial<CoverageInput> & { plan: MoudPlan | null }) =>
  iso(coverageEnd({ dischargedAt: null, expectedDischargeAt: null, timeZone: NY, ...input }));

/** The local date and time of an instant in a zone, e.g. "2026-03-12 00:00", straight from Intl. */
function localWall(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

describe('coverageEnd: bridge prescription', () => {
  it('7 days from discharge on 1 March 10:00 (New York) ends at local midnight starting 8 March', () => {
    const result = end({ plan: bupe({ bridge: prescription(7) }), dischargedAt: at('2026-03-01T15:00:00Z') });
    expect(result).toBe('2026-03-08T05:00:00.000Z');
    expect(localWall(at(result ?? ''), NY)).toBe('2026-03-08 00:00');
  });

  it('counts the discharge day as the first day, whatever the hour of discharge', () => {
    const plan = bupe({ bridge: prescription(7) });
    expect(end({ plan, dischargedAt: at('2026-04-01T04:30:00Z') })).toBe('2026-04-08T04:00:00.000Z'); // 00:30 local
    expect(end({ plan, dischargedAt: at('2026-04-02T03:30:00Z') })).toBe('2026-04-08T04:00:00.000Z'); // 23:30 local
  });

  it('takes the discharge day in the hospital’s zone, not in UTC', () => {
    // 23:30 on 28 February in New York is already 1 March in UTC.
    const plan = bupe({ bridge: prescription(7) });
    expect(end({ plan, dischargedAt: at('2026-03-01T04:30:00Z') })).toBe('2026-03-07T05:00:00.000Z');
    expect(end({ plan, dischargedAt: at('2026-03-01T04:30:00Z'), timeZone: 'UTC' })).toBe(
      '2026-03-08T00:00:00.000Z',
    );
    expect(end({ plan, dischargedAt: at('2026-04-01T17:00:00Z'), timeZone: 'America/Los_Angeles' })).toBe(
      '2026-04-08T07:00:00.000Z',
    );
  });

  it('a 1-day and a 30-day supply', () => {
    const dischargedAt = at('2026-04-01T14:00:00Z');
    expect(end({ plan: bupe({ bridge: prescription(1) }), dischargedAt })).toBe('2026-04-02T04:00:00.000Z');
    expect(end({ plan: bupe({ bridge: prescription(30) }), dischargedAt })).toBe('2026-05-01T04:00:00.000Z');
  });

  it('uses the expected discharge while the patient is still in hospital, the actual one once known', () => {
    const plan = bupe({ bridge: prescription(7) });
    const expectedDischargeAt = at('2026-04-03T16:00:00Z');
    expect(end({ plan, expectedDischargeAt })).toBe('2026-04-10T04:00:00.000Z');
    expect(end({ plan, expectedDischargeAt, dischargedAt: at('2026-04-01T16:00:00Z') })).toBe(
      '2026-04-08T04:00:00.000Z',
    );
  });

  it('without any discharge time, starts on the day of the last in-hospital dose', () => {
    const plan = bupe({ bridge: prescription(7), lastDoseAt: at('2026-04-02T13:00:00Z') });
    expect(end({ plan })).toBe('2026-04-09T04:00:00.000Z');
  });

  it('a supply with no day to start from is unknown', () => {
    expect(end({ plan: bupe({ bridge: prescription(7) }) })).toBeNull();
  });
});

describe('coverageEnd: across daylight-saving changes', () => {
  it('7 days from 5 March ends at 12 March 00:00 EDT (daylight time begins 8 March)', () => {
    const result = end({ plan: bupe({ bridge: prescription(7) }), dischargedAt: at('2026-03-05T17:00:00Z') });
    expect(result).toBe('2026-03-12T04:00:00.000Z');
    const instant = at(result ?? '');
    expect(localWall(instant, NY)).toBe('2026-03-12 00:00');
    expect(localWall(new Date(instant.getTime() - 60_000), NY)).toBe('2026-03-11 23:59');
  });

  it('7 days from 28 October ends at 4 November 00:00 EST (standard time returns 1 November)', () => {
    const result = end({ plan: bupe({ bridge: prescription(7) }), dischargedAt: at('2026-10-28T16:00:00Z') });
    expect(result).toBe('2026-11-04T05:00:00.000Z');
    const instant = at(result ?? '');
    expect(localWall(instant, NY)).toBe('2026-11-04 00:00');
    expect(localWall(new Date(instant.getTime() - 60_000), NY)).toBe('2026-11-03 23:59');
  });

  it('a supply ending on the change day itself ends at that day’s local midnight', () => {
    const plan = bupe({ bridge: prescription(7) });
    expect(end({ plan, dischargedAt: at('2026-03-01T15:00:00Z') })).toBe('2026-03-08T05:00:00.000Z');
    expect(end({ plan, dischargedAt: at('2026-10-25T15:00:00Z') })).toBe('2026-11-01T04:00:00.000Z');
  });

  it('where midnight itself is skipped, the day starts at the change (Santiago, 6 September 2026)', () => {
    const result = end({
      plan: bupe({ bridge: prescription(1) }),
      dischargedAt: at('2026-09-05T16:00:00Z'),
      timeZone: 'America/Santiago',
    });
    expect(result).toBe('2026-09-06T04:00:00.000Z');
    expect(localWall(at(result ?? ''), 'America/Santiago')).toBe('2026-09-06 01:00');
  });

  it('where midnight happens twice, coverage ends at the first (Havana, 1 November 2026)', () => {
    const result = end({
      plan: bupe({ bridge: prescription(1) }),
      dischargedAt: at('2026-10-31T16:00:00Z'),
      timeZone: 'America/Havana',
    });
    expect(result).toBe('2026-11-01T04:00:00.000Z');
    expect(localWall(at(result ?? ''), 'America/Havana')).toBe('2026-11-01 00:00');
    expect(localWall(at('2026-11-01T05:00:00Z'), 'America/Havana')).toBe('2026-11-01 00:00');
  });
});

describe('coverageEnd: methadone under the 72-hour rule', () => {
  it('3 doses from discharge on 1 April cover 1–3 April', () => {
    expect(end({ plan: methadone(3), dischargedAt: at('2026-04-01T14:00:00Z') })).toBe(
      '2026-04-04T04:00:00.000Z',
    );
  });

  it('1 dose covers the discharge day only', () => {
    expect(end({ plan: methadone(1), dischargedAt: at('2026-04-01T14:00:00Z') })).toBe(
      '2026-04-02T04:00:00.000Z',
    );
  });

  it('the doses win over a morning dose in hospital', () => {
    const plan = methadone(3, at('2026-04-01T12:00:00Z'));
    expect(end({ plan, dischargedAt: at('2026-04-01T14:00:00Z') })).toBe('2026-04-04T04:00:00.000Z');
  });
});

describe('coverageEnd: last in-hospital dose', () => {
  it('alone covers 24 hours from when it was given', () => {
    const plan = bupe({ lastDoseAt: at('2026-03-01T14:30:00Z') });
    expect(end({ plan })).toBe('2026-03-02T14:30:00.000Z');
    expect(end({ plan, dischargedAt: at('2026-03-01T20:00:00Z') })).toBe('2026-03-02T14:30:00.000Z');
  });

  it('is 24 elapsed hours even across the daylight-saving change', () => {
    const plan = bupe({ lastDoseAt: at('2026-03-07T15:00:00Z') }); // 10:00 EST
    expect(end({ plan })).toBe('2026-03-08T15:00:00.000Z'); // 11:00 EDT
  });

  it('coverage end is the later of the dose and the supply', () => {
    const dischargedAt = at('2026-04-01T14:00:00Z'); // 10:00 local
    // 1-day supply ends at 2 April 00:00 local; a dose at 09:00 on 1 April lasts to 09:00 on 2 April.
    const doseWins = bupe({ bridge: prescription(1), lastDoseAt: at('2026-04-01T13:00:00Z') });
    expect(end({ plan: doseWins, dischargedAt })).toBe('2026-04-02T13:00:00.000Z');
    const supplyWins = bupe({ bridge: prescription(3), lastDoseAt: at('2026-04-01T13:00:00Z') });
    expect(end({ plan: supplyWins, dischargedAt })).toBe('2026-04-04T04:00:00.000Z');
  });

  it('a dose given after a short supply runs out still counts', () => {
    // Expected discharge on 1 April; the patient stayed and was dosed on 5 April.
    const plan = bupe({ bridge: prescription(2), lastDoseAt: at('2026-04-05T13:00:00Z') });
    expect(end({ plan, expectedDischargeAt: at('2026-04-01T14:00:00Z') })).toBe('2026-04-06T13:00:00.000Z');
  });
});

describe('coverageEnd: extended-release injection', () => {
  it('weekly and monthly durations', () => {
    expect(INJECTION_DAYS).toEqual({ er_injection_weekly: 7, er_injection_monthly: 28 });
  });

  it('weekly buprenorphine given 10 April covers 10–16 April', () => {
    const plan = injection('er_injection_weekly', at('2026-04-10T15:00:00Z'), 'buprenorphine');
    expect(end({ plan })).toBe('2026-04-17T04:00:00.000Z');
  });

  it('monthly buprenorphine and naltrexone given 10 April cover 28 days', () => {
    const given = at('2026-04-10T15:00:00Z');
    expect(end({ plan: injection('er_injection_monthly', given, 'buprenorphine') })).toBe(
      '2026-05-08T04:00:00.000Z',
    );
    expect(end({ plan: injection('er_injection_monthly', given, 'naltrexone_xr') })).toBe(
      '2026-05-08T04:00:00.000Z',
    );
  });

  it('counts from the local injection day, not from discharge and not in UTC', () => {
    // 23:30 on 10 April in New York (already 11 April in UTC); discharged a week later.
    const plan = injection('er_injection_weekly', at('2026-04-11T03:30:00Z'), 'buprenorphine');
    expect(end({ plan, dischargedAt: at('2026-04-15T15:00:00Z') })).toBe('2026-04-17T04:00:00.000Z');
  });

  it('across the change to standard time', () => {
    const plan = injection('er_injection_weekly', at('2026-10-30T14:00:00Z'), 'buprenorphine');
    const result = end({ plan });
    expect(result).toBe('2026-11-06T05:00:00.000Z');
    expect(localWall(at(result ?? ''), NY)).toBe('2026-11-06 00:00');
  });

  it('a monthly injection wins over a short prescription', () => {
    const plan = bupe({
      formulation: 'er_injection_monthly',
      lastDoseAt: at('2026-04-10T15:00:00Z'),
      bridge: prescription(7),
    });
    expect(end({ plan, dischargedAt: at('2026-04-10T18:00:00Z') })).toBe('2026-05-08T04:00:00.000Z');
  });
});

describe('coverageEnd: unknown', () => {
  it('no plan → null', () => {
    expect(end({ plan: null, dischargedAt: at('2026-04-01T14:00:00Z') })).toBeNull();
  });

  it('a plan with no bridge and no last dose → null, never covered', () => {
    expect(end({ plan: bupe(), dischargedAt: at('2026-04-01T14:00:00Z') })).toBeNull();
    expect(end({ plan: bupe(), expectedDischargeAt: at('2026-04-01T14:00:00Z') })).toBeNull();
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight of the day plus an offset, as an instant', () => {
    expect(iso(startOfLocalDay('2026-03-07', 0, NY))).toBe('2026-03-07T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-07', 1, NY))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-07', 2, NY))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(startOfLocalDay('2026-01-31', 1, 'Asia/Kolkata'))).toBe('2026-01-31T18:30:00.000Z');
    expect(iso(startOfLocalDay('2026-12-31', 1, 'UTC'))).toBe('2027-01-01T00:00:00.000Z');
  });

  it('rejects a day that is not a date', () => {
    expect(() => startOfLocalDay('2026-02-30', 0, NY)).toThrow(/not a date/);
    expect(() => startOfLocalDay('1 March', 0, NY)).toThrow(/not a date/);
  });
});
