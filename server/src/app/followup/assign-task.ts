/**
 * Takes a task (no membership given) or hands it to a colleague: an active member of the task's
 * organization who holds the step's role, or a program manager (`task-assignees.ts`). Anyone else is a 400
 * naming the field.
 */
import type { TaskView } from '../../domain/followup/views.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { changeTask } from './change-task.ts';
import type { AssignTaskInput } from './schemas.ts';
import { eligibleAssignees } from './task-assignees.ts';

export function assignTask(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  input: AssignTaskInput,
): Promise<TaskView> {
  return changeTask(deps, actor, id, expectedVersion, async ({ task, member }, tx) => {
    const to = input.membershipId ?? member.membershipId;
    const [assignee] = await eligibleAssignees(tx, task, to);
    if (!assignee)
      throw invalid(
        'membershipId',
        `must be an active member of the task's organization with the ${task.role} role`,
      );
    return {
      action: to === member.membershipId ? 'task.claim' : 'task.assign',
      set: { assigneeMembershipId: to },
      details: { assigneeMembershipId: to },
    };
  });
}
