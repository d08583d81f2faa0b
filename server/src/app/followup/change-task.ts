/**
 * Changes a task the actor's organization owns, with optimistic concurrency: `If-Match` is required (428
 * without it), a stale version answers 412 and changes nothing; a task that is done or cancelled answers 409.
 * The change, its version bump and the audit event commit together; the answer is the task as it now is.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { tasks } from '../../db/schema/index.ts';
import type { TaskView } from '../../domain/followup/views.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { viewOfOpened } from './get-task.ts';
import { openTask, type OpenedTask, type TaskRow } from './open-task.ts';

export interface TaskChange {
  action: string;
  set: Partial<typeof tasks.$inferInsert>;
  details?: Record<string, unknown>;
}

const stale = (current: number) =>
  new AppError('precondition_failed', 'The task was changed by someone else; reload it', {
    extra: { currentVersion: current },
  });

export async function changeTask(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  decide: (opened: OpenedTask, tx: Tx) => Promise<TaskChange>,
): Promise<TaskView> {
  const opened = await openTask(deps, actor, id, 'work');
  const { task, member } = opened;
  if (expectedVersion === undefined)
    throw new AppError('precondition_required', 'Send If-Match with the ETag of the task you acted on');
  if (task.version !== expectedVersion) throw stale(task.version);
  if (task.status !== 'open')
    throw new AppError('conflict', `The task is ${task.status}; only an open task can change`, {
      extra: { currentStatus: task.status },
    });
  const now = deps.clock.now();
  const updated = await deps.db.transaction(async (tx) => {
    const change = await decide(opened, tx);
    const [row] = await tx
      .update(tasks)
      .set({ ...change.set, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(tasks.networkId, task.networkId),
          eq(tasks.id, task.id),
          eq(tasks.version, expectedVersion),
          eq(tasks.status, 'open'),
        ),
      )
      .returning();
    if (!row) throw stale(expectedVersion + 1);
    await appendAuditEvent(tx, member, now, {
      action: change.action,
      entityType: 'task',
      entityId: task.id,
      patientId: task.patientId,
      purpose: 'TREAT',
      details: { stepKey: task.stepKey, ...change.details },
    });
    return row as TaskRow;
  });
  return viewOfOpened(deps, opened, updated);
}
