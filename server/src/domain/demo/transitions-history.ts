/**
 * Phase 3 of the demo history: plays each encounter's referrals forward to `now` (a declined or unanswered
 * MOUD referral is usually followed by one to a backup service) and writes the rows: the consent naming
 * exactly the organizations the referrals went to, recorded before the first one; the transition's status,
 * appointment and coverage fields as they stand now (`linked` with an attended first visit, `closed` a month
 * after discharge when all its referrals ended without one); its packet; the referrals and their events; the
 * partners' reads in the ledger and the treating relationships they get when they accept.
 */
import { localDay } from '../../lib/local-day.ts';
import { DAY_MS, MINUTE_MS } from '../directory/zoned-time.ts';
import { LINKED, TERMINAL } from '../transitions/referral-states.ts';
import type { Prng } from './prng.ts';
import type { HistoryContext } from './transitions-context.ts';
import type { Encounter, PlannedReferral } from './transitions-encounters.ts';
import { packetOf } from './transitions-packets.ts';
import { chooseMoud, type ChooseService } from './transitions-partners.ts';
import { playReferral, type PlayedReferral } from './transitions-referrals.ts';
import type {
  DemoHistoryConsent,
  DemoTransition,
  DemoTransitionSet,
  DemoTreatingRelationship,
  PartnerProfile,
} from './transitions-types.ts';
import type { DemoMembership } from './types.ts';

/** A transition whose referrals all ended without a first visit is closed this long after discharge. */
export const CLOSE_AFTER_DAYS = 30;

/** The rows of the history: every encounter's transition, played forward to now. */
export function writeHistory(
  rng: Prng,
  ctx: HistoryContext,
  encounters: readonly Encounter[],
  profiles: Record<string, PartnerProfile>,
  choose: ChooseService,
): DemoTransitionSet {
  const { nowMs, timeZone, userById, userOfMembership, staffOf } = ctx;
  const set: DemoTransitionSet = {
    patients: [],
    consents: [],
    transitions: [],
    referrals: [],
    events: [],
    packets: [],
    treatingRelationships: [],
    disclosures: [],
    profiles,
  };
  const related = new Map<string, DemoTreatingRelationship>();
  for (const e of encounters) {
    const t = e.transition;
    const hospitalTeam = staffOf(e.hospital.id);
    const navigator =
      hospitalTeam.navigators.find((m) => m.id === t.navigatorMembershipId) ?? hospitalTeam.navigators[0];
    if (!navigator) continue;
    const consentId = rng.uuid();
    const referrals = playReferrals(rng, ctx, {
      encounter: e,
      navigator,
      senders: hospitalTeam.navigators,
      consentId,
      profiles,
      choose,
    });

    // The consent names exactly the organizations the referrals went to, recorded before the first one.
    if (referrals.length > 0) set.consents.push(consentOf(rng, e, navigator, consentId, referrals, timeZone));

    // Transition status, first appointment, last update and version, from the referrals as they stand now.
    settle(t, e.releaseAt, referrals, nowMs);

    // One packet version, written when the transition was created, with the content as it stands now (what
    // the server's refresh would write: it adds a version only when that content changes).
    t.packetVersion = 1;
    set.packets.push(packetOf(e, hospitalTeam, navigator, userById));
    set.transitions.push(t);
    for (const { row, events } of referrals) {
      set.referrals.push(row);
      set.events.push(...events);
      // The ledger: the partner's intake opened the referral and its packet before answering.
      const answer = events.find((ev) => ev.side === 'receiver');
      const reader = answer ? userOfMembership.get(answer.actorMembershipId) : undefined;
      if (answer && reader) {
        set.disclosures.push({
          id: rng.uuid(),
          patientId: row.patientId,
          holderOrgId: row.senderOrgId,
          recipientOrgId: row.receiverOrgId,
          recipientUserId: reader,
          consentId,
          at: new Date(
            Math.max(row.createdAt.getTime() + MINUTE_MS, answer.at.getTime() - rng.int(1, 10) * MINUTE_MS),
          ),
        });
      }
      const acceptance = events.find((ev) => ev.toStatus === 'accepted' || ev.toStatus === 'scheduled');
      const key = `${row.patientId}|${row.receiverOrgId}`;
      if (acceptance && !related.has(key)) {
        related.set(key, {
          patientId: row.patientId,
          organizationId: row.receiverOrgId,
          basis: 'referral_accepted',
          startedAt: acceptance.at,
          endedAt: null,
        });
      }
    }
  }
  set.treatingRelationships = [...related.values()];
  // The patients with at least one transition, in order of their first.
  set.patients = [...new Map(encounters.map((e) => [e.patient.id, e.patient])).values()];
  return set;
}

/** An encounter's referrals played forward, in the order they were sent, with at most one backup. */
function playReferrals(
  rng: Prng,
  ctx: HistoryContext,
  input: {
    encounter: Encounter;
    navigator: DemoMembership;
    senders: readonly DemoMembership[];
    consentId: string;
    profiles: Record<string, PartnerProfile>;
    choose: ChooseService;
  },
): PlayedReferral[] {
  const { orgById, siteById, staffOf, nowMs, clock } = ctx;
  const { encounter: e, navigator, senders, consentId, profiles, choose } = input;
  const queue = [...e.referrals];
  const referrals: PlayedReferral[] = [];
  let backupSent = false;
  while (queue.length > 0) {
    const planned = queue.shift() as PlannedReferral;
    const org = orgById.get(planned.service.organizationId);
    if (!org) continue;
    const played = playReferral(rng, {
      planned,
      org,
      profile: profiles[org.id] ?? 'steady',
      encounter: e,
      navigator,
      senders,
      intake: staffOf(org.id).intake,
      site: siteById.get(planned.service.siteId),
      consentId,
      nowMs,
      clock,
    });
    referrals.push(played);
    // A declined or unanswered MOUD referral: the navigator tries a backup service (once).
    const last = played.events[played.events.length - 1];
    const wantsBackup =
      planned.role === 'moud' &&
      !backupSent &&
      last !== undefined &&
      (last.toStatus === 'declined' ||
        (last.toStatus === 'cancelled' && last.reason?.code === 'referred_elsewhere'));
    if (wantsBackup && rng.chance(0.7)) {
      const sentAt = last.at.getTime() + rng.int(30, 20 * 60) * MINUTE_MS;
      const exclude = new Set(referrals.map((r) => r.row.receiverOrgId));
      const backup = chooseMoud(choose, e, sentAt, exclude);
      if (backup && sentAt <= nowMs) {
        queue.push({ role: 'backup', service: backup, sentAt });
        backupSent = true;
      }
    }
  }
  return referrals;
}

/** The consent the navigator recorded: naming the receivers in the order they were first referred to. */
function consentOf(
  rng: Prng,
  e: Encounter,
  navigator: DemoMembership,
  consentId: string,
  referrals: readonly PlayedReferral[],
  timeZone: string,
): DemoHistoryConsent {
  const receiversInOrder = [...new Set(referrals.map((r) => r.row.receiverOrgId))];
  return {
    id: consentId,
    patientId: e.patient.id,
    holderOrgId: e.hospital.id,
    recordedBy: navigator.userId,
    recordedAt: new Date(e.consentAt),
    expiresOn: null,
    expiryEvent: 'end of treatment',
    signerName: `${e.patient.givenName} ${e.patient.familyName}`,
    signedOn: localDay(new Date(e.consentAt), timeZone),
    language: e.patient.preferredLanguage === 'es' ? 'es' : 'en',
    recipients: receiversInOrder.map((organizationId) => ({
      id: rng.uuid(),
      organizationId,
      revokedAt: null,
    })),
  };
}

/** Sets the transition's status, first appointment, last update and version from its referrals as they stand. */
function settle(
  t: DemoTransition,
  releaseAt: number,
  referrals: readonly PlayedReferral[],
  nowMs: number,
): void {
  const linked = referrals.some((r) =>
    r.events.some((ev) => (LINKED as readonly string[]).includes(ev.toStatus)),
  );
  const allEnded = referrals.every((r) => (TERMINAL as readonly string[]).includes(r.row.status));
  const releasedLongAgo = releaseAt < nowMs - CLOSE_AFTER_DAYS * DAY_MS;
  t.status = linked ? 'linked' : allEnded && releasedLongAgo ? 'closed' : 'open';
  const booked = referrals
    .filter((r) => r.row.status === 'scheduled' && r.row.appointmentAt)
    .map((r) => (r.row.appointmentAt as Date).getTime());
  t.firstAppointmentAt = booked.length > 0 ? new Date(Math.min(...booked)) : null;
  const lastEventAt = Math.max(
    t.createdAt.getTime(),
    t.dischargedAt?.getTime() ?? 0,
    ...referrals.flatMap((r) => r.events.map((ev) => ev.at.getTime())),
  );
  t.updatedAt = new Date(Math.min(nowMs, lastEventAt));
  t.version = 1 + (t.dischargedAt ? 1 : 0) + (t.status === 'open' ? 0 : 1);
}
