/**
 * What people write in the demo history's referrals: the partners' decline, the hospitals' cancel and the
 * partners' failure texts by reason, the notes on booked appointments and on attended first visits.
 */
import type { ServiceKind } from '../directory/vocabulary.ts';
import type { CancelReason, DeclineReason, FailureReason } from '../transitions/vocabulary.ts';

export const DECLINE_TEXT: Readonly<Record<DeclineReason, readonly string[]>> = {
  no_capacity: [
    'No intake slots this week; our waitlist is about two weeks.',
    'Prescriber panel is full until next month.',
    'At capacity: no new admissions this week.',
  ],
  not_eligible: ['Needs a higher level of care than we offer.', 'Outside our age or program criteria.'],
  insurance_not_accepted: [
    'We are not in network with this plan.',
    'No sliding-scale slots left this month.',
  ],
  medication_not_offered: ['Our prescriber is on leave; we cannot continue this medication right now.'],
  outside_service_area: ['The patient lives outside our service area; try a clinic closer to home.'],
  patient_declined: ['Patient told our intake worker they prefer another program.'],
  unable_to_contact: ['Three calls and a text without an answer; voicemail full.'],
  other: ['Duplicate of a referral we already received from the ED.'],
};

export const CANCEL_TEXT: Readonly<Record<CancelReason, string>> = {
  patient_declined: 'Patient changed their mind about this program.',
  referred_elsewhere: 'No answer from the partner; referred to another clinic.',
  patient_readmitted: 'Patient readmitted before the appointment.',
  patient_moved: 'Patient moved out of the county.',
  patient_died: 'Patient died.',
  duplicate: 'Sent twice by mistake.',
  other: 'Patient asked us to hold the referral.',
};

export const FAILURE_TEXT: Readonly<Record<FailureReason, string>> = {
  unable_to_contact: 'Phone disconnected; no answer to calls or texts for a week.',
  patient_declined: 'Stopped coming after the first visits.',
  repeated_no_show: 'Missed two intake appointments.',
  other: 'Patient incarcerated.',
};

/** Notes a partner adds to a booked appointment now and then: an OTP's, and everyone else's. */
export const APPOINTMENT_NOTES: Readonly<Record<'otp' | 'other', readonly string[]>> = {
  otp: [
    'Arrive 30 minutes early for intake and the first dose.',
    'Bring photo ID; intake takes about three hours.',
  ],
  other: [
    'Bring photo ID and insurance card.',
    'Ask for the intake coordinator at the front desk.',
    'Peer will meet the patient in the lobby.',
  ],
};

const ATTENDED_NOTE: Readonly<Partial<Record<ServiceKind, string>>> = {
  otp: 'Intake done; first dose given, dosing daily.',
  peer_support: 'Met with a peer; naloxone kit refreshed.',
  harm_reduction: 'Met with a peer; naloxone kit refreshed.',
  recovery_housing: 'Moved in today.',
};

/** The note on an attended first visit, by the kind of service. */
export function attendedNote(kind: ServiceKind): string {
  return ATTENDED_NOTE[kind] ?? 'Seen by the prescriber; prescription renewed, next visit in one week.';
}
