/**
 * Keeps a transition's derived columns true inside the writing transaction: coverage end (from the plan and
 * the discharge), the first booked appointment (earliest `scheduled` referral), the status (`linked` once a
 * referral's first visit was attended, even if it failed later; back to `open` if that referral was entered in
 * error), and the handoff packet
 * version (a new immutable version whenever what a partner sees changes), and the follow-up tasks
 * (`app/followup/sync-tasks.ts`). The transition's referrals and their first-status times are read once, for
 * both. Call it after every change to a transition or its referrals, with the transition row locked
 * (`lockTransition`).
 */
import { and, desc, eq, inArray, min } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  handoffPackets,
  organizations,
  referralEvents,
  referrals,
  transitions,
} from '../../db/schema/index.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { coverageEnd, type MoudPlan } from '../../domain/transitions/coverage.ts';
import { BOOKED, LINKED } from '../../domain/transitions/referral-states.ts';
import type { ReferralStatus } from '../../domain/transitions/vocabulary.ts';
import type { MoudPlanView, PacketView } from '../../domain/transitions/views.ts';
import type { CareNeed, EncounterType } from '../../domain/transitions/vocabulary.ts';
import { syncTasks } from '../followup/sync-tasks.ts';
import { peopleOf } from './people.ts';
import type { MoudPlanInput } from './schemas.ts';

export type TransitionRow = typeof transitions.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;
type PacketContent = Omit<PacketView, 'version' | 'createdAt' | 'patient'>;

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/** The stored form of a plan input (absent optional fields become null). */
export function storedPlan(input: MoudPlanInput | null | undefined): MoudPlanView | null {
  if (!input) return null;
  return {
    ...input,
    firstDoseAt: input.firstDoseAt ?? null,
    lastDoseAt: input.lastDoseAt ?? null,
    notes: input.notes ?? null,
    bridge: { kind: input.bridge.kind, days: input.bridge.days ?? null, doses: input.bridge.doses ?? null },
  };
}

export function planOf(view: MoudPlanView | null): MoudPlan | null {
  return view ? { ...view, firstDoseAt: date(view.firstDoseAt), lastDoseAt: date(view.lastDoseAt) } : null;
}

/** Locks the transition row for the rest of the transaction (serializes changes to one transition). */
export async function lockTransition(
  tx: Tx,
  networkId: string,
  id: string,
): Promise<TransitionRow | undefined> {
  const [row] = await tx
    .select()
    .from(transitions)
    .where(and(eq(transitions.networkId, networkId), eq(transitions.id, id)))
    .for('update');
  return row;
}

/** A transition's referrals and, per referral, when it first reached each status the derivations need. */
export interface ReferralFacts {
  rows: ReferralRow[];
  firsts: { referralId: string; to: string; at: Date | null }[];
}

const FIRST_TIMES: readonly ReferralStatus[] = ['accepted', ...LINKED];

async function referralFacts(tx: Tx, row: TransitionRow): Promise<ReferralFacts> {
  const rows = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.networkId, row.networkId), eq(referrals.transitionId, row.id)));
  if (rows.length === 0) return { rows, firsts: [] };
  const firsts = await tx
    .select({
      referralId: referralEvents.referralId,
      to: referralEvents.toStatus,
      at: min(referralEvents.at),
    })
    .from(referralEvents)
    .where(
      and(
        eq(referralEvents.networkId, row.networkId),
        inArray(
          referralEvents.referralId,
          rows.map((r) => r.id),
        ),
        inArray(referralEvents.toStatus, [...FIRST_TIMES]),
      ),
    )
    .groupBy(referralEvents.referralId, referralEvents.toStatus);
  return { rows, firsts };
}

async function packetContent(tx: Tx, row: TransitionRow): Promise<PacketContent> {
  const [hospital] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.networkId, row.networkId), eq(organizations.id, row.hospitalOrgId)));
  const team = await peopleOf(tx, row.networkId, [
    row.navigatorMembershipId,
    row.peerMembershipId,
    row.clinicianMembershipId,
  ]);
  const contact = (id: string | null, role: string) => {
    const person = id ? team.get(id) : undefined;
    return person ? [{ name: person.name, role, email: person.email }] : [];
  };
  return {
    hospital: { id: row.hospitalOrgId, name: hospital?.name ?? '' },
    encounterType: row.encounterType as EncounterType,
    dischargedAt: row.dischargedAt?.toISOString() ?? null,
    expectedDischargeAt: row.expectedDischargeAt?.toISOString() ?? null,
    moudPlan: row.moudPlan ?? null,
    coverageEnd: row.coverageEnd?.toISOString() ?? null,
    careNeeds: row.careNeeds as CareNeed[],
    senderContacts: [
      ...contact(row.navigatorMembershipId, 'navigator'),
      ...contact(row.peerMembershipId, 'peer_specialist'),
      ...contact(row.clinicianMembershipId, 'clinician'),
    ],
  };
}

export async function refreshTransition(
  tx: Tx,
  row: TransitionRow,
  context: { timeZone: string; userId: string; now: Date; created?: boolean },
): Promise<TransitionRow> {
  const end = coverageEnd({
    plan: planOf(row.moudPlan ?? null),
    dischargedAt: row.dischargedAt,
    expectedDischargeAt: row.expectedDischargeAt,
    timeZone: context.timeZone,
  });
  const facts = await referralFacts(tx, row);
  const booked = facts.rows
    .filter((r) => BOOKED.includes(r.status as ReferralStatus) && r.appointmentAt)
    .map((r) => (r.appointmentAt as Date).getTime());
  // Linked once any referral's first visit was attended — a later failure does not undo the link; a
  // referral entered in error does not count.
  const linked = facts.rows.some(
    (r) =>
      r.status !== 'entered_in_error' &&
      facts.firsts.some((f) => f.referralId === r.id && LINKED.includes(f.to as ReferralStatus)),
  );
  const status = linked ? 'linked' : row.status === 'linked' ? 'open' : row.status;
  const firstAppointmentAt = booked.length > 0 ? new Date(Math.min(...booked)) : null;
  const derived = { ...row, coverageEnd: end, firstAppointmentAt, status };
  const content = await packetContent(tx, derived);
  const [latest] = await tx
    .select()
    .from(handoffPackets)
    .where(and(eq(handoffPackets.networkId, row.networkId), eq(handoffPackets.transitionId, row.id)))
    .orderBy(desc(handoffPackets.version))
    .limit(1);
  let packetVersion = latest?.version ?? 0;
  if (!latest || canonicalJson(latest.content) !== canonicalJson(content)) {
    packetVersion += 1;
    await tx.insert(handoffPackets).values({
      networkId: row.networkId,
      transitionId: row.id,
      version: packetVersion,
      content,
      createdBy: context.userId,
      createdAt: context.now,
    });
  }
  const [updated] = await tx
    .update(transitions)
    .set({
      coverageEnd: end,
      firstAppointmentAt: derived.firstAppointmentAt,
      status,
      packetVersion,
    })
    .where(and(eq(transitions.networkId, row.networkId), eq(transitions.id, row.id)))
    .returning();
  if (!updated) throw new Error('transition vanished');
  await syncTasks(tx, updated, facts, { now: context.now, created: context.created ?? false });
  return updated;
}
