/**
 * How a follow-up task shows on a worklist, and the worklist filters.
 *
 * An open task is, in this order of precedence:
 * - `overdue` once `now` is past its deadline (at the deadline itself it is not yet overdue). A snooze does
 *   not hide an overdue task: the stricter reading — a snooze defers work inside its window, it never hides
 *   a missed deadline;
 * - `snoozed` while `snoozedUntil` is after `now`;
 * - `due_today` when its due day is today or earlier, days being local calendar days in the viewer's (or
 *   organization's) time zone, so a task due at 00:30 is not "today" at 23:30 the evening before, whatever
 *   the UTC date says. A task due earlier whose deadline has not passed stays `due_today`: it is actionable;
 * - `upcoming` otherwise.
 * Done and cancelled tasks show as such.
 */
import { localDay } from '../../lib/local-day.ts';
import type { TaskStatus } from './vocabulary.ts';

export const TASK_STATES = ['done', 'cancelled', 'snoozed', 'overdue', 'due_today', 'upcoming'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** `mine`: assigned to me · `team`: my organization's open tasks · `overdue` · `due_today`. */
export const WORKLIST_FILTERS = ['mine', 'team', 'overdue', 'due_today'] as const;
export type WorklistFilter = (typeof WORKLIST_FILTERS)[number];

export interface TaskTiming {
  status: TaskStatus;
  dueAt: Date;
  deadlineAt: Date;
  snoozedUntil: Date | null;
}

export function taskState(task: TaskTiming, now: Date, timeZone: string): TaskState {
  switch (task.status) {
    case 'done':
    case 'cancelled':
      return task.status;
    case 'open':
      break;
  }
  const at = now.getTime();
  if (at > task.deadlineAt.getTime()) return 'overdue';
  if (task.snoozedUntil && task.snoozedUntil.getTime() > at) return 'snoozed';
  if (localDay(task.dueAt, timeZone) <= localDay(now, timeZone)) return 'due_today';
  return 'upcoming';
}
