/**
 * Keeps a transition's follow-up tasks in step with its pathway and its anchors, inside the writing
 * transaction (called by `refreshTransition` after every change to a transition or its referrals):
 * - the transition's own steps (hospital side, anchored on its start or discharge) come from the pathway
 *   pinned on the transition when it began (the hospital's default then; later edits apply to new
 *   transitions only);
 * - each sent referral's steps (anchored on acceptance, appointment or first visit, and every partner-side
 *   step) come from the transition's pathway and, side by side, from the partnership's pathway pinned on
 *   the referral when it was sent;
 * - `domain/followup/schedule.ts` decides what to create, move (an appointment rebooked) and cancel (an
 *   appointment cancelled); a referral that was declined, cancelled, failed or entered in error, and a
 *   closed transition, cancel their open tasks.
 * Hospital-side tasks go to the care-team member with the step's role when there is one; the rest wait in
 * their organization's role queue. Stricter reading, written down: referral steps are instantiated from the
 * first change after sending (e.g. acceptance), not at the send itself, which stays one short transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { pathways, pathwayVersions, tasks, transitions } from '../../db/schema/index.ts';
import { taskScope, type PathwayStep } from '../../domain/followup/pathway.ts';
import { retime, type AnchorTimes, type ExistingTask } from '../../domain/followup/schedule.ts';
import type { ReferralFacts, TransitionRow } from '../transitions/refresh-transition.ts';

const ENDED_REFERRAL = ['declined', 'cancelled', 'failed', 'entered_in_error'];

type ReferralRow = ReferralFacts['rows'][number];
type TaskRow = typeof tasks.$inferSelect;

/** The hospital's active default pathway and its current version, to pin on a new transition. */
async function defaultPathway(tx: Tx, row: TransitionRow) {
  const [found] = await tx
    .select({ id: pathways.id, version: pathways.currentVersion })
    .from(pathways)
    .where(
      and(
        eq(pathways.networkId, row.networkId),
        eq(pathways.hospitalOrgId, row.hospitalOrgId),
        isNull(pathways.partnershipId),
        eq(pathways.status, 'active'),
      ),
    );
  return found;
}

export async function syncTasks(
  tx: Tx,
  row: TransitionRow,
  facts: ReferralFacts,
  context: { now: Date; created: boolean },
): Promise<void> {
  let transition = row;
  if (context.created && !row.pathwayId) {
    const pinned = await defaultPathway(tx, row);
    if (!pinned) return;
    await tx
      .update(transitions)
      .set({ pathwayId: pinned.id, pathwayVersion: pinned.version })
      .where(and(eq(transitions.networkId, row.networkId), eq(transitions.id, row.id)));
    transition = { ...row, pathwayId: pinned.id, pathwayVersion: pinned.version };
  }
  const sent = facts.rows.filter((r) => r.sentAt !== null);
  const pins = [
    ...(transition.pathwayId && transition.pathwayVersion
      ? [[transition.pathwayId, transition.pathwayVersion]]
      : []),
    ...sent.flatMap((r) => (r.pathwayId && r.pathwayVersion ? [[r.pathwayId, r.pathwayVersion]] : [])),
  ] as [string, number][];
  if (pins.length === 0) return;
  const versions = await tx
    .select({
      pathwayId: pathwayVersions.pathwayId,
      version: pathwayVersions.version,
      steps: pathwayVersions.steps,
    })
    .from(pathwayVersions)
    .where(
      and(
        eq(pathwayVersions.networkId, row.networkId),
        or(...pins.map(([id, v]) => and(eq(pathwayVersions.pathwayId, id), eq(pathwayVersions.version, v)))),
      ),
    );
  const stepsOf = (id: string | null, version: number | null) =>
    versions.find((v) => v.pathwayId === id && v.version === version)?.steps ?? [];
  const existing = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.networkId, row.networkId), eq(tasks.transitionId, row.id)));
  const firstOf = (referralId: string, to: string) =>
    facts.firsts.find((f) => f.referralId === referralId && f.to === to)?.at ?? undefined;

  const transitionAnchors: AnchorTimes = {
    transition_created: transition.createdAt,
    ...((transition.dischargedAt ?? transition.expectedDischargeAt)
      ? { discharge: (transition.dischargedAt ?? transition.expectedDischargeAt) as Date }
      : {}),
  };
  const plan = new Plan(transition, context.now);
  const transitionSteps = stepsOf(transition.pathwayId, transition.pathwayVersion).filter(
    (s) => taskScope(s) === 'transition',
  );
  plan.apply(
    transitionSteps,
    transition.pathwayId,
    transition.pathwayVersion,
    existing.filter((t) => t.referralId === null),
    transition.status === 'closed' ? null : transitionAnchors,
    null,
  );
  for (const r of sent) {
    const anchors: AnchorTimes = {
      ...transitionAnchors,
      ...(firstOf(r.id, 'accepted') ? { referral_accepted: firstOf(r.id, 'accepted') } : {}),
      ...(r.appointmentAt ? { appointment: r.appointmentAt } : {}),
      ...(firstOf(r.id, 'attended') ? { first_visit: firstOf(r.id, 'attended') } : {}),
    };
    const ended = transition.status === 'closed' || ENDED_REFERRAL.includes(r.status);
    const own = existing.filter((t) => t.referralId === r.id);
    // The hospital's pathway's steps for each referral, and the partnership's own steps, side by side.
    const pinned: [string | null, number | null][] = [[transition.pathwayId, transition.pathwayVersion]];
    if (r.pathwayId && r.pathwayId !== transition.pathwayId) pinned.push([r.pathwayId, r.pathwayVersion]);
    for (const [pathwayId, version] of pinned) {
      const steps = stepsOf(pathwayId, version).filter((s) => taskScope(s) === 'referral');
      plan.apply(steps, pathwayId, version, own, ended ? null : anchors, r);
    }
  }
  await plan.write(tx);
}

/** The inserts and updates of one sync, gathered so that each kind is one statement. */
class Plan {
  private readonly creates: (typeof tasks.$inferInsert)[] = [];
  private readonly moves: { id: string; dueAt: Date; deadlineAt: Date }[] = [];
  private readonly cancels = new Set<string>();

  constructor(
    private readonly transition: TransitionRow,
    private readonly now: Date,
  ) {}

  apply(
    steps: readonly PathwayStep[],
    pathwayId: string | null,
    version: number | null,
    existing: readonly TaskRow[],
    anchors: AnchorTimes | null,
    referral: ReferralRow | null,
  ) {
    const mine = existing.filter((t) => t.pathwayId === pathwayId);
    if (anchors === null) {
      for (const t of existing) if (t.status === 'open') this.cancels.add(t.id);
      return;
    }
    if (!pathwayId || !version) return;
    const current: ExistingTask[] = mine.map((t) => ({
      stepKey: t.stepKey,
      dueAt: t.dueAt,
      deadlineAt: t.deadlineAt,
      status: t.status as ExistingTask['status'],
    }));
    const change = retime(current, steps, anchors);
    const t = this.transition;
    for (const c of change.create) {
      const step = steps.find((s) => s.key === c.stepKey);
      if (!step) continue;
      this.creates.push({
        networkId: t.networkId,
        id: randomUUID(),
        transitionId: t.id,
        referralId: referral?.id ?? null,
        patientId: t.patientId,
        hospitalOrgId: t.hospitalOrgId,
        ownerOrgId: step.side === 'hospital' || !referral ? t.hospitalOrgId : referral.receiverOrgId,
        pathwayId,
        pathwayVersion: version,
        stepKey: step.key,
        title: step.title,
        side: step.side,
        role: step.role,
        records: step.records,
        status: 'open',
        dueAt: c.dueAt,
        deadlineAt: c.deadlineAt,
        assigneeMembershipId: step.side === 'hospital' ? careTeamMember(t, step.role) : null,
        createdAt: this.now,
        updatedAt: this.now,
      });
    }
    for (const m of change.move) {
      const task = mine.find((x) => x.stepKey === m.stepKey && x.status === 'open');
      if (task) this.moves.push({ id: task.id, dueAt: m.dueAt, deadlineAt: m.deadlineAt });
    }
    for (const key of change.cancel) {
      const task = mine.find((x) => x.stepKey === key && x.status === 'open');
      if (task) this.cancels.add(task.id);
    }
  }

  async write(tx: Tx) {
    const { networkId } = this.transition;
    if (this.creates.length > 0) await tx.insert(tasks).values(this.creates).onConflictDoNothing();
    for (const m of this.moves) {
      await tx
        .update(tasks)
        .set({ dueAt: m.dueAt, deadlineAt: m.deadlineAt, version: sqlIncrement, updatedAt: this.now })
        .where(and(eq(tasks.networkId, networkId), eq(tasks.id, m.id)));
    }
    if (this.cancels.size > 0) {
      await tx
        .update(tasks)
        .set({ status: 'cancelled', version: sqlIncrement, updatedAt: this.now })
        .where(
          and(eq(tasks.networkId, networkId), inArray(tasks.id, [...this.cancels]), eq(tasks.status, 'open')),
        );
    }
  }
}

const sqlIncrement = sql`${tasks.version} + 1`;

function careTeamMember(t: TransitionRow, role: string): string | null {
  if (role === 'navigator') return t.navigatorMembershipId;
  if (role === 'peer_specialist') return t.peerMembershipId;
  if (role === 'clinician') return t.clinicianMembershipId;
  return null;
}
