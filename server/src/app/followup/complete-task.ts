/**
 * Completes a task with what its step records (`domain/followup/outcome.ts`): how the contact went,
 * whether the visit was attended, whether the patient is still on MOUD. A body that does not fit the step
 * is a 400 naming the field, and changes nothing.
 */
import { taskOutcomeSchema, type TaskOutcome } from '../../domain/followup/outcome.ts';
import type { TaskView } from '../../domain/followup/views.ts';
import type { StepRecord } from '../../domain/followup/vocabulary.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { changeTask } from './change-task.ts';

export function completeTask(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  body: Record<string, unknown>,
): Promise<TaskView> {
  return changeTask(deps, actor, id, expectedVersion, async ({ task, member }) => {
    const parsed = taskOutcomeSchema(task.records as StepRecord).safeParse(body);
    if (!parsed.success) {
      throw new AppError('validation', 'The outcome does not fit this task', {
        errors: parsed.error.issues.map((i) => ({
          field: i.path.join('.') || 'outcome',
          message: i.message,
        })),
      });
    }
    const outcome: TaskOutcome = parsed.data;
    const now = deps.clock.now();
    return {
      action: 'task.complete',
      set: { status: 'done', outcome, completedAt: now, completedBy: member.membershipId },
      details: { records: outcome.records },
    };
  });
}
