/**
 * Scheduling: due = anchor + offset (negative offsets run before the anchor), deadline = due + window, in
 * elapsed minutes; steps with unknown anchors wait. Retiming: a new anchor creates, a moved appointment
 * moves, a cancelled appointment cancels, and finished or cancelled tasks are never touched or recreated.
 */
import { describe, expect, it } from 'vitest';
import type { PathwayStep } from './pathway.ts';
import { retime, scheduleSteps } from './schedule.ts';
import type { AnchorTimes, ExistingTask, ScheduledTask } from './schedule.ts';

const DAY = 1440;
const at = (iso: string) => new Date(iso);
const iso = (task: ScheduledTask) => ({
  stepKey: task.stepKey,
  dueAt: task.dueAt.toISOString(),
  deadlineAt: task.deadlineAt.toISOString(),
});

const step = (key: string, over: Partial<PathwayStep>): PathwayStep => ({
  key,
  title: key,
  side: 'hospital',
  role: 'navigator',
  anchor: 'discharge',
  offsetMinutes: 0,
  deadlineMinutes: DAY,
  records: 'contact',
  ...over,
});

const STEPS: PathwayStep[] = [
  step('peer_call_48h', { anchor: 'discharge', offsetMinutes: 2 * DAY, deadlineMinutes: DAY }),
  step('confirm_intake', { anchor: 'appointment', offsetMinutes: -DAY, deadlineMinutes: DAY }),
  step('attended', {
    anchor: 'appointment',
    offsetMinutes: 0,
    deadlineMinutes: 2 * DAY,
    records: 'attended',
  }),
  step('retention_30d', { anchor: 'first_visit', offsetMinutes: 30 * DAY, deadlineMinutes: 7 * DAY }),
];

const DISCHARGE = at('2026-04-01T14:00:00Z');
const APPOINTMENT = at('2026-04-03T13:30:00Z');

describe('scheduleSteps', () => {
  it('times each step from its anchor; a negative offset falls before it', () => {
    expect(scheduleSteps(STEPS, { discharge: DISCHARGE, appointment: APPOINTMENT }).map(iso)).toEqual([
      { stepKey: 'peer_call_48h', dueAt: '2026-04-03T14:00:00.000Z', deadlineAt: '2026-04-04T14:00:00.000Z' },
      {
        stepKey: 'confirm_intake',
        dueAt: '2026-04-02T13:30:00.000Z',
        deadlineAt: '2026-04-03T13:30:00.000Z',
      },
      { stepKey: 'attended', dueAt: '2026-04-03T13:30:00.000Z', deadlineAt: '2026-04-05T13:30:00.000Z' },
    ]);
  });

  it('leaves out steps whose anchor has not happened', () => {
    expect(scheduleSteps(STEPS, { discharge: DISCHARGE }).map((t) => t.stepKey)).toEqual(['peer_call_48h']);
    expect(scheduleSteps(STEPS, {})).toEqual([]);
  });

  it('a zero-minute deadline is due and overdue at once', () => {
    const [task] = scheduleSteps([step('now', { offsetMinutes: 15, deadlineMinutes: 0 })], {
      discharge: DISCHARGE,
    });
    expect(task?.dueAt.toISOString()).toBe('2026-04-01T14:15:00.000Z');
    expect(task?.deadlineAt.toISOString()).toBe('2026-04-01T14:15:00.000Z');
  });

  it('counts elapsed time across a daylight-saving change (7 × 24 h, not 7 local days)', () => {
    // Sunday 8 March 2026 is the US spring-forward: 7 days after 1 March 10:00 EST is 8 March 11:00 EDT.
    const [task] = scheduleSteps([step('d7', { offsetMinutes: 7 * DAY })], {
      discharge: at('2026-03-01T15:00:00Z'),
    });
    expect(task?.dueAt.toISOString()).toBe('2026-03-08T15:00:00.000Z');
  });
});

describe('retime', () => {
  const anchors: AnchorTimes = { discharge: DISCHARGE, appointment: APPOINTMENT };
  const open = (task: ScheduledTask): ExistingTask => ({ ...task, status: 'open' });
  const existing = scheduleSteps(STEPS, anchors).map(open);

  it('nothing changes when the anchors have not moved', () => {
    expect(retime(existing, STEPS, anchors)).toEqual({ create: [], move: [], cancel: [] });
  });

  it('a moved appointment moves its open tasks and only those', () => {
    const moved = at('2026-04-06T17:00:00Z');
    const result = retime(existing, STEPS, { ...anchors, appointment: moved });
    expect(result.create).toEqual([]);
    expect(result.cancel).toEqual([]);
    expect(result.move.map(iso)).toEqual([
      {
        stepKey: 'confirm_intake',
        dueAt: '2026-04-05T17:00:00.000Z',
        deadlineAt: '2026-04-06T17:00:00.000Z',
      },
      { stepKey: 'attended', dueAt: '2026-04-06T17:00:00.000Z', deadlineAt: '2026-04-08T17:00:00.000Z' },
    ]);
  });

  it('a cancelled appointment cancels its open tasks', () => {
    expect(retime(existing, STEPS, { discharge: DISCHARGE })).toEqual({
      create: [],
      move: [],
      cancel: ['confirm_intake', 'attended'],
    });
  });

  it('a done or cancelled task is never moved, cancelled or recreated', () => {
    const tasks = existing.map((task): ExistingTask => {
      if (task.stepKey === 'confirm_intake') return { ...task, status: 'done' };
      if (task.stepKey === 'attended') return { ...task, status: 'cancelled' };
      return task;
    });
    const rebooked = { ...anchors, appointment: at('2026-04-06T17:00:00Z') };
    expect(retime(tasks, STEPS, rebooked)).toEqual({ create: [], move: [], cancel: [] });
    expect(retime(tasks, STEPS, { discharge: DISCHARGE })).toEqual({ create: [], move: [], cancel: [] });
  });

  it('a newly known anchor creates its steps’ tasks', () => {
    const firstVisit = at('2026-04-03T14:10:00Z');
    const result = retime(existing, STEPS, { ...anchors, first_visit: firstVisit });
    expect(result.move).toEqual([]);
    expect(result.cancel).toEqual([]);
    expect(result.create.map(iso)).toEqual([
      { stepKey: 'retention_30d', dueAt: '2026-05-03T14:10:00.000Z', deadlineAt: '2026-05-10T14:10:00.000Z' },
    ]);
  });

  it('a booking after discharge creates the appointment tasks', () => {
    const dischargedOnly = scheduleSteps(STEPS, { discharge: DISCHARGE }).map(open);
    expect(retime(dischargedOnly, STEPS, anchors).create.map((t) => t.stepKey)).toEqual([
      'confirm_intake',
      'attended',
    ]);
  });

  it('a task whose step left the pathway is left alone', () => {
    const stray: ExistingTask = {
      stepKey: 'old_step',
      dueAt: DISCHARGE,
      deadlineAt: DISCHARGE,
      status: 'open',
    };
    expect(retime([...existing, stray], STEPS, {})).toEqual({
      create: [],
      move: [],
      cancel: ['peer_call_48h', 'confirm_intake', 'attended'],
    });
  });

  it('a deadline-only change (same due time) is a move', () => {
    const tasks = existing.map((task) =>
      task.stepKey === 'peer_call_48h'
        ? { ...task, deadlineAt: new Date(task.deadlineAt.getTime() - 60_000) }
        : task,
    );
    expect(retime(tasks, STEPS, anchors).move.map((t) => t.stepKey)).toEqual(['peer_call_48h']);
  });
});
