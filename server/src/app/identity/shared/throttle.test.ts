import { describe, expect, it } from 'vitest';
import { lockMinutes } from './throttle.ts';

describe('login back-off', () => {
  it('lets four failures pass, then doubles the lock up to an hour', () => {
    expect([1, 2, 3, 4].map(lockMinutes)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12].map(lockMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});
