/**
 * The escalation ladder: liaison at the deadline, backup half a window later (30 min – 24 h), alternatives
 * a whole window later (1 h – 48 h), for a 2-hour urgent window, a 1-business-day window over a weekend,
 * a 10-minute window and a window of a week; which levels are due at a given moment; and, for any window,
 * the ladder keeps its order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueEscalations, ESCALATION_LEVELS, escalationTimes } from './escalation.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => new Date(iso);

const ladder = (sentAt: string, ackDueAt: string) => {
  const times = escalationTimes(at(sentAt), at(ackDueAt));
  return {
    liaison: times.liaison.toISOString(),
    backup: times.backup.toISOString(),
    alternatives: times.alternatives.toISOString(),
  };
};

describe('escalationTimes', () => {
  it('a 2-hour urgent window: liaison at the deadline, backup 1 h later, alternatives 2 h later', () => {
    expect(ladder('2026-04-17T20:00:00Z', '2026-04-17T22:00:00Z')).toEqual({
      liaison: '2026-04-17T22:00:00.000Z',
      backup: '2026-04-17T23:00:00.000Z',
      alternatives: '2026-04-18T00:00:00.000Z',
    });
  });

  it('1 business day sent on a Friday (a 72-hour window): capped at 24 h and 48 h after Monday’s deadline', () => {
    expect(ladder('2026-04-17T20:00:00Z', '2026-04-20T20:00:00Z')).toEqual({
      liaison: '2026-04-20T20:00:00.000Z',
      backup: '2026-04-21T20:00:00.000Z',
      alternatives: '2026-04-22T20:00:00.000Z',
    });
  });

  it('1 business day sent on a Tuesday (a 24-hour window): backup 12 h, alternatives 24 h after the deadline', () => {
    expect(ladder('2026-04-21T14:00:00Z', '2026-04-22T14:00:00Z')).toEqual({
      liaison: '2026-04-22T14:00:00.000Z',
      backup: '2026-04-23T02:00:00.000Z',
      alternatives: '2026-04-23T14:00:00.000Z',
    });
  });

  it('a 10-minute window: raised to at least 30 minutes and 1 hour', () => {
    expect(ladder('2026-04-17T20:00:00Z', '2026-04-17T20:10:00Z')).toEqual({
      liaison: '2026-04-17T20:10:00.000Z',
      backup: '2026-04-17T20:40:00.000Z',
      alternatives: '2026-04-17T21:10:00.000Z',
    });
  });

  it('a deadline at or before sending counts as an empty window', () => {
    expect(ladder('2026-04-17T20:00:00Z', '2026-04-17T19:00:00Z')).toEqual({
      liaison: '2026-04-17T19:00:00.000Z',
      backup: '2026-04-17T19:30:00.000Z',
      alternatives: '2026-04-17T20:00:00.000Z',
    });
  });

  it('for any window the ladder is liaison ≤ backup < alternatives, within the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 90 }), (windowMinutes) => {
        const sentAt = at('2026-04-17T20:00:00Z');
        const ackDueAt = new Date(sentAt.getTime() + windowMinutes * MINUTE);
        const times = escalationTimes(sentAt, ackDueAt);
        const backup = times.backup.getTime() - ackDueAt.getTime();
        const alternatives = times.alternatives.getTime() - ackDueAt.getTime();
        expect(times.liaison.getTime()).toBe(ackDueAt.getTime());
        expect(backup).toBeGreaterThanOrEqual(30 * MINUTE);
        expect(backup).toBeLessThanOrEqual(24 * HOUR);
        expect(alternatives).toBeGreaterThanOrEqual(HOUR);
        expect(alternatives).toBeLessThanOrEqual(48 * HOUR);
        expect(alternatives).toBeGreaterThan(backup);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dueEscalations', () => {
  const sentAt = at('2026-04-17T20:00:00Z');
  const ackDueAt = at('2026-04-17T22:00:00Z');
  const due = (now: string) => dueEscalations({ sentAt, ackDueAt, now: at(now) });

  it('nothing before the deadline', () => {
    expect(due('2026-04-17T21:59:59Z')).toEqual([]);
  });

  it('the liaison from the deadline on', () => {
    expect(due('2026-04-17T22:00:00Z')).toEqual(['liaison']);
    expect(due('2026-04-17T22:59:00Z')).toEqual(['liaison']);
  });

  it('then the backup, then alternatives, in ladder order', () => {
    expect(due('2026-04-17T23:00:00Z')).toEqual(['liaison', 'backup']);
    expect(due('2026-04-18T00:00:00Z')).toEqual([...ESCALATION_LEVELS]);
  });

  it('a scheduler that was down for days gets every level at once', () => {
    expect(due('2026-04-25T00:00:00Z')).toEqual(['liaison', 'backup', 'alternatives']);
  });
});
