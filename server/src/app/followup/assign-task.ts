/**
 * Takes a task (no membership given) or hands it to a colleague: an active member of the task's
 * organization who holds the step's role, or a program manager. Anyone else is a 422 naming the field.
 */
import { and, eq } from 'drizzle-orm';
import { memberships } from '../../db/schema/index.ts';
import type { TaskView } from '../../domain/followup/views.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { changeTask } from './change-task.ts';
import type { AssignTaskInput } from './schemas.ts';

export function assignTask(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  input: AssignTaskInput,
): Promise<TaskView> {
  return changeTask(deps, actor, id, expectedVersion, async ({ task, member }, tx) => {
    const to = input.membershipId ?? member.membershipId;
    const [assignee] = await tx
      .select({ roles: memberships.roles })
      .from(memberships)
      .where(
        and(
          eq(memberships.networkId, task.networkId),
          eq(memberships.id, to),
          eq(memberships.organizationId, task.ownerOrgId),
          eq(memberships.status, 'active'),
        ),
      );
    if (!assignee || !(assignee.roles.includes(task.role) || assignee.roles.includes('program_manager')))
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
