import { describe, expect, it } from 'vitest';
import { effectiveCapacity, effectiveStatus } from './capacity.ts';
import type { CapacityReport } from './service.ts';

const NOW = new Date('2024-06-12T14:00:00Z');
const DAY = 86_400_000;
const report = (
  ageMs: number,
  status: CapacityReport['status'] = 'accepting',
  expectedWaitDays?: number,
) => ({
  status,
  updatedAt: new Date(NOW.getTime() - ageMs),
  updatedBy: 'membership-1',
  ...(expectedWaitDays === undefined ? {} : { expectedWaitDays }),
});

describe('effectiveCapacity', () => {
  it('keeps a fresh report with its age in whole days', () => {
    expect(effectiveCapacity(report(2.5 * DAY), NOW)).toEqual({
      status: 'accepting',
      reportedStatus: 'accepting',
      ageDays: 2,
      stale: false,
      freshness: 'fresh',
    });
  });

  it('is fresh at exactly the maximum age and unknown one millisecond later', () => {
    expect(effectiveCapacity(report(7 * DAY), NOW).status).toBe('accepting');
    const stale = effectiveCapacity(report(7 * DAY + 1), NOW);
    expect(stale).toMatchObject({
      status: 'unknown',
      reportedStatus: 'accepting',
      ageDays: 7,
      stale: true,
      freshness: 'stale',
    });
  });

  it('never shows a stale "not accepting" as current either', () => {
    expect(effectiveCapacity(report(8 * DAY, 'not_accepting'), NOW).status).toBe('unknown');
  });

  it('honours a configured maximum age', () => {
    expect(effectiveCapacity(report(2 * DAY), NOW, 1).status).toBe('unknown');
    expect(effectiveCapacity(report(20 * DAY), NOW, 30).status).toBe('accepting');
  });

  it('reads a nonsensical maximum age as 0 (nothing is current)', () => {
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(effectiveCapacity(report(60_000), NOW, bad).status).toBe('unknown');
    }
    expect(effectiveCapacity(report(0), NOW, 0).status).toBe('accepting');
  });

  it('is unknown when missing, undated or dated in the future beyond clock skew', () => {
    expect(effectiveCapacity(undefined, NOW)).toEqual({
      status: 'unknown',
      stale: true,
      freshness: 'missing',
    });
    expect(effectiveCapacity({ ...report(0), updatedAt: new Date(Number.NaN) }, NOW).freshness).toBe(
      'missing',
    );
    expect(effectiveCapacity(report(-60 * 60_000), NOW).freshness).toBe('future_dated');
    expect(effectiveCapacity(report(-60_000), NOW)).toMatchObject({ status: 'accepting', ageDays: 0 });
  });

  it('carries the expected wait only for a fresh waitlist', () => {
    expect(effectiveCapacity(report(DAY, 'waitlist', 10), NOW).expectedWaitDays).toBe(10);
    expect(effectiveCapacity(report(DAY, 'accepting', 10), NOW).expectedWaitDays).toBeUndefined();
    expect(effectiveCapacity(report(9 * DAY, 'waitlist', 10), NOW).expectedWaitDays).toBeUndefined();
  });
});

describe('effectiveStatus', () => {
  it('agrees with effectiveCapacity at every boundary', () => {
    const now = new Date('2026-11-23T15:00:00Z');
    const day = 86_400_000;
    for (const offset of [-10 * 60_000, -5 * 60_000, 0, day, 7 * day, 7 * day + 1, 30 * day, Number.NaN]) {
      for (const maxAge of [7, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        for (const status of ['accepting', 'waitlist', 'not_accepting', 'assessment_required'] as const) {
          const report = { status, updatedAt: new Date(now.getTime() - offset), updatedBy: 'x' };
          expect(effectiveStatus(report, now, maxAge)).toBe(effectiveCapacity(report, now, maxAge).status);
        }
      }
    }
    expect(effectiveStatus(undefined, now)).toBe('unknown');
  });
});
