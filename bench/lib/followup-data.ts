/**
 * The follow-up benchmark's tasks: five per transition of the seeded history (`transition-data.ts`), the
 * way the demo pathways make them — done or cancelled for ended transitions, open with due times spread
 * around now for the open caseload — plus the rule firings of a system that has been ticking all along
 * (everything already due was notified), so that a measured tick sees what one minute brings: a batch of
 * tasks whose deadline just passed and referrals whose acknowledgement deadline just passed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../server/src/app/context.ts';
import { bulkInsert } from '../../server/src/db/bulk.ts';
import type { transitions } from '../../server/src/db/schema/index.ts';
import { tasks } from '../../server/src/db/schema/index.ts';
import { createPrng } from '../../server/src/domain/demo/prng.ts';

type TaskInsert = typeof tasks.$inferInsert;
const HOUR_MS = 3_600_000;
const STEPS = [
  { key: 'peer_call_7d', role: 'peer_specialist', records: 'contact', dueH: 0, windowH: 168 },
  { key: 'moud_check_7d', role: 'navigator', records: 'on_moud', dueH: 168, windowH: 48 },
  { key: 'confirm_intake', role: 'navigator', records: 'contact', dueH: 48, windowH: 24 },
  { key: 'retention_30d', role: 'peer_specialist', records: 'on_moud', dueH: 720, windowH: 168 },
  { key: 'retention_90d', role: 'peer_specialist', records: 'on_moud', dueH: 2160, windowH: 168 },
] as const;

/** Five tasks per transition (their count is `transitions × 5`); returns the number inserted. */
export async function seedTasks(
  deps: Deps,
  rows: readonly (typeof transitions.$inferInsert)[],
  now: Date,
): Promise<number> {
  const rng = createPrng(44_000, 'bench-tasks');
  const pathwayId = randomUUID();
  const out: TaskInsert[] = [];
  for (const t of rows) {
    const anchor = (t.dischargedAt ?? t.admittedAt) as Date;
    for (const step of STEPS) {
      const dueAt = new Date(anchor.getTime() + step.dueH * HOUR_MS);
      const deadlineAt = new Date(dueAt.getTime() + step.windowH * HOUR_MS);
      const open = t.status === 'open' || (t.status === 'linked' && deadlineAt > now);
      out.push({
        networkId: t.networkId,
        id: rng.uuid(),
        transitionId: t.id,
        patientId: t.patientId,
        hospitalOrgId: t.hospitalOrgId,
        ownerOrgId: t.hospitalOrgId,
        pathwayId,
        pathwayVersion: 1,
        stepKey: step.key,
        title: step.key,
        side: 'hospital',
        role: step.role,
        records: step.records,
        status: open ? 'open' : rng.next() < 0.8 ? 'done' : 'cancelled',
        dueAt,
        deadlineAt,
        assigneeMembershipId: step.role === 'navigator' ? (t.navigatorMembershipId ?? null) : null,
        createdAt: anchor,
        updatedAt: anchor,
      });
    }
  }
  await deps.db.transaction((tx) => bulkInsert(tx, tasks, out));
  await deps.db.execute(sql`vacuum analyze ${tasks}`);
  return out.length;
}

/** Marks everything already due as notified, as a system that has been ticking every minute would have. */
export async function markSteadyState(deps: Deps, now: Date): Promise<void> {
  await deps.db.execute(sql`insert into rule_firing (network_id, rule, subject_id, level, fired_at)
    select network_id, 'task_overdue', id, 'overdue', ${now} from task
    where status = 'open' and deadline_at < ${now} on conflict do nothing`);
  for (const level of ['liaison', 'backup', 'alternatives'])
    await deps.db.execute(sql`insert into rule_firing (network_id, rule, subject_id, level, fired_at)
      select network_id, 'ack_escalation', id, ${level}, ${now} from referral
      where status = 'sent' and ack_due_at <= ${now} on conflict do nothing`);
  for (const level of ['at_risk', 'gap'])
    await deps.db.execute(sql`insert into rule_firing (network_id, rule, subject_id, level, fired_at)
      select network_id, 'coverage_gap', id, ${level}, ${now} from transition
      where status = 'open' and coverage_end is not null and coverage_end <= ${new Date(now.getTime() + 24 * HOUR_MS)}
      on conflict do nothing`);
  await deps.db.execute(sql`vacuum analyze rule_firing`);
}

/** Moves `count` open tasks' deadlines to just before `at`: the tasks that one minute makes overdue. */
export async function dueNow(deps: Deps, count: number, at: Date): Promise<number> {
  const moved = await deps.db.execute(sql`update task set deadline_at = ${new Date(at.getTime() - 30_000)}
    where id in (select id from task where status = 'open' and deadline_at > ${at} order by id limit ${count})`);
  return (
    (moved as { rowCount?: number; affectedRows?: number }).rowCount ??
    (moved as { affectedRows?: number }).affectedRows ??
    count
  );
}
