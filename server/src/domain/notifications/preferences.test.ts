import { describe, expect, it } from 'vitest';
import { categoryOf, refusal } from './preferences.ts';

describe('notification preferences', () => {
  it('sorts kinds into categories', () => {
    expect(categoryOf('referral.escalation.backup')).toBe('referral_escalations');
    expect(categoryOf('referral.accepted')).toBe('referral_updates');
    expect(categoryOf('task.overdue')).toBe('tasks');
    expect(categoryOf('transition.gap')).toBe('coverage');
    expect(categoryOf('service.capacity_stale')).toBe('directory');
    expect(categoryOf('partnership.agreement_expiring')).toBe('partnerships');
  });

  it('never lets escalations wait or go quiet', () => {
    expect(refusal('referral_escalations', 'digest')).toMatch(/always/);
    expect(refusal('referral_escalations', 'off')).toMatch(/always/);
    expect(refusal('referral_escalations', 'immediate')).toBeUndefined();
    expect(refusal('tasks', 'digest')).toBeUndefined();
    expect(refusal('coverage', 'off')).toBeUndefined();
  });
});
