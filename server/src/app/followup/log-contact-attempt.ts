/**
 * Logs a contact attempt on a task the organization owns (phone, text or in person; reached, no answer,
 * left a message, wrong number). Attempts are append-only and do not change the task's version: logging
 * one while a colleague edits the task is not a conflict. An attempt in the future is a 400.
 */
import { randomUUID } from 'node:crypto';
import { contactAttempts } from '../../db/schema/index.ts';
import type { ContactAttemptInput } from '../../domain/followup/outcome.ts';
import type { TaskView } from '../../domain/followup/views.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { viewOfOpened } from './get-task.ts';
import { openTask } from './open-task.ts';

export async function logContactAttempt(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ContactAttemptInput,
): Promise<TaskView> {
  const opened = await openTask(deps, actor, id, 'work');
  const { task, member } = opened;
  if (task.status === 'cancelled')
    throw new AppError('conflict', 'The task was cancelled', { extra: { currentStatus: task.status } });
  const now = deps.clock.now();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime()) throw invalid('at', 'must not be in the future');
  await deps.db.transaction(async (tx) => {
    const attemptId = randomUUID();
    await tx.insert(contactAttempts).values({
      networkId: task.networkId,
      id: attemptId,
      taskId: task.id,
      patientId: task.patientId,
      method: input.method,
      result: input.result,
      at,
      byMembershipId: member.membershipId,
      note: input.note ?? null,
      createdAt: now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'task.contact_attempt',
      entityType: 'task',
      entityId: task.id,
      patientId: task.patientId,
      purpose: 'TREAT',
      details: { attemptId, method: input.method, result: input.result },
    });
  });
  return viewOfOpened(deps, opened);
}
