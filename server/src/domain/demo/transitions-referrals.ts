/**
 * The demo history's referral outcomes: one referral played forward from its sending until it reaches an end
 * or its next move would come after `now`. Every history is a path of legal moves (`checkMove`; the first
 * event, from nothing to `sent`, is the `draft → sent` move of a referral created and sent at once), in
 * increasing time. Outcomes vary by the partner's profile, by medication (methadone linkage is lower), by
 * circumstances (unhoused patients and patient-directed discharges miss more appointments and are harder to
 * reach) and by the coverage gap (an appointment after the bridge runs out is missed more often). Reopening a
 * referral resets its sending time and acknowledgement deadline, as the server does.
 */
import { DAY_MS, MINUTE_MS, type ZoneClock } from '../directory/zoned-time.ts';
import { ackDeadline } from '../transitions/ack-deadline.ts';
import { checkMove, type Requirement, type Side } from '../transitions/referral-states.ts';
import type { AppointmentView, ReasonView } from '../transitions/views.ts';
import type {
  CancelReason,
  DeclineReason,
  FailureReason,
  ReferralStatus,
  Urgency,
} from '../transitions/vocabulary.ts';
import type { Prng } from './prng.ts';
import type { Encounter, PlannedReferral } from './transitions-encounters.ts';
import { clamp, weighted } from './transitions-helpers.ts';
import { TRAITS } from './transitions-profiles.ts';
import {
  APPOINTMENT_NOTES,
  attendedNote,
  CANCEL_TEXT,
  DECLINE_TEXT,
  FAILURE_TEXT,
} from './transitions-texts.ts';
import { HOUR_MS, intakeSlot, toMinute, workingTime } from './transitions-time.ts';
import type { DemoReferral, DemoReferralEvent, PartnerProfile } from './transitions-types.ts';
import type { DemoMembership, DemoOrganization } from './types.ts';

/** A referral's row and its history (seq from 1). */
export interface PlayedReferral {
  row: DemoReferral;
  events: DemoReferralEvent[];
}

/** A planned referral and everything its story needs. */
export interface PlayInput {
  planned: PlannedReferral;
  org: DemoOrganization;
  profile: PartnerProfile;
  encounter: Encounter;
  navigator: DemoMembership;
  senders: readonly DemoMembership[];
  intake: readonly DemoMembership[];
  site: { name: string; street: string; city: string } | undefined;
  consentId: string;
  nowMs: number;
  clock: ZoneClock;
}

/** Ends the story of a referral: it reached an end, or its next move would come after `now`. */
class Cut extends Error {}

/** A referral's history up to now, as the partner of `input.profile` would write it, and its row as it stands. */
export function playReferral(rng: Prng, input: PlayInput): PlayedReferral {
  const { planned, org, encounter: e, nowMs, clock } = input;
  const service = planned.service;
  const traits = TRAITS[input.profile];
  const t = e.transition;
  const events: DemoReferralEvent[] = [];
  const id = rng.uuid();
  const receiver = input.intake.length > 0 ? rng.pick(input.intake) : undefined;
  const everyDay = Boolean(service.intakeHours?.sat || service.intakeHours?.sun);
  let status: ReferralStatus | null = null;
  let appointment: AppointmentView | null = null;
  let lastReason: ReasonView | null = null;

  const emit = (
    to: ReferralStatus,
    side: Side,
    atMs: number,
    extra: { reason?: ReasonView; appointment?: AppointmentView; note?: string } = {},
  ) => {
    const previous = events[events.length - 1];
    const at = Math.max(toMinute(atMs), previous ? previous.at.getTime() + MINUTE_MS : 0);
    if (at > nowMs) throw new Cut();
    const provided = new Set<Requirement>();
    if (extra.reason)
      provided.add(
        to === 'declined' ? 'decline_reason' : to === 'cancelled' ? 'cancel_reason' : 'failure_reason',
      );
    if (extra.appointment) provided.add('appointment');
    if (extra.note) provided.add('note');
    const check = checkMove(status ?? 'draft', to, side, provided);
    if (!check.ok) throw new Error(`demo referral move ${status ?? 'draft'} → ${to} by ${side} is not legal`);
    const actor =
      side === 'sender'
        ? rng.chance(0.8)
          ? input.navigator
          : rng.pick(input.senders)
        : receiver && rng.chance(0.85)
          ? receiver
          : rng.pick(input.intake.length > 0 ? input.intake : [input.navigator]);
    events.push({
      referralId: id,
      seq: events.length + 1,
      fromStatus: status,
      toStatus: to,
      side,
      actorMembershipId: actor.id,
      actorOrgId: actor.organizationId,
      at: new Date(at),
      reason: extra.reason ?? null,
      appointment: extra.appointment ?? null,
      note: extra.note ?? null,
    });
    status = to;
    if (extra.appointment) appointment = extra.appointment;
    if (extra.reason) lastReason = extra.reason;
    return at;
  };
  const working = (ms: number) => workingTime(clock, ms, everyDay, rng);
  /** An appointment at the first intake opening at or after `earliest`. */
  const book = (earliest: number): AppointmentView => {
    const at = intakeSlot(clock, service, earliest, rng);
    return {
      at: new Date(at).toISOString(),
      place: input.site ? `${input.site.name}, ${input.site.street}, ${input.site.city}` : null,
      notes: rng.chance(0.35)
        ? rng.pick(service.kind === 'otp' ? APPOINTMENT_NOTES.otp : APPOINTMENT_NOTES.other)
        : null,
    };
  };
  const reason = (code: string, text: string): ReasonView => ({ code, text });
  /** The first visit offered: the profile's lead time after discharge, never sooner than 2 hours from booking. */
  const firstVisit = (bookingAt: number) =>
    book(
      Math.max(
        bookingAt + 2 * HOUR_MS,
        e.releaseAt + rng.int(traits.leadDays[0], traits.leadDays[1]) * DAY_MS + rng.float(0, 6) * HOUR_MS,
      ),
    );

  const urgent =
    e.plan.medication === 'methadone' || e.ama || e.identifiedBy === 'overdose'
      ? rng.chance(0.5)
      : rng.chance(0.08);
  const urgency: Urgency = planned.role === 'support' ? 'routine' : urgent ? 'urgent' : 'routine';
  const deadlineFrom = (at: Date) =>
    ackDeadline({
      sentAt: at,
      urgency,
      promise: service.acknowledgement,
      timeZone: service.timezone,
      holidays: service.holidays,
    });
  const hardToReach = (e.patient.unhoused ? 0.12 : 0) + (e.ama ? 0.1 : 0);
  // Created and sent at once (planned times are never after now).
  const sentAt = emit(
    'sent',
    'sender',
    planned.sentAt,
    planned.role === 'backup'
      ? { note: 'Backup referral after the first partner could not take the patient.' }
      : {},
  );
  const ackDueAt = deadlineFrom(new Date(sentAt));

  try {
    // The hospital withdraws before any answer (rare), or the partner never answers.
    if (rng.chance(0.015)) {
      const code = rng.pick<CancelReason>(['patient_readmitted', 'duplicate', 'patient_declined']);
      emit('cancelled', 'sender', sentAt + rng.float(1, 30) * HOUR_MS, {
        reason: reason(code, CANCEL_TEXT[code]),
      });
      throw new Cut();
    }
    if (rng.chance(traits.silent)) {
      emit('cancelled', 'sender', ackDueAt.getTime() + rng.float(1, 5) * DAY_MS, {
        reason: reason('referred_elsewhere', CANCEL_TEXT.referred_elsewhere),
      });
      throw new Cut();
    }

    let answerAt = working(sentAt + rng.float(traits.ackHours[0], traits.ackHours[1]) * HOUR_MS);
    const declineChance =
      traits.decline +
      (e.patient.insurance.kind === 'uninsured' ? 0.05 : 0) +
      (planned.role === 'support' ? -0.03 : 0);
    if (rng.chance(declineChance)) {
      const code: DeclineReason =
        input.profile === 'strained' && rng.chance(0.85)
          ? 'no_capacity'
          : weighted<DeclineReason>(rng, [
              ['not_eligible', 20],
              ['insurance_not_accepted', e.patient.insurance.kind === 'uninsured' ? 30 : 10],
              ['unable_to_contact', 20 + hardToReach * 100],
              ['patient_declined', 15],
              ['outside_service_area', 8],
              ['no_capacity', 10],
              ['other', 4],
            ]);
      answerAt = emit('declined', 'receiver', answerAt, {
        reason: reason(code, rng.pick(DECLINE_TEXT[code])),
      });
      if (!rng.chance(0.04)) throw new Cut();
      // Declined by mistake: the partner reopens it and carries on.
      answerAt = emit('sent', 'receiver', answerAt + rng.float(1, 5) * HOUR_MS, {
        note: 'Reopened: a slot opened up after all.',
      });
    }

    // Accept (and book now or later), or accept and then lose the patient before booking.
    let bookedAt: number;
    let visit: AppointmentView;
    if (rng.chance(traits.bookAtOnce)) {
      visit = firstVisit(answerAt);
      bookedAt = emit('scheduled', 'receiver', answerAt, { appointment: visit });
    } else {
      const acceptedAt = emit(
        'accepted',
        'receiver',
        answerAt,
        rng.chance(0.2) ? { note: 'Intake will call the patient today.' } : {},
      );
      if (rng.chance(0.05 + hardToReach + (e.plan.medication === 'methadone' ? 0.05 : 0))) {
        emit('failed', 'receiver', working(acceptedAt + rng.float(3, 10) * DAY_MS), {
          reason: reason('unable_to_contact', FAILURE_TEXT.unable_to_contact),
        });
        throw new Cut();
      }
      if (rng.chance(0.015)) {
        emit('declined', 'receiver', working(acceptedAt + rng.float(4, 48) * HOUR_MS), {
          reason: reason('not_eligible', 'Intake assessment: needs residential treatment first.'),
        });
        throw new Cut();
      }
      const when = working(acceptedAt + rng.float(2, 30) * HOUR_MS);
      visit = firstVisit(when);
      bookedAt = emit('scheduled', 'receiver', when, { appointment: visit });
    }

    for (let attempt = 0; ; attempt++) {
      let visitAt = Date.parse(visit.at);
      // The partner moves the appointment now and then.
      if (rng.chance(0.07) && visitAt - bookedAt > 6 * HOUR_MS) {
        const movedAt = bookedAt + rng.float(0.2, 0.8) * (visitAt - bookedAt);
        visit = book(visitAt + rng.int(1, 3) * DAY_MS);
        bookedAt = emit('scheduled', 'receiver', movedAt, {
          appointment: visit,
          note: 'Provider out sick; moved to the next opening.',
        });
        visitAt = Date.parse(visit.at);
      }
      // The hospital cancels a booked visit (rare).
      if (rng.chance(0.015)) {
        const code = rng.pick<CancelReason>([
          'patient_readmitted',
          'patient_moved',
          'referred_elsewhere',
          'patient_died',
        ]);
        emit('cancelled', 'sender', bookedAt + rng.float(0.1, 0.9) * (visitAt - bookedAt), {
          reason: reason(code, CANCEL_TEXT[code]),
        });
        throw new Cut();
      }
      const coverage = t.coverageEnd?.getTime();
      let attend =
        0.82 +
        traits.attend -
        0.015 * Math.max(0, (visitAt - e.releaseAt) / DAY_MS - 4) -
        (e.plan.medication === 'methadone' ? 0.14 : 0) -
        (e.patient.unhoused ? 0.12 : 0) -
        (e.ama ? 0.12 : 0) -
        (coverage !== undefined && visitAt > coverage ? 0.06 : 0) +
        (planned.role === 'support' ? 0.04 : 0);
      if (attempt > 0) attend -= 0.12;
      const reportedAt = visitAt + rng.float(0.5, 6) * HOUR_MS;
      if (rng.chance(clamp(attend, 0.2, 0.95))) {
        emit(
          'attended',
          'receiver',
          reportedAt,
          rng.chance(0.25) ? { note: attendedNote(service.kind) } : {},
        );
        // Still in treatment a month later, or left at `attended` (not `failed`: the server's refresh would
        // then take the transition's link away, though the first visit did happen).
        if (rng.chance(0.62)) emit('engaged', 'receiver', visitAt + rng.float(28, 35) * DAY_MS);
        throw new Cut();
      }
      const missedAt = emit('no_show', 'receiver', reportedAt);
      const rebook = attempt < 2 && rng.chance((e.patient.unhoused ? 0.4 : 0.55) - attempt * 0.2);
      if (!rebook) {
        const code: FailureReason = attempt > 0 ? 'repeated_no_show' : 'unable_to_contact';
        emit('failed', 'receiver', working(missedAt + rng.float(3, 10) * DAY_MS), {
          reason: reason(code, FAILURE_TEXT[code]),
        });
        throw new Cut();
      }
      const when = working(missedAt + rng.float(4, 48) * HOUR_MS);
      visit = book(when + rng.float(1, 6) * DAY_MS);
      bookedAt = emit('scheduled', 'receiver', when, {
        appointment: visit,
        note: 'Rebooked after the missed visit.',
      });
    }
  } catch (error) {
    if (!(error instanceof Cut)) throw error;
  }

  const first = events[0] as DemoReferralEvent;
  const last = events[events.length - 1] as DemoReferralEvent;
  const answered = events.find((ev) => ev.side === 'receiver');
  // Reopening sends it again: a new sending time and acknowledgement deadline (as the server does).
  const lastSent = events.filter((ev) => ev.toStatus === 'sent').pop() ?? first;
  const row: DemoReferral = {
    id,
    transitionId: t.id,
    patientId: e.patient.id,
    senderOrgId: e.hospital.id,
    receiverOrgId: org.id,
    serviceId: service.id,
    status: last.toStatus,
    urgency,
    sentAt: lastSent.at,
    ackDueAt: lastSent === first ? ackDueAt : deadlineFrom(lastSent.at),
    acknowledgedAt: answered?.at ?? null,
    appointment,
    appointmentAt: appointment ? new Date((appointment as AppointmentView).at) : null,
    lastReason,
    consentId: input.consentId,
    packetVersion: 1,
    version: events.length,
    createdBy: input.navigator.userId,
    createdAt: first.at,
    updatedAt: last.at,
    role: planned.role,
  };
  return { row, events };
}
