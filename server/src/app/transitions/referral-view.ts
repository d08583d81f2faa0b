/**
 * Builds a referral as one side sees it: status with its FHIR Task / BSeR mapping, the moves this side may
 * make, the history, the latest handoff packet (the patient block only when the consent relied on covers
 * demographics — the holder always sees it), both sides' contacts, the coverage-gap clock, unread messages
 * and, for the partner, the §2.32 notice that goes with the disclosure. A use case that has just written the
 * referral passes what it already holds (`KnownReferralParts`), so the view reads only what it lacks.
 */
import { and, asc, count, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  handoffPackets,
  referralEvents,
  referralMessages,
  referralReads,
  transitions,
} from '../../db/schema/index.ts';
import { allowedMoves, STANDARD_STATUS, type Side } from '../../domain/transitions/referral-states.ts';
import type { PacketView, ReferralEventView, ReferralView } from '../../domain/transitions/views.ts';
import type { ReferralStatus } from '../../domain/transitions/vocabulary.ts';
import { suggestAlternatives } from '../followup/suggest-alternatives.ts';
import { showsName } from '../consent/shows-name.ts';
import type { OpenedReferral } from './open-referral.ts';
import { organizationNames, peopleOf } from './people.ts';
import type { TransitionRow } from './refresh-transition.ts';
import { referralSummaries, transitionGap, type ServiceName } from './transition-view.ts';

type ReferralEventRow = typeof referralEvents.$inferSelect;

/** Parts of the view the caller already holds, current as of its own write. */
export interface KnownReferralParts {
  events?: ReferralEventRow[];
  transition?: TransitionRow;
  service?: ServiceName;
  /** The referral was just created: no messages, no escalation yet. */
  isNew?: boolean;
}

/** Messages from others after this member's read mark (one statement). */
async function unreadCount(db: Queryable, opened: OpenedReferral): Promise<number> {
  const { referral, member } = opened;
  const readMark = db
    .select({ seq: referralReads.readSeq })
    .from(referralReads)
    .where(
      and(
        eq(referralReads.networkId, referral.networkId),
        eq(referralReads.referralId, referral.id),
        eq(referralReads.membershipId, member.membershipId),
      ),
    );
  const [unread] = await db
    .select({ n: count() })
    .from(referralMessages)
    .where(
      and(
        eq(referralMessages.networkId, referral.networkId),
        eq(referralMessages.referralId, referral.id),
        gt(referralMessages.seq, sql`coalesce((${readMark}), 0)`),
        ne(referralMessages.authorMembershipId, member.membershipId),
      ),
    );
  return unread?.n ?? 0;
}

async function packetOf(
  db: Queryable,
  opened: OpenedReferral,
  identified: boolean,
): Promise<PacketView | null> {
  const { referral, patient } = opened;
  const [packet] = await db
    .select()
    .from(handoffPackets)
    .where(
      and(
        eq(handoffPackets.networkId, referral.networkId),
        eq(handoffPackets.transitionId, referral.transitionId),
      ),
    )
    .orderBy(desc(handoffPackets.version))
    .limit(1);
  if (!packet) return null;
  const identity = identified
    ? {
        name: `${patient.givenName} ${patient.familyName}`,
        birthDate: patient.birthDate,
        preferredLanguage: patient.preferredLanguage,
        phones: patient.phones,
        address: patient.address ?? null,
        unhoused: patient.unhoused,
      }
    : null;
  return {
    ...packet.content,
    version: packet.version,
    createdAt: packet.createdAt.toISOString(),
    patient: identity,
  };
}

export async function referralView(
  db: Queryable,
  opened: OpenedReferral,
  now: Date,
  known: KnownReferralParts = {},
): Promise<ReferralView> {
  const { referral, side } = opened;
  const networkId = referral.networkId;
  const orgs = await organizationNames(db, networkId, [referral.senderOrgId, referral.receiverOrgId]);
  const [summary] = await referralSummaries(db, networkId, [referral], now, {
    orgNames: orgs,
    ...(known.service ? { services: [known.service] } : {}),
  });
  if (!summary) throw new Error('referral summary missing');
  const events =
    known.events ??
    (await db
      .select()
      .from(referralEvents)
      .where(and(eq(referralEvents.networkId, networkId), eq(referralEvents.referralId, referral.id)))
      .orderBy(asc(referralEvents.seq)));
  const people = await peopleOf(
    db,
    networkId,
    events.map((e) => e.actorMembershipId),
  );
  const history: ReferralEventView[] = events.map((e) => ({
    seq: e.seq,
    from: (e.fromStatus as ReferralStatus | null) ?? null,
    to: e.toStatus as ReferralStatus,
    at: e.at.toISOString(),
    side: e.side as Side,
    by: {
      organization: { id: e.actorOrgId, name: orgs.get(e.actorOrgId) ?? '' },
      name: people.get(e.actorMembershipId)?.name ?? '',
    },
    reason: e.reason ?? null,
    appointment: e.appointment ?? null,
    note: e.note,
  }));
  const receiverContacts = [
    ...new Map(
      events
        .filter((e) => e.side === 'receiver')
        .map((e) => people.get(e.actorMembershipId))
        .filter((p) => p !== undefined)
        .map((p) => [p.membershipId, { name: p.name, role: p.roles[0] ?? 'cbo_intake', email: p.email }]),
    ).values(),
  ];
  const [transition] = known.transition
    ? [known.transition]
    : await db
        .select()
        .from(transitions)
        .where(and(eq(transitions.networkId, networkId), eq(transitions.id, referral.transitionId)));
  if (!transition) throw new Error('transition missing');
  const status = referral.status as ReferralStatus;
  const identified = side === 'sender' || (await showsName(db, opened));
  return {
    ...summary,
    transitionId: referral.transitionId,
    side,
    sender: { id: referral.senderOrgId, name: orgs.get(referral.senderOrgId) ?? '' },
    patient: {
      id: referral.patientId,
      name: identified ? `${opened.patient.givenName} ${opened.patient.familyName}` : null,
    },
    taskStatus: STANDARD_STATUS[status].task,
    businessStatus: STANDARD_STATUS[status].business,
    acknowledgedAt: referral.acknowledgedAt?.toISOString() ?? null,
    allowedMoves: allowedMoves(status, side),
    consentId: referral.consentId,
    packet: await packetOf(db, opened, identified),
    receiverContacts,
    gap: transitionGap(transition, now),
    history,
    unreadMessages: known.isNew ? 0 : await unreadCount(db, opened),
    createdAt: referral.createdAt.toISOString(),
    updatedAt: referral.updatedAt.toISOString(),
    disclosure: opened.notice,
    part2: opened.patient.part2,
    // A new referral cannot have been escalated yet.
    suggestedAlternatives: side === 'sender' && !known.isNew ? await suggestAlternatives(db, referral) : [],
  };
}
