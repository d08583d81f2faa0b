/**
 * The referral state machine, held as data (architecture: "State machines are data"): every legal move, who
 * may make it and what it must carry, checked in one place (`checkMove`), and each status's FHIR Task status
 * (SDOH Clinical Care, `standards.md` §1.5) and BSeR / 360X business status (§2.1, §4).
 *
 * Sides: the `sender` is the organization that sent the referral (the hospital), the `receiver` the partner
 * that owns the service. Choices where the standards leave room, written down:
 * - The receiver may accept and book in one move (`sent → scheduled`): "accept and schedule in one click".
 * - Moving a booked appointment is `scheduled → scheduled` with the new appointment; only the receiver books
 *   (it owns its calendar); the sender asks in the thread.
 * - A no-show is rescheduled with `no_show → scheduled`.
 * - Reopen (`declined | failed → sent`) needs a note; either side may reopen those (a partner that declined
 *   by mistake, a hospital asking again). A cancellation is reopened by the sender only: a partner must not
 *   revive a referral the hospital withdrew (the patient declined, died, went elsewhere), nor a draft that
 *   was never sent. Every move to `sent` re-checks the consent (in the use case).
 * - `entered-in-error` only by the sender, from any status (FHIR: "any → entered-in-error: Requester").
 * - `engaged` is the closed loop (Task `completed`); `attended` maps to `in-progress` with BSeR 5.1.4.
 * - `no_show` maps to Task `on-hold` (the referral waits for a new booking) with BSeR 5.1.2.
 */
import type { ReferralStatus } from './vocabulary.ts';

export type Side = 'sender' | 'receiver';
export type Requirement = 'decline_reason' | 'cancel_reason' | 'failure_reason' | 'appointment' | 'note';

export interface Move {
  from: ReferralStatus;
  to: ReferralStatus;
  by: readonly Side[];
  requires: readonly Requirement[];
}

const SENDER: readonly Side[] = ['sender'];
const RECEIVER: readonly Side[] = ['receiver'];
const EITHER: readonly Side[] = ['sender', 'receiver'];

const move = (from: ReferralStatus, to: ReferralStatus, by: readonly Side[], ...requires: Requirement[]) => ({
  from,
  to,
  by,
  requires,
});

const CANCELLABLE: readonly ReferralStatus[] = ['sent', 'accepted', 'scheduled', 'no_show'];
const REOPENABLE: readonly ReferralStatus[] = ['declined', 'failed'];
const ANY_BUT_ERROR = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'scheduled',
  'attended',
  'no_show',
  'engaged',
  'cancelled',
  'failed',
] as const satisfies readonly ReferralStatus[];

export const MOVES: readonly Move[] = [
  move('draft', 'sent', SENDER),
  move('draft', 'cancelled', SENDER, 'cancel_reason'),
  move('sent', 'accepted', RECEIVER),
  move('sent', 'declined', RECEIVER, 'decline_reason'),
  move('sent', 'scheduled', RECEIVER, 'appointment'),
  move('accepted', 'scheduled', RECEIVER, 'appointment'),
  move('accepted', 'declined', RECEIVER, 'decline_reason'),
  move('accepted', 'failed', RECEIVER, 'failure_reason'),
  move('scheduled', 'scheduled', RECEIVER, 'appointment'),
  move('scheduled', 'attended', RECEIVER),
  move('scheduled', 'no_show', RECEIVER),
  move('scheduled', 'failed', RECEIVER, 'failure_reason'),
  move('no_show', 'scheduled', RECEIVER, 'appointment'),
  move('no_show', 'failed', RECEIVER, 'failure_reason'),
  move('attended', 'engaged', RECEIVER),
  move('attended', 'failed', RECEIVER, 'failure_reason'),
  ...CANCELLABLE.map((from) => move(from, 'cancelled', EITHER, 'cancel_reason')),
  ...REOPENABLE.map((from) => move(from, 'sent', EITHER, 'note')),
  move('cancelled', 'sent', SENDER, 'note'),
  ...ANY_BUT_ERROR.map((from) => move(from, 'entered_in_error', SENDER, 'note')),
];

/** Statuses in which the partner has not answered yet (accept, decline or book): the ack deadline runs. */
export const WAITING_FOR_ANSWER: readonly ReferralStatus[] = ['sent'];
/** Statuses after which nothing more is expected unless someone reopens. */
export const TERMINAL: readonly ReferralStatus[] = [
  'declined',
  'engaged',
  'cancelled',
  'failed',
  'entered_in_error',
];
/** A first community visit took place (the transition is linked). */
export const LINKED: readonly ReferralStatus[] = ['attended', 'engaged'];
/** Statuses that hold a booked appointment that still counts for the coverage-gap clock. */
export const BOOKED: readonly ReferralStatus[] = ['scheduled'];

/** The moves a side may make from a status, as target statuses (what a 409 lists). */
export function allowedMoves(from: ReferralStatus, side: Side): ReferralStatus[] {
  return MOVES.filter((m) => m.from === from && m.by.includes(side)).map((m) => m.to);
}

export type MoveCheck =
  | { ok: true; move: Move }
  | { ok: false; problem: 'illegal_move'; allowed: ReferralStatus[] }
  | { ok: false; problem: 'missing'; missing: Requirement[] };

/** Checks a requested move; `provided` lists what the request carries (a reason, an appointment, a note). */
export function checkMove(
  from: ReferralStatus,
  to: ReferralStatus,
  side: Side,
  provided: ReadonlySet<Requirement>,
): MoveCheck {
  const found = MOVES.find((m) => m.from === from && m.to === to && m.by.includes(side));
  if (!found) return { ok: false, problem: 'illegal_move', allowed: allowedMoves(from, side) };
  const missing = found.requires.filter((r) => !provided.has(r));
  return missing.length > 0 ? { ok: false, problem: 'missing', missing } : { ok: true, move: found };
}

export type FhirTaskStatus =
  | 'draft'
  | 'requested'
  | 'accepted'
  | 'rejected'
  | 'in-progress'
  | 'on-hold'
  | 'completed'
  | 'cancelled'
  | 'failed'
  | 'entered-in-error';

/**
 * Internal status → FHIR Task.status (SDOH CC value set: no `ready`, no `received`) and BSeR businessStatus,
 * with the display of BSeR's `TaskBusinessStatusCS` (a Coding's display must match its code system's).
 */
export const STANDARD_STATUS: Readonly<
  Record<ReferralStatus, { task: FhirTaskStatus; business: { code: string; display: string } | null }>
> = {
  draft: { task: 'draft', business: null },
  sent: { task: 'requested', business: { code: '2.0', display: 'Service Request Created' } },
  accepted: { task: 'accepted', business: { code: '3.0', display: 'Service Request Accepted' } },
  declined: { task: 'rejected', business: { code: '4.0', display: 'Service Request Declined' } },
  scheduled: { task: 'in-progress', business: { code: '5.1.1', display: 'Service Request Event Scheduled' } },
  no_show: {
    task: 'on-hold',
    business: { code: '5.1.2', display: 'Scheduled Service Request Event Unattended' },
  },
  attended: { task: 'in-progress', business: { code: '5.1.4', display: 'Service Request Event Completed' } },
  engaged: { task: 'completed', business: { code: '7.0', display: 'Service Request Fulfillment Completed' } },
  cancelled: {
    task: 'cancelled',
    business: { code: '6.0', display: 'Service Request Fulfillment Cancelled' },
  },
  failed: { task: 'failed', business: { code: '6.0', display: 'Service Request Fulfillment Cancelled' } },
  entered_in_error: { task: 'entered-in-error', business: null },
};
