/**
 * Where a seeded referral stands at `now`, from a drawn course of events: the partner declines (15 %), the
 * hospital cancels (5 %), nobody answers (5 %: the hospital cancels after two weeks), or the partner accepts and books
 * (75 %) and the patient attends (65 %; engaged two weeks later in most cases) or misses the visit (failed
 * two weeks later in most cases). Each step happens at a drawn time after the previous one; the course is
 * cut at `now`, so recent referrals are still sent, accepted or scheduled.
 */
import type { Prng } from '../../server/src/domain/demo/prng.ts';
import type { ReasonView } from '../../server/src/domain/transitions/views.ts';
import type { ReferralStatus } from '../../server/src/domain/transitions/vocabulary.ts';

const HOUR_MS = 3_600_000;
const TWO_WEEKS_MS = 14 * 24 * HOUR_MS;

export interface Outcome {
  status: ReferralStatus;
  acknowledgedAt: Date | null;
  appointmentAt: Date | null;
  reason: ReasonView | null;
  /** Moves made so far (the referral's version). */
  moves: number;
  /** When the last move happened. */
  updatedAt: Date;
  /** The partner accepted at some point (it then has a treating relationship). */
  accepted: boolean;
}

export function referralOutcome(rng: Prng, sentAt: Date, now: Date): Outcome {
  const later = (from: Date, minHours: number, maxHours: number) =>
    new Date(from.getTime() + rng.float(minHours, maxHours) * HOUR_MS);
  const past = (at: Date) => at.getTime() <= now.getTime();
  const base: Outcome = {
    status: 'sent',
    acknowledgedAt: null,
    appointmentAt: null,
    reason: null,
    moves: 1,
    updatedAt: sentAt,
    accepted: false,
  };
  const roll = rng.next();
  if (roll < 0.15) {
    const at = later(sentAt, 1, 48);
    if (!past(at)) return base;
    const reason = { code: 'no_capacity', text: 'No intake slots this week' };
    return { ...base, status: 'declined', acknowledgedAt: at, reason, moves: 2, updatedAt: at };
  }
  if (roll < 0.2) {
    const at = later(sentAt, 2, 24);
    if (!past(at)) return base;
    const reason = { code: 'referred_elsewhere', text: 'Patient chose a program closer to home' };
    return { ...base, status: 'cancelled', reason, moves: 2, updatedAt: at };
  }
  if (roll < 0.25) {
    const at = new Date(sentAt.getTime() + TWO_WEEKS_MS);
    if (!past(at)) return base;
    const reason = { code: 'other', text: 'No answer from the partner; referred elsewhere' };
    return { ...base, status: 'cancelled', reason, moves: 2, updatedAt: at };
  }
  const acknowledgedAt = later(sentAt, 0.5, 36);
  if (!past(acknowledgedAt)) return base;
  const accepted = {
    ...base,
    status: 'accepted' as const,
    acknowledgedAt,
    moves: 2,
    updatedAt: acknowledgedAt,
    accepted: true,
  };
  // Accepted and booked in one move, or booked a while after accepting.
  const bookedAt = rng.chance(0.7) ? acknowledgedAt : later(acknowledgedAt, 2, 72);
  if (!past(bookedAt)) return accepted;
  const appointmentAt = later(bookedAt, 4, 12 * 24);
  const scheduled = {
    ...accepted,
    status: 'scheduled' as const,
    appointmentAt,
    moves: accepted.moves + 1,
    updatedAt: bookedAt,
  };
  const reportedAt = later(appointmentAt, 1, 24);
  if (!past(reportedAt)) return scheduled;
  if (rng.chance(0.65)) {
    const engagedAt = new Date(reportedAt.getTime() + TWO_WEEKS_MS);
    if (past(engagedAt) && rng.chance(0.8))
      return { ...scheduled, status: 'engaged', moves: scheduled.moves + 2, updatedAt: engagedAt };
    return { ...scheduled, status: 'attended', moves: scheduled.moves + 1, updatedAt: reportedAt };
  }
  const failedAt = new Date(reportedAt.getTime() + TWO_WEEKS_MS);
  if (past(failedAt) && rng.chance(0.85)) {
    const reason = { code: 'repeated_no_show', text: 'Missed the first visit and did not answer' };
    return { ...scheduled, status: 'failed', reason, moves: scheduled.moves + 2, updatedAt: failedAt };
  }
  return { ...scheduled, status: 'no_show', moves: scheduled.moves + 1, updatedAt: reportedAt };
}
