/**
 * Snoozes a task until a later time, with a reason (e.g. "patient asked to be called after Monday"). The
 * task leaves "due today" until then; past its deadline it shows as overdue whatever the snooze
 * (`domain/followup/worklist.ts`). A time not in the future is a 400.
 */
import type { TaskView } from '../../domain/followup/views.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { changeTask } from './change-task.ts';
import type { SnoozeTaskInput } from './schemas.ts';

export function snoozeTask(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  input: SnoozeTaskInput,
): Promise<TaskView> {
  return changeTask(deps, actor, id, expectedVersion, async () => {
    const until = new Date(input.until);
    if (until.getTime() <= deps.clock.now().getTime()) throw invalid('until', 'must be in the future');
    return {
      action: 'task.snooze',
      set: { snoozedUntil: until, snoozeReason: input.reason },
      details: { until: until.toISOString() },
    };
  });
}
