/**
 * Finds a task for one of the two sides of its transition. The hospital holds the patient's record and
 * sees every task of its transitions; the partner organization that owns a task (a step of a referral it
 * received) sees it through the consent decision point like the referral itself. Everyone else, and an
 * unknown id, get the same "Task not found" after the same work. Working a task (`task.work`) is for the
 * organization that owns it: the other side may see it, so its refusal is a 403 that reveals nothing.
 */
import { and, eq } from 'drizzle-orm';
import { tasks } from '../../db/schema/index.ts';
import { grantedScope } from '../../domain/identity/permissions.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { authorize, requireMember } from '../authorize.ts';
import { openPatient, type OpenedPatient } from '../consent/open-patient.ts';
import { channelOf } from '../consent/record-disclosure.ts';
import type { Actor, Deps } from '../context.ts';

export type TaskRow = typeof tasks.$inferSelect;

export interface OpenedTask extends OpenedPatient {
  task: TaskRow;
}

export async function openTask(
  deps: Deps,
  actor: Actor,
  taskId: string,
  purpose: 'read' | 'work',
): Promise<OpenedTask> {
  const member = requireMember(actor);
  const [task] = isUuid(taskId)
    ? await deps.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.networkId, member.networkId), eq(tasks.id, taskId)))
    : [];
  const holder = task?.hospitalOrgId === member.organizationId;
  const party = holder || task?.ownerOrgId === member.organizationId;
  try {
    const opened = await openPatient(deps, actor, party && task ? task.patientId : taskId, {
      action: 'patient.read',
      category: 'treatment',
      purpose: 'TREAT',
      channel: channelOf(actor),
      description: 'Follow-up task',
      holderOnly: holder,
      requested: { entityType: 'task', entityId: taskId },
    });
    if (!task || !party) throw notFound('Task');
    if (purpose === 'work') {
      if (!grantedScope(member.roles, 'task.work'))
        await authorize(deps, member, 'task.work', { what: 'Task', organizationId: member.organizationId });
      if (task.ownerOrgId !== member.organizationId)
        throw new AppError('forbidden', "This task is the other organization's to do");
    }
    return { ...opened, task };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw notFound('Task');
    throw error;
  }
}
