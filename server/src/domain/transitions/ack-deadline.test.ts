/**
 * The acknowledgement deadline: business days keep the local time of day, business hours count 09:00–17:00 on
 * business days, holidays and weekends in the service's zone are skipped, minutes and hours are plain, and
 * urgent referrals get at most 2 hours.
 */
import { describe, expect, it } from 'vitest';
import type { AcknowledgementPromise } from '../directory/service.ts';
import { ackDeadline, DEFAULT_PROMISE, URGENT_PROMISE } from './ack-deadline.ts';
import type { AckDeadlineInput } from './ack-deadline.ts';

const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);
const promise = (amount: number, unit: AcknowledgementPromise['unit']): AcknowledgementPromise => ({
  amount,
  unit,
});

const deadline = (sentAt: string, over: Partial<AckDeadlineInput> = {}) =>
  ackDeadline({
    sentAt: at(sentAt),
    urgency: 'routine',
    promise: undefined,
    timeZone: NY,
    holidays: [],
    ...over,
  })
    .toISOString()
    .replace('.000Z', 'Z');

// April 2026 in New York is EDT (UTC−4): 17 April is a Friday, 20 April a Monday.
const FRI_1600 = '2026-04-17T20:00:00Z';
const SAT_1000 = '2026-04-18T14:00:00Z';

describe('ackDeadline: default promise, 1 business day', () => {
  it('is 1 business day', () => {
    expect(DEFAULT_PROMISE).toEqual({ amount: 1, unit: 'business_days' });
  });

  it('sent Friday 16:00 → Monday 16:00', () => {
    expect(deadline(FRI_1600)).toBe('2026-04-20T20:00:00Z');
  });

  it('sent Saturday 10:00 → Monday 10:00', () => {
    expect(deadline(SAT_1000)).toBe('2026-04-20T14:00:00Z');
  });

  it('sent Sunday 22:00 → Monday 22:00; sent Tuesday 09:30 → Wednesday 09:30', () => {
    expect(deadline('2026-04-20T02:00:00Z')).toBe('2026-04-21T02:00:00Z');
    expect(deadline('2026-04-21T13:30:00Z')).toBe('2026-04-22T13:30:00Z');
  });

  it('a holiday on Monday pushes it to Tuesday', () => {
    // Friday 22 May 2026, 16:00 EDT; Monday 25 May is Memorial Day.
    expect(deadline('2026-05-22T20:00:00Z', { holidays: ['2026-05-25'] })).toBe('2026-05-26T20:00:00Z');
    expect(deadline('2026-05-22T20:00:00Z')).toBe('2026-05-25T20:00:00Z');
  });

  it('a holiday on another service’s calendar day does not matter', () => {
    expect(deadline(FRI_1600, { holidays: ['2026-04-19', '2026-04-21'] })).toBe('2026-04-20T20:00:00Z');
  });

  it('skips a closure of several weeks', () => {
    const closed = Array.from({ length: 14 }, (_, i) => `2026-12-${String(21 + i).padStart(2, '0')}`)
      .filter((d) => d <= '2026-12-31')
      .concat(['2027-01-01']);
    // Friday 18 December 2026, 16:00 EST → first business day after the closure: Monday 4 January 2027.
    expect(deadline('2026-12-18T21:00:00Z', { holidays: closed })).toBe('2027-01-04T21:00:00Z');
  });

  it('N business days keep the time of day', () => {
    // Thursday 16 April 14:00 + 3 business days → Tuesday 21 April 14:00.
    expect(deadline('2026-04-16T18:00:00Z', { promise: promise(3, 'business_days') })).toBe(
      '2026-04-21T18:00:00Z',
    );
    // Monday + 5 business days → next Monday.
    expect(deadline('2026-04-20T15:00:00Z', { promise: promise(5, 'business_days') })).toBe(
      '2026-04-27T15:00:00Z',
    );
  });

  it('weekdays and holidays are those of the service’s zone, not UTC', () => {
    // Friday 17 April 20:00 in Los Angeles is already Saturday in UTC.
    const la = { timeZone: 'America/Los_Angeles' };
    expect(deadline('2026-04-18T03:00:00Z', la)).toBe('2026-04-21T03:00:00Z');
    // Sunday 19 April 22:00 in Los Angeles is already Monday in UTC: still one business day to Monday 22:00.
    expect(deadline('2026-04-20T05:00:00Z', la)).toBe('2026-04-21T05:00:00Z');
  });

  it('long promises are counted in full (45 business days from Monday 5 January → Monday 9 March)', () => {
    expect(deadline('2026-01-05T15:00:00Z', { promise: promise(45, 'business_days') })).toBe(
      '2026-03-09T14:00:00Z',
    );
  });
});

describe('ackDeadline: business hours (09:00–17:00 on business days)', () => {
  const bh = (amount: number) => ({ promise: promise(amount, 'business_hours') });

  it('sent Friday 16:00 with 2 business hours → Monday 10:00', () => {
    expect(deadline(FRI_1600, bh(2))).toBe('2026-04-20T14:00:00Z');
  });

  it('sent Tuesday 08:00 with 3 business hours → Tuesday 12:00', () => {
    expect(deadline('2026-04-21T12:00:00Z', bh(3))).toBe('2026-04-21T16:00:00Z');
  });

  it('may end at 17:00 exactly', () => {
    expect(deadline('2026-04-21T13:00:00Z', bh(8))).toBe('2026-04-21T21:00:00Z');
    expect(deadline('2026-04-21T19:00:00Z', bh(2))).toBe('2026-04-21T21:00:00Z');
  });

  it('sent after 17:00 starts the next business morning', () => {
    expect(deadline('2026-04-21T22:00:00Z', bh(1))).toBe('2026-04-22T14:00:00Z');
    expect(deadline('2026-04-21T21:00:00Z', bh(1))).toBe('2026-04-22T14:00:00Z');
  });

  it('sent on Saturday starts on Monday morning', () => {
    expect(deadline(SAT_1000, bh(3))).toBe('2026-04-20T16:00:00Z');
  });

  it('runs over several days and skips holidays', () => {
    // Monday 20 April 09:00 + 20 h = Monday 8, Tuesday 8, Wednesday 4 → Wednesday 13:00.
    expect(deadline('2026-04-20T13:00:00Z', bh(20))).toBe('2026-04-22T17:00:00Z');
    expect(deadline('2026-04-20T13:00:00Z', { ...bh(20), holidays: ['2026-04-21'] })).toBe(
      '2026-04-23T17:00:00Z',
    );
  });

  it('long promises are counted in full (400 business hours = 50 business days)', () => {
    // From Monday 5 January 09:00: the 50th business day is Friday 13 March, ending 17:00 EDT.
    expect(deadline('2026-01-05T14:00:00Z', bh(400))).toBe('2026-03-13T21:00:00Z');
  });
});

describe('ackDeadline: minutes and hours are plain elapsed time', () => {
  it('ignores weekends, nights and holidays', () => {
    expect(deadline(SAT_1000, { promise: promise(30, 'minutes') })).toBe('2026-04-18T14:30:00Z');
    expect(deadline(FRI_1600, { promise: promise(4, 'hours') })).toBe('2026-04-18T00:00:00Z');
    expect(deadline(FRI_1600, { promise: promise(72, 'hours'), holidays: ['2026-04-20'] })).toBe(
      '2026-04-20T20:00:00Z',
    );
  });

  it('across a daylight-saving change, 24 hours is 24 elapsed hours (the local time moves)', () => {
    // Saturday 7 March 2026 10:00 EST + 24 h = Sunday 8 March 11:00 EDT.
    expect(deadline('2026-03-07T15:00:00Z', { promise: promise(24, 'hours') })).toBe('2026-03-08T15:00:00Z');
  });
});

describe('ackDeadline: urgent referrals get at most 2 hours', () => {
  const urgent = (sentAt: string, p: AcknowledgementPromise | undefined) =>
    deadline(sentAt, { urgency: 'urgent', promise: p });

  it('is 2 hours', () => {
    expect(URGENT_PROMISE).toEqual({ amount: 2, unit: 'hours' });
  });

  it('with a 30-minute promise → 30 minutes', () => {
    expect(urgent(FRI_1600, promise(30, 'minutes'))).toBe('2026-04-17T20:30:00Z');
  });

  it('with 1 business day, or with no promise → 2 hours, even on a weekend night', () => {
    expect(urgent(FRI_1600, promise(1, 'business_days'))).toBe('2026-04-17T22:00:00Z');
    expect(urgent(FRI_1600, undefined)).toBe('2026-04-17T22:00:00Z');
    expect(urgent('2026-04-19T03:00:00Z', undefined)).toBe('2026-04-19T05:00:00Z');
  });

  it('with 1 hour → 1 hour; with 2 hours → 2 hours; with 3 hours → 2 hours', () => {
    expect(urgent(FRI_1600, promise(1, 'hours'))).toBe('2026-04-17T21:00:00Z');
    expect(urgent(FRI_1600, promise(2, 'hours'))).toBe('2026-04-17T22:00:00Z');
    expect(urgent(FRI_1600, promise(3, 'hours'))).toBe('2026-04-17T22:00:00Z');
  });

  it('with business hours, whichever comes first', () => {
    // Tuesday 10:00 + 1 business hour → 11:00, before 12:00.
    expect(urgent('2026-04-21T14:00:00Z', promise(1, 'business_hours'))).toBe('2026-04-21T15:00:00Z');
    // Friday 16:30 + 1 business hour → Monday 09:30; 2 hours → Friday 18:30 comes first.
    expect(urgent('2026-04-17T20:30:00Z', promise(1, 'business_hours'))).toBe('2026-04-17T22:30:00Z');
  });

  it('a routine referral is not capped', () => {
    expect(deadline(FRI_1600, { promise: promise(3, 'hours') })).toBe('2026-04-17T23:00:00Z');
    expect(deadline(FRI_1600, { promise: promise(1, 'business_days') })).toBe('2026-04-20T20:00:00Z');
  });
});

describe('ackDeadline: across daylight-saving changes the local time is kept', () => {
  it('Friday 6 March 16:00 EST → Monday 9 March 16:00 EDT', () => {
    expect(deadline('2026-03-06T21:00:00Z')).toBe('2026-03-09T20:00:00Z');
  });

  it('Friday 30 October 16:00 EDT → Monday 2 November 16:00 EST', () => {
    expect(deadline('2026-10-30T20:00:00Z')).toBe('2026-11-02T21:00:00Z');
  });

  it('business hours: Friday 6 March 16:00 EST + 2 → Monday 9 March 10:00 EDT', () => {
    expect(deadline('2026-03-06T21:00:00Z', { promise: promise(2, 'business_hours') })).toBe(
      '2026-03-09T14:00:00Z',
    );
  });
});

describe('ackDeadline: a service closed for longer than the search', () => {
  it('still answers, after the sent time', () => {
    const holidays = Array.from({ length: 120 }, (_, i) =>
      new Date(Date.UTC(2026, 3, 18 + i)).toISOString().slice(0, 10),
    );
    for (const unit of ['business_days', 'business_hours'] as const) {
      const result = ackDeadline({
        sentAt: at(FRI_1600),
        urgency: 'routine',
        promise: promise(1, unit),
        timeZone: NY,
        holidays,
      });
      expect(result.getTime()).toBeGreaterThan(at(FRI_1600).getTime());
      expect(Number.isNaN(result.getTime())).toBe(false);
    }
  });
});
