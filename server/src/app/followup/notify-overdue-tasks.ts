/**
 * Time rule: an open task past its deadline notifies, once, whoever must act — its assignee, or when it
 * waits in a role queue the owning organization's members with the step's role — and the organization's
 * webhooks (`task.overdue`). The notification names the step, never the patient. A task completed or
 * cancelled since the scan is skipped (checked under the row lock).
 */
import { and, eq, lt } from 'drizzle-orm';
import { tasks } from '../../db/schema/index.ts';
import type { Role } from '../../domain/identity/vocabulary.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { operatorActor, type Deps } from '../context.ts';
import { notifyMembers } from '../notifications/notify-members.ts';
import { notifyWebhooks } from '../notifications/notify-webhooks.ts';
import { fireOnce, notFired } from './fire-rule.ts';
import { membersWithRoles } from './recipients.ts';

export const OVERDUE_RULE = 'task_overdue';

/** Fires for the overdue tasks not notified yet; returns how many fired. */
export async function notifyOverdueTasks(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const overdue = await deps.db
    .select({
      networkId: tasks.networkId,
      id: tasks.id,
      ownerOrgId: tasks.ownerOrgId,
      role: tasks.role,
      title: tasks.title,
      assigneeMembershipId: tasks.assigneeMembershipId,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'open'),
        lt(tasks.deadlineAt, now),
        notFired(deps.db, OVERDUE_RULE, { networkId: tasks.networkId, subjectId: tasks.id }),
      ),
    );
  let fired = 0;
  for (const task of overdue) {
    const to = task.assigneeMembershipId
      ? [task.assigneeMembershipId]
      : await membersWithRoles(deps.db, task.networkId, task.ownerOrgId, [task.role as Role]);
    const done = await deps.db.transaction(async (tx) => {
      const [current] = await tx
        .select({ status: tasks.status })
        .from(tasks)
        .where(and(eq(tasks.networkId, task.networkId), eq(tasks.id, task.id)))
        .for('share');
      if (current?.status !== 'open') return false;
      if (
        !(await fireOnce(tx, {
          networkId: task.networkId,
          rule: OVERDUE_RULE,
          subjectId: task.id,
          level: 'overdue',
          at: now,
        }))
      )
        return false;
      const path = `/tasks/${task.id}`;
      const dedupeKey = `${OVERDUE_RULE}:${task.id}`;
      await notifyMembers(deps, tx, {
        networkId: task.networkId,
        membershipIds: to,
        kind: 'task.overdue',
        title: `A follow-up task is overdue: ${task.title}`,
        body: 'A follow-up task for one of your patients passed its deadline. Open it to act or to snooze it with a reason.',
        params: { task: task.title },
        path,
        dedupeKey,
        at: now,
      });
      await notifyWebhooks(tx, {
        networkId: task.networkId,
        organizationId: task.ownerOrgId,
        kind: 'task.overdue',
        data: { taskId: task.id, link: path },
        dedupeKey,
        at: now,
      });
      await appendAuditEvent(tx, operatorActor('system'), now, {
        networkId: task.networkId,
        action: 'task.overdue',
        entityType: 'task',
        entityId: task.id,
        details: { notified: to.length },
      });
      return true;
    });
    if (done) fired++;
  }
  return fired;
}
