import { describe, expect, it } from 'vitest';
import { EVENT_PATTERN, wantsEvent } from './webhook-events.ts';

describe('webhook event filters', () => {
  it('takes everything when empty, exact types, and dotted prefixes', () => {
    expect(wantsEvent([], 'task.overdue')).toBe(true);
    expect(wantsEvent(['task.overdue'], 'task.overdue')).toBe(true);
    expect(wantsEvent(['task.overdue'], 'task.overdue_soon')).toBe(false);
    expect(wantsEvent(['referral.'], 'referral.escalation.liaison')).toBe(true);
    expect(wantsEvent(['referral'], 'referral.accepted')).toBe(false);
    expect(wantsEvent(['referral.escalation.'], 'referral.accepted')).toBe(false);
  });

  it('accepts dotted lower-case names only', () => {
    expect(EVENT_PATTERN.test('referral.')).toBe(true);
    expect(EVENT_PATTERN.test('task.overdue')).toBe(true);
    expect(EVENT_PATTERN.test('Referral')).toBe(false);
    expect(EVENT_PATTERN.test('.x')).toBe(false);
    expect(EVENT_PATTERN.test('a..b')).toBe(false);
  });
});
