import { describe, expect, it } from 'vitest';
import { listRequestDueOn, listRequestOverdue } from './list-request.ts';

describe('§2.24 list requests', () => {
  it('are due 30 days after receipt (1 March → 31 March), across months and leap years', () => {
    expect(listRequestDueOn('2027-03-01')).toBe('2027-03-31');
    expect(listRequestDueOn('2028-02-01')).toBe('2028-03-02');
    expect(listRequestDueOn('2026-12-15')).toBe('2027-01-14');
  });
  it('are overdue only after the due day and while open', () => {
    expect(listRequestOverdue('2027-03-31', '2027-03-31', false)).toBe(false);
    expect(listRequestOverdue('2027-03-31', '2027-04-01', false)).toBe(true);
    expect(listRequestOverdue('2027-03-31', '2027-04-01', true)).toBe(false);
  });
});
