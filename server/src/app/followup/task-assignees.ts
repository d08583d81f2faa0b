/**
 * Who may hold a task: the active members of the organization that owns it who hold the step's role, or a
 * program manager. One query serves both the picker (`GET /tasks/{id}/assignees`, for the owning side only,
 * like working the task) and the check when a task is taken or handed over (`assign-task.ts`).
 */
import { and, arrayOverlaps, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships, users } from '../../db/schema/index.ts';
import type { Actor, Deps } from '../context.ts';
import { openTask, type TaskRow } from './open-task.ts';

export interface Assignee {
  membershipId: string;
  name: string;
}

/** The eligible colleagues, by name; with `only`, just that membership if it is eligible. */
export async function eligibleAssignees(
  db: Queryable,
  task: Pick<TaskRow, 'networkId' | 'ownerOrgId' | 'role'>,
  only?: string,
): Promise<Assignee[]> {
  return db
    .select({ membershipId: memberships.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.networkId, task.networkId),
        eq(memberships.organizationId, task.ownerOrgId),
        only === undefined ? undefined : eq(memberships.id, only),
        eq(memberships.status, 'active'),
        eq(users.status, 'active'),
        arrayOverlaps(memberships.roles, [task.role, 'program_manager']),
      ),
    )
    .orderBy(asc(users.displayName), asc(memberships.id));
}

export async function listTaskAssignees(deps: Deps, actor: Actor, id: string): Promise<Assignee[]> {
  const { task } = await openTask(deps, actor, id, 'work');
  return eligibleAssignees(deps.db, task);
}
