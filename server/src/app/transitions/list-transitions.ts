/**
 * The hospital's worklist: its transitions (the team's, or those where the actor is on the care team), by
 * status and coverage-gap state, searchable by patient name, sorted and paged in SQL. The gap state is
 * The default is the open caseload (what needs work); `status=all` includes linked and closed history. The gap
 * state is computed from the stored coverage end and first booked appointment with the same rules as
 * `domain/transitions/gap-clock.ts` (the SQL below mirrors it; the row's `gap` is computed by the domain
 * function itself). Holder-only data: one audit event per page, listing nothing identifying.
 */
import { and, asc, count, desc, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { patients, referrals, transitions } from '../../db/schema/index.ts';
import { AT_RISK_HOURS } from '../../domain/transitions/gap-clock.ts';
import { WAITING_FOR_ANSWER } from '../../domain/transitions/referral-states.ts';
import type { Page, TransitionRow as Row } from '../../domain/transitions/views.ts';
import type { EncounterType, ReferralStatus, TransitionStatus } from '../../domain/transitions/vocabulary.ts';
import { searchWords } from '../../domain/patients/name-key.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { organizationNames, peopleOf } from './people.ts';
import type { TransitionWorklistQuery } from './schemas.ts';
import { transitionGap } from './transition-view.ts';

const t = transitions;
/** The gap clock flags only the open caseload: a linked transition's clock stopped, a closed one ended. */
const isOpen = eq(t.status, 'open');

function gapFilter(gap: TransitionWorklistQuery['gap'], riskFrom: Date): SQL | undefined {
  const gapSql = and(isOpen, sql`${t.firstAppointmentAt} > ${t.coverageEnd}`);
  const atRisk = and(isOpen, isNull(t.firstAppointmentAt), sql`${t.coverageEnd} <= ${riskFrom}`);
  switch (gap) {
    case undefined:
      return undefined;
    case 'linked':
      return eq(t.status, 'linked');
    case 'gap':
      return gapSql;
    case 'at_risk':
      return atRisk;
    case 'flagged':
      return or(gapSql, atRisk);
    case 'covered':
      return and(isOpen, sql`${t.firstAppointmentAt} <= ${t.coverageEnd}`);
    case 'pending':
      return and(isOpen, isNull(t.firstAppointmentAt), sql`${t.coverageEnd} > ${riskFrom}`);
    case 'no_plan':
      return and(isOpen, isNull(t.coverageEnd));
  }
}

/** The earliest acknowledgement deadline among referrals still waiting for an answer (a page's rows). */
function nextAckDueOf(rows: readonly { status: string; ackDueAt: Date | null }[]): Date | null {
  const due = rows
    .filter((r) => WAITING_FOR_ANSWER.includes(r.status as ReferralStatus) && r.ackDueAt)
    .map((r) => r.ackDueAt?.getTime() ?? Infinity);
  return due.length > 0 ? new Date(Math.min(...due)) : null;
}

/** The same in SQL, for sorting by it (computed only for that sort). */
const nextAckDue = sql<Date | null>`(select min(r.ack_due_at) from referral r
  where r.network_id = ${t.networkId} and r.transition_id = ${t.id}
    and r.status in (${sql.join(
      WAITING_FOR_ANSWER.map((s) => sql`${s}`),
      sql`, `,
    )}))`;

function orderOf(sort: TransitionWorklistQuery['sort'], riskFrom: Date): SQL[] {
  switch (sort) {
    case 'gap': {
      // Gaps first (largest first), then at risk (soonest coverage end first), then everything else.
      const rank = sql`case
        when ${t.status} = 'open' and ${t.firstAppointmentAt} > ${t.coverageEnd} then 0
        when ${t.status} = 'open' and ${t.firstAppointmentAt} is null and ${t.coverageEnd} <= ${riskFrom} then 1
        when ${t.status} = 'open' then 2 else 3 end`;
      const gapLength = sql`(${t.firstAppointmentAt} - ${t.coverageEnd})`;
      return [
        asc(rank),
        sql`${gapLength} desc nulls last`,
        sql`${t.coverageEnd} asc nulls last`,
        desc(t.admittedAt),
      ];
    }
    case 'coverage_end':
      return [sql`${t.coverageEnd} asc nulls last`, desc(t.admittedAt)];
    case 'admitted':
      return [desc(t.admittedAt)];
    case 'ack_due':
      return [sql`${nextAckDue} asc nulls last`, desc(t.admittedAt)];
  }
}

export async function listTransitions(
  deps: Deps,
  actor: Actor,
  query: TransitionWorklistQuery,
): Promise<Page<Row>> {
  const member = requireMember(actor);
  await authorize(deps, member, 'patient.read', {
    what: 'Transition',
    organizationId: member.organizationId,
  });
  const now = deps.clock.now();
  const riskFrom = new Date(now.getTime() + AT_RISK_HOURS * 3_600_000);
  const words = query.q ? searchWords(query.q) : [];
  const where = and(
    eq(t.networkId, member.networkId),
    eq(t.hospitalOrgId, member.organizationId),
    query.scope === 'mine'
      ? or(
          eq(t.navigatorMembershipId, member.membershipId),
          eq(t.peerMembershipId, member.membershipId),
          eq(t.clinicianMembershipId, member.membershipId),
        )
      : undefined,
    query.status === 'all' ? undefined : eq(t.status, query.status),
    gapFilter(query.gap, riskFrom),
    words.length > 0
      ? exists(
          deps.db
            .select({ one: sql`1` })
            .from(patients)
            .where(
              and(
                eq(patients.networkId, t.networkId),
                eq(patients.id, t.patientId),
                ...words.map((w) => ilike(patients.nameKey, `%${w.replace(/[\\%_]/g, '\\$&')}%`)),
              ),
            ),
        )
      : undefined,
  );
  // Three narrow statements instead of one wide one: the count and the page's ids touch only the filter
  // and sort columns (the patient table only when searching by name), then the page's rows are read.
  // `count(*) over ()` on the full rows cost PGlite ~60 ms at 40,000 transitions (bench/transitions.ts).
  const [counted] = await deps.db.select({ n: count() }).from(t).where(where);
  const total = counted?.n ?? 0;
  const pageIds =
    total > 0
      ? (
          await deps.db
            .select({ id: t.id })
            .from(t)
            .where(where)
            .orderBy(...orderOf(query.sort, riskFrom))
            .limit(query.pageSize)
            .offset((query.page - 1) * query.pageSize)
        ).map((r) => r.id)
      : [];
  const fetched = pageIds.length
    ? await deps.db
        .select({ transition: t, givenName: patients.givenName, familyName: patients.familyName })
        .from(t)
        .innerJoin(patients, and(eq(patients.networkId, t.networkId), eq(patients.id, t.patientId)))
        .where(and(eq(t.networkId, member.networkId), inArray(t.id, pageIds)))
    : [];
  const byId = new Map(fetched.map((r) => [r.transition.id, r]));
  const rows = pageIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const ids = rows.map((r) => r.transition.id);
  const referralRows = ids.length
    ? await deps.db
        .select({
          id: referrals.id,
          transitionId: referrals.transitionId,
          receiverOrgId: referrals.receiverOrgId,
          status: referrals.status,
          ackDueAt: referrals.ackDueAt,
        })
        .from(referrals)
        .where(and(eq(referrals.networkId, member.networkId), inArray(referrals.transitionId, ids)))
        .orderBy(asc(referrals.createdAt))
    : [];
  const orgs = await organizationNames(
    deps.db,
    member.networkId,
    referralRows.map((r) => r.receiverOrgId),
  );
  const navigators = await peopleOf(
    deps.db,
    member.networkId,
    rows.map((r) => r.transition.navigatorMembershipId),
  );
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, now, {
      action: 'transition.list',
      details: { page: query.page, results: rows.length, scope: query.scope },
    }),
  );
  const items = rows.map(({ transition: row, givenName, familyName }): Row => {
    const navigator = row.navigatorMembershipId ? navigators.get(row.navigatorMembershipId) : undefined;
    const mine = referralRows.filter((r) => r.transitionId === row.id);
    const dueAt = nextAckDueOf(mine);
    return {
      id: row.id,
      patient: { id: row.patientId, name: `${givenName} ${familyName}` },
      status: row.status as TransitionStatus,
      encounterType: row.encounterType as EncounterType,
      admittedAt: row.admittedAt.toISOString(),
      dischargeAt: (row.dischargedAt ?? row.expectedDischargeAt)?.toISOString() ?? null,
      discharged: row.dischargedAt !== null,
      navigator: navigator ? { membershipId: navigator.membershipId, name: navigator.name } : null,
      gap: transitionGap(row, now),
      nextAckDueAt: dueAt?.toISOString() ?? null,
      ackOverdue: dueAt !== null && dueAt.getTime() < now.getTime(),
      referrals: mine.map((r) => ({
        id: r.id,
        receiver: orgs.get(r.receiverOrgId) ?? '',
        status: r.status as ReferralStatus,
      })),
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
