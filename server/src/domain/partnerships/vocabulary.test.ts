/** Pure partnership rules: assessment score, quarters, and the 60-day agreement reminder window. */
import { describe, expect, it } from 'vitest';
import { assessmentScore, daysUntil, quarterOf, reminderDue } from './vocabulary.ts';

describe('partnership rules', () => {
  it('scores an assessment as the mean of its items', () => {
    expect(
      assessmentScore({
        communication: 5,
        referral_flow: 4,
        shared_understanding: 3,
        trust: 4,
        data_sharing: 2,
        leadership_support: 5,
      }),
    ).toBe(3.83);
  });

  it('names quarters by calendar month', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('reminds from 60 days before expiry through the expiry day, across month and leap boundaries', () => {
    expect(daysUntil('2028-02-01', '2028-03-01')).toBe(29); // leap year
    expect(reminderDue('2026-11-23', '2027-01-22')).toBe(true); // 60 days
    expect(reminderDue('2026-11-23', '2027-01-23')).toBe(false); // 61 days
    expect(reminderDue('2026-11-23', '2026-11-23')).toBe(true); // expires today
    expect(reminderDue('2026-11-23', '2026-11-22')).toBe(false); // already expired
    expect(reminderDue('2026-11-23', null)).toBe(false); // open-ended
  });
});
