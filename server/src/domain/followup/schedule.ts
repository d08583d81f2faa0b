/**
 * When each step's task is due, and how the tasks of a transition or referral change when its anchors do
 * (an appointment rebooked or cancelled, a discharge recorded).
 *
 * Rules, with the choices written down:
 * - due = anchor + `offsetMinutes`, deadline = due + `deadlineMinutes`, in elapsed minutes (like the
 *   `hours` promise of `ack-deadline.ts`): across a daylight-saving change "7 days after discharge" keeps
 *   the elapsed time and its local clock time moves by an hour.
 * - A step whose anchor has not happened (no time known) gets no task yet; it is created by `retime` when
 *   the anchor is known.
 * - `retime` touches open tasks only. A step that already has a task in any status is never created again:
 *   a task someone finished or cancelled by hand stays as it is. (A caller that wants a rebooked appointment
 *   to bring back tasks it cancelled itself when the appointment was cancelled leaves those tasks out of
 *   `existing`.)
 * - An open task whose step is no longer in `steps` is left alone (it belongs to another pathway version).
 */
import type { PathwayStep } from './pathway.ts';
import type { Anchor, TaskStatus } from './vocabulary.ts';

export type AnchorTimes = Partial<Record<Anchor, Date>>;

export interface ScheduledTask {
  stepKey: string;
  dueAt: Date;
  deadlineAt: Date;
}

export interface ExistingTask extends ScheduledTask {
  status: TaskStatus;
}

export interface Retiming {
  create: ScheduledTask[];
  move: ScheduledTask[];
  /** Step keys of the open tasks to cancel. */
  cancel: string[];
}

const MINUTE_MS = 60_000;

type TimedStep = Pick<PathwayStep, 'key' | 'anchor' | 'offsetMinutes' | 'deadlineMinutes'>;

/** The task of one step, or null while its anchor is unknown. */
export function scheduleStep(step: TimedStep, anchors: AnchorTimes): ScheduledTask | null {
  const anchor = anchors[step.anchor];
  if (!anchor) return null;
  const due = anchor.getTime() + step.offsetMinutes * MINUTE_MS;
  return {
    stepKey: step.key,
    dueAt: new Date(due),
    deadlineAt: new Date(due + step.deadlineMinutes * MINUTE_MS),
  };
}

/** One task per step whose anchor time is known, in the steps' order. */
export function scheduleSteps(steps: readonly TimedStep[], anchors: AnchorTimes): ScheduledTask[] {
  return steps.flatMap((step) => scheduleStep(step, anchors) ?? []);
}

/** What to create, move and cancel so the tasks match the anchors (see the rules above). */
export function retime(
  existing: readonly ExistingTask[],
  steps: readonly TimedStep[],
  anchors: AnchorTimes,
): Retiming {
  const result: Retiming = { create: [], move: [], cancel: [] };
  const byKey = new Map<string, ExistingTask[]>();
  for (const task of existing) byKey.set(task.stepKey, [...(byKey.get(task.stepKey) ?? []), task]);
  for (const step of steps) {
    const scheduled = scheduleStep(step, anchors);
    const tasks = byKey.get(step.key);
    if (!tasks) {
      if (scheduled) result.create.push(scheduled);
      continue;
    }
    for (const task of tasks) {
      if (task.status !== 'open') continue;
      if (!scheduled) result.cancel.push(task.stepKey);
      else if (!sameTime(task.dueAt, scheduled.dueAt) || !sameTime(task.deadlineAt, scheduled.deadlineAt))
        result.move.push(scheduled);
    }
  }
  return result;
}

const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();
