/**
 * Builds tasks as the API shows them: the step, its state on the worklist (`domain/followup/worklist.ts`,
 * in the network's time zone), the assignee, the outcome and the contact attempts. The patient's name is
 * the caller's to give: the holder always sees it, a partner only under a consent covering demographics.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { contactAttempts, pathways } from '../../db/schema/index.ts';
import type { TaskView } from '../../domain/followup/views.ts';
import type {
  ContactMethod,
  ContactResult,
  PathwaySide,
  StepRecord,
  TaskStatus,
} from '../../domain/followup/vocabulary.ts';
import { taskState } from '../../domain/followup/worklist.ts';
import type { Role } from '../../domain/identity/vocabulary.ts';
import { peopleOf } from '../transitions/people.ts';
import type { TaskRow } from './open-task.ts';

export async function taskViews(
  db: Queryable,
  rows: readonly TaskRow[],
  context: { names: ReadonlyMap<string, string | null>; now: Date; timeZone: string },
): Promise<TaskView[]> {
  const first = rows[0];
  if (!first) return [];
  const networkId = first.networkId;
  const ids = rows.map((r) => r.id);
  const pathwayRows = await db
    .select({ id: pathways.id, name: pathways.name })
    .from(pathways)
    .where(
      and(
        eq(pathways.networkId, networkId),
        inArray(pathways.id, [...new Set(rows.map((r) => r.pathwayId))]),
      ),
    );
  const pathwayName = new Map(pathwayRows.map((p) => [p.id, p.name]));
  const attempts = await db
    .select()
    .from(contactAttempts)
    .where(and(eq(contactAttempts.networkId, networkId), inArray(contactAttempts.taskId, ids)))
    .orderBy(asc(contactAttempts.at));
  const people = await peopleOf(db, networkId, [
    ...rows.map((r) => r.assigneeMembershipId),
    ...attempts.map((a) => a.byMembershipId),
  ]);
  return rows.map((r): TaskView => {
    const assignee = r.assigneeMembershipId ? people.get(r.assigneeMembershipId) : undefined;
    return {
      id: r.id,
      transitionId: r.transitionId,
      referralId: r.referralId,
      patient: { id: r.patientId, name: context.names.get(r.patientId) ?? null },
      pathway: { id: r.pathwayId, name: pathwayName.get(r.pathwayId) ?? '', version: r.pathwayVersion },
      stepKey: r.stepKey,
      title: r.title,
      side: r.side as PathwaySide,
      role: r.role as Role,
      records: r.records as StepRecord,
      status: r.status as TaskStatus,
      state: taskState(
        {
          status: r.status as TaskStatus,
          dueAt: r.dueAt,
          deadlineAt: r.deadlineAt,
          snoozedUntil: r.snoozedUntil,
        },
        context.now,
        context.timeZone,
      ),
      dueAt: r.dueAt.toISOString(),
      deadlineAt: r.deadlineAt.toISOString(),
      snoozedUntil: r.snoozedUntil?.toISOString() ?? null,
      snoozeReason: r.snoozeReason,
      assignee: assignee ? { membershipId: assignee.membershipId, name: assignee.name } : null,
      outcome: r.outcome ?? null,
      attempts: attempts
        .filter((a) => a.taskId === r.id)
        .map((a) => ({
          id: a.id,
          method: a.method as ContactMethod,
          result: a.result as ContactResult,
          at: a.at.toISOString(),
          by: { name: people.get(a.byMembershipId)?.name ?? '' },
          note: a.note,
        })),
      version: r.version,
    };
  });
}
