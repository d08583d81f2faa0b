/**
 * Time rule: when an open transition's coverage-gap clock turns *at risk* (no appointment booked
 * `AT_RISK_HOURS` before the medication runs out) or *gap* (the first appointment is after it runs out),
 * the transition's navigator — or, when none is named, the hospital's navigators — is told once per state.
 * The same conditions as the worklist's flags (`list-transitions.ts`, `domain/transitions/gap-clock.ts`).
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { transitions } from '../../db/schema/index.ts';
import { AT_RISK_HOURS } from '../../domain/transitions/gap-clock.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { operatorActor, type Deps } from '../context.ts';
import { notifyMembers } from '../notifications/notify-members.ts';
import { fireOnce, notFired } from './fire-rule.ts';
import { membersWithRoles } from './recipients.ts';

export const COVERAGE_RULE = 'coverage_gap';

const WORDS = {
  at_risk: {
    title: 'Medication may run out before an appointment is booked',
    body: 'A patient on your caseload is at risk of a coverage gap: no appointment is booked yet.',
  },
  gap: {
    title: 'Coverage gap: the first appointment is after the medication runs out',
    body: 'A patient on your caseload has a coverage gap. Consider an earlier appointment or a longer bridge.',
  },
} as const;

/** Fires for transitions newly at risk or in a gap; returns how many fired. */
export async function notifyCoverageGaps(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const riskFrom = new Date(now.getTime() + AT_RISK_HOURS * 3_600_000);
  const t = transitions;
  const state = sql<
    'gap' | 'at_risk'
  >`case when ${t.firstAppointmentAt} > ${t.coverageEnd} then 'gap' else 'at_risk' end`;
  const flagged = await deps.db
    .select({
      networkId: t.networkId,
      id: t.id,
      hospitalOrgId: t.hospitalOrgId,
      navigatorMembershipId: t.navigatorMembershipId,
      state,
    })
    .from(t)
    .where(
      and(
        eq(t.status, 'open'),
        or(
          sql`${t.firstAppointmentAt} > ${t.coverageEnd}`,
          and(isNull(t.firstAppointmentAt), lte(t.coverageEnd, riskFrom)),
        ),
        notFired(deps.db, COVERAGE_RULE, { networkId: t.networkId, subjectId: t.id }, state),
      ),
    );
  let fired = 0;
  for (const row of flagged) {
    const to = row.navigatorMembershipId
      ? [row.navigatorMembershipId]
      : await membersWithRoles(deps.db, row.networkId, row.hospitalOrgId, ['navigator']);
    const done = await deps.db.transaction(async (tx) => {
      if (
        !(await fireOnce(tx, {
          networkId: row.networkId,
          rule: COVERAGE_RULE,
          subjectId: row.id,
          level: row.state,
          at: now,
        }))
      )
        return false;
      await notifyMembers(deps, tx, {
        networkId: row.networkId,
        membershipIds: to,
        kind: `transition.${row.state}`,
        ...WORDS[row.state],
        path: `/transitions/${row.id}`,
        dedupeKey: `${COVERAGE_RULE}:${row.id}:${row.state}`,
        at: now,
      });
      await appendAuditEvent(tx, operatorActor('system'), now, {
        networkId: row.networkId,
        action: 'transition.coverage_alert',
        entityType: 'transition',
        entityId: row.id,
        details: { state: row.state, notified: to.length },
      });
      return true;
    });
    if (done) fired++;
  }
  return fired;
}
