/**
 * Worklist states: "today" is the local day of the given zone (at 23:30 in Los Angeles the UTC date is
 * already tomorrow), overdue starts just after the deadline and beats a snooze, a snooze hides a task only
 * until it ends, and finished tasks show as done or cancelled whatever their times.
 */
import { describe, expect, it } from 'vitest';
import { taskState } from './worklist.ts';
import type { TaskTiming } from './worklist.ts';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);

// Tuesday 14 April 2026, 23:30 in Los Angeles (PDT, UTC−7) = 02:30 Wednesday in New York = 06:30 UTC.
const NOW = at('2026-04-15T06:30:00Z');

const task = (over: Partial<TaskTiming>): TaskTiming => ({
  status: 'open',
  dueAt: at('2026-04-15T06:00:00Z'),
  deadlineAt: at('2026-04-18T06:00:00Z'),
  snoozedUntil: null,
  ...over,
});

describe('taskState: local days across the zone’s midnight', () => {
  it('due at 23:45 local the same evening → due today', () => {
    expect(taskState(task({ dueAt: at('2026-04-15T06:45:00Z') }), NOW, LA)).toBe('due_today');
  });

  it('due at 00:30 local tomorrow → upcoming in Los Angeles, though it is the same UTC day', () => {
    const dueAt = at('2026-04-15T07:30:00Z');
    expect(taskState(task({ dueAt }), NOW, LA)).toBe('upcoming');
    // The same instants in New York: now is 02:30 Wednesday, due 03:30 Wednesday.
    expect(taskState(task({ dueAt }), NOW, NY)).toBe('due_today');
  });

  it('due yesterday with the deadline still ahead → due today (still actionable, not overdue)', () => {
    expect(taskState(task({ dueAt: at('2026-04-13T17:00:00Z') }), NOW, LA)).toBe('due_today');
  });

  it('due next week → upcoming', () => {
    expect(
      taskState(task({ dueAt: at('2026-04-21T16:00:00Z'), deadlineAt: at('2026-04-28T16:00:00Z') }), NOW, LA),
    ).toBe('upcoming');
  });
});

describe('taskState: overdue', () => {
  const deadlineAt = NOW;

  it('at the deadline itself it is not yet overdue; a millisecond later it is', () => {
    expect(taskState(task({ deadlineAt }), NOW, LA)).toBe('due_today');
    expect(taskState(task({ deadlineAt: new Date(NOW.getTime() - 1) }), NOW, LA)).toBe('overdue');
  });

  it('a snooze does not hide a missed deadline', () => {
    const snoozedUntil = at('2026-04-16T16:00:00Z');
    expect(taskState(task({ deadlineAt: at('2026-04-15T06:00:00Z'), snoozedUntil }), NOW, LA)).toBe(
      'overdue',
    );
  });

  it('done and cancelled tasks are never overdue', () => {
    const late = { dueAt: at('2026-04-01T00:00:00Z'), deadlineAt: at('2026-04-02T00:00:00Z') };
    expect(taskState(task({ ...late, status: 'done' }), NOW, LA)).toBe('done');
    expect(taskState(task({ ...late, status: 'cancelled' }), NOW, LA)).toBe('cancelled');
  });
});

describe('taskState: snoozed', () => {
  it('hides a task due today until the snooze ends', () => {
    const snoozedUntil = at('2026-04-15T16:00:00Z');
    expect(taskState(task({ snoozedUntil }), NOW, LA)).toBe('snoozed');
    expect(taskState(task({ snoozedUntil }), snoozedUntil, LA)).toBe('due_today');
  });

  it('a snooze that already ended changes nothing', () => {
    expect(taskState(task({ snoozedUntil: at('2026-04-15T06:00:00Z') }), NOW, LA)).toBe('due_today');
    expect(
      taskState(
        task({ dueAt: at('2026-04-20T16:00:00Z'), snoozedUntil: at('2026-04-15T06:00:00Z') }),
        NOW,
        LA,
      ),
    ).toBe('upcoming');
  });

  it('a snooze past the deadline shows as snoozed until the deadline, then overdue', () => {
    const snoozed = task({
      deadlineAt: at('2026-04-15T12:00:00Z'),
      snoozedUntil: at('2026-04-16T12:00:00Z'),
    });
    expect(taskState(snoozed, NOW, LA)).toBe('snoozed');
    expect(taskState(snoozed, at('2026-04-15T12:00:01Z'), LA)).toBe('overdue');
  });
});
