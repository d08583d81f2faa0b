/**
 * The task worklists of the active organization, soonest due first: `mine` (assigned to me), `team` (the
 * organization's open tasks, the unassigned role queue included), `overdue` (past the deadline) and
 * `due_today` (in the network's time zone; `domain/followup/worklist.ts`). Tasks on patients the
 * organization holds are listed as they are; tasks it owns on a partner's patients are put to the decision
 * point one patient at a time, like the referral inbox: a patient it may no longer see is absent (not
 * counted, not marked, P21), and every listed one is written to the disclosure ledger.
 *
 * Limit, written down: a list decides over at most `TASK_CANDIDATES` open tasks (soonest due first).
 */
import { and, asc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { networks, patients, tasks } from '../../db/schema/index.ts';
import type { Page } from '../../domain/transitions/views.ts';
import type { TaskView } from '../../domain/followup/views.ts';
import { taskState } from '../../domain/followup/worklist.ts';
import type { TaskStatus } from '../../domain/followup/vocabulary.ts';
import { authorize, requireMember } from '../authorize.ts';
import { auditListing, decideEach, namedPatients } from '../consent/decide-each.ts';
import type { DisclosureChannel } from '../consent/record-disclosure.ts';
import type { Actor, Deps } from '../context.ts';
import type { TaskWorklistQuery } from './schemas.ts';
import { taskViews } from './task-view.ts';

export const TASK_CANDIDATES = 2000;

export async function listTasks(
  deps: Deps,
  actor: Actor,
  query: TaskWorklistQuery,
  channel: DisclosureChannel,
): Promise<Page<TaskView>> {
  const member = requireMember(actor);
  await authorize(deps, member, 'patient.read', { what: 'Task', organizationId: member.organizationId });
  const now = deps.clock.now();
  const [network] = await deps.db
    .select({ timezone: networks.timezone })
    .from(networks)
    .where(eq(networks.id, member.networkId));
  const timeZone = network?.timezone ?? 'UTC';
  const filters: Record<TaskWorklistQuery['filter'], SQL | undefined> = {
    mine: eq(tasks.assigneeMembershipId, member.membershipId),
    team: undefined,
    overdue: lt(tasks.deadlineAt, now),
    // Due by the end of today at the latest (local days are at most 26 hours long); refined below.
    due_today: lt(tasks.dueAt, new Date(now.getTime() + 26 * 3_600_000)),
  };
  const candidates = (
    await deps.db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.networkId, member.networkId),
          eq(tasks.ownerOrgId, member.organizationId),
          eq(tasks.status, 'open'),
          filters[query.filter],
        ),
      )
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(TASK_CANDIDATES)
  ).filter(
    (t) =>
      query.filter !== 'due_today' ||
      taskState({ ...t, status: t.status as TaskStatus }, now, timeZone) === 'due_today',
  );
  const foreign = candidates.filter((t) => t.hospitalOrgId !== member.organizationId).map((t) => t.patientId);
  const decisions = await decideEach(deps, member, foreign, now);
  const visible = candidates.filter(
    (t) => t.hospitalOrgId === member.organizationId || decisions.has(t.patientId),
  );
  const pageRows = visible.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const patientIds = [...new Set(pageRows.map((t) => t.patientId))];
  const people = patientIds.length
    ? await deps.db
        .select({
          id: patients.id,
          holderOrgId: patients.holderOrgId,
          givenName: patients.givenName,
          familyName: patients.familyName,
        })
        .from(patients)
        .where(and(eq(patients.networkId, member.networkId), inArray(patients.id, patientIds)))
    : [];
  const named = await namedPatients(deps, member.networkId, decisions, patientIds);
  const names = new Map(
    people.map((p) => [
      p.id,
      p.holderOrgId === member.organizationId || named.has(p.id) ? `${p.givenName} ${p.familyName}` : null,
    ]),
  );
  await auditListing(deps, member, now, {
    event: {
      action: 'task.list',
      details: { filter: query.filter, page: query.page, results: pageRows.length },
    },
    listed: people.filter((p) => p.holderOrgId !== member.organizationId),
    decisions,
    description: 'Listed in the follow-up task list: task, due time, state',
    channel,
  });
  const items = await taskViews(deps.db, pageRows, { names, now, timeZone });
  return { items, total: visible.length, page: query.page, pageSize: query.pageSize };
}
