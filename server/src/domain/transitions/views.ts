/**
 * What the transitions API answers (REST and the web client share these types): transitions with their MOUD
 * plan and coverage-gap clock, referrals with their history and allowed moves, the handoff packet, messages
 * and the two worklists. Instants are ISO 8601 strings; days are `YYYY-MM-DD`.
 */
import type { DisclosureNotice } from '../consent/views.ts';
import type { ServiceKind } from '../directory/vocabulary.ts';
import type { PhoneView, AddressView } from '../patients/views.ts';
import type { GapState } from './gap-clock.ts';
import type { FhirTaskStatus, Side } from './referral-states.ts';
import type {
  BridgeKind,
  CareNeed,
  Disposition,
  EncounterType,
  Formulation,
  Medication,
  OudIdentifiedBy,
  ReferralStatus,
  TransitionStatus,
  Urgency,
} from './vocabulary.ts';

export interface PersonRef {
  membershipId: string;
  name: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
}

export interface MoudPlanView {
  medication: Medication;
  formulation: Formulation;
  dose: string;
  firstDoseAt: string | null;
  lastDoseAt: string | null;
  bridge: { kind: BridgeKind; days: number | null; doses: number | null };
  naloxoneGiven: boolean;
  notes: string | null;
}

export interface GapClockView {
  state: GapState;
  coverageEnd: string | null;
  firstAppointmentAt: string | null;
  gapHours: number;
}

export interface AppointmentView {
  at: string;
  place: string | null;
  notes: string | null;
}

export interface ReasonView {
  code: string;
  text: string;
}

/** One referral as a line in its transition. */
export interface ReferralSummary {
  id: string;
  version: number;
  receiver: OrganizationRef;
  service: { id: string; name: string; kind: ServiceKind };
  status: ReferralStatus;
  urgency: Urgency;
  sentAt: string | null;
  ackDueAt: string | null;
  /** Still waiting for the partner's answer after the deadline. */
  ackOverdue: boolean;
  appointment: AppointmentView | null;
  lastReason: ReasonView | null;
}

export interface TransitionView {
  id: string;
  version: number;
  patient: { id: string; name: string; birthDate: string };
  hospital: OrganizationRef;
  encounterType: EncounterType;
  admittedAt: string;
  expectedDischargeAt: string | null;
  dischargedAt: string | null;
  oudIdentifiedBy: OudIdentifiedBy;
  disposition: Disposition | null;
  careTeam: { navigator: PersonRef | null; peer: PersonRef | null; clinician: PersonRef | null };
  careNeeds: CareNeed[];
  status: TransitionStatus;
  moudPlan: MoudPlanView | null;
  gap: GapClockView;
  referrals: ReferralSummary[];
  createdAt: string;
  updatedAt: string;
}

export interface ReferralEventView {
  seq: number;
  from: ReferralStatus | null;
  to: ReferralStatus;
  at: string;
  side: Side;
  by: { organization: OrganizationRef; name: string };
  reason: ReasonView | null;
  appointment: AppointmentView | null;
  note: string | null;
}

export interface ContactView {
  name: string;
  role: string;
  email: string | null;
}

/**
 * The handoff packet, as sent (versioned: a new version each time the transition's content changes). The
 * patient block is present only when the consent relied on covers demographics; the rest is treatment.
 */
export interface PacketView {
  version: number;
  createdAt: string;
  patient: {
    name: string;
    birthDate: string;
    preferredLanguage: string;
    phones: PhoneView[];
    address: AddressView | null;
    unhoused: boolean;
  } | null;
  hospital: OrganizationRef;
  encounterType: EncounterType;
  dischargedAt: string | null;
  expectedDischargeAt: string | null;
  moudPlan: MoudPlanView | null;
  coverageEnd: string | null;
  careNeeds: CareNeed[];
  senderContacts: ContactView[];
}

export interface ReferralView extends ReferralSummary {
  transitionId: string;
  /** Which side the reader is on; decides `allowedMoves`. */
  side: Side;
  sender: OrganizationRef;
  patient: { id: string; name: string | null };
  taskStatus: FhirTaskStatus;
  businessStatus: { code: string; display: string } | null;
  acknowledgedAt: string | null;
  allowedMoves: ReferralStatus[];
  /** The consent relied on when it was sent (the ServiceRequest's supportingInfo). */
  consentId: string | null;
  packet: PacketView | null;
  receiverContacts: ContactView[];
  gap: GapClockView;
  history: ReferralEventView[];
  unreadMessages: number;
  createdAt: string;
  updatedAt: string;
  /** The §2.32 notice when the reader is not the holder (the partner). */
  disclosure: DisclosureNotice | null;
  /** The record is labelled as a Part 2 record (the holder is or may be a Part 2 program). */
  part2: boolean;
  /**
   * For the sender of a referral still unanswered after its escalation reached "alternatives": other
   * active services of the same kind, to consider (issue 6). Empty otherwise.
   */
  suggestedAlternatives: { id: string; name: string; organization: { id: string; name: string } }[];
}

export interface AttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface MessageView {
  id: string;
  seq: number;
  author: { name: string; organization: OrganizationRef; side: Side };
  body: string;
  createdAt: string;
  attachment: AttachmentView | null;
  /** Read receipts: who on either side has read up to this message (the author excluded). */
  readBy: { name: string; organization: OrganizationRef; readAt: string }[];
}

export interface MessagesPage {
  messages: MessageView[];
  disclosure: DisclosureNotice | null;
}

/** A hospital worklist row. */
export interface TransitionRow {
  id: string;
  patient: { id: string; name: string };
  status: TransitionStatus;
  encounterType: EncounterType;
  admittedAt: string;
  dischargeAt: string | null;
  discharged: boolean;
  navigator: PersonRef | null;
  gap: GapClockView;
  /** The earliest acknowledgement deadline among referrals still waiting, and whether it has passed. */
  nextAckDueAt: string | null;
  ackOverdue: boolean;
  referrals: { id: string; receiver: string; status: ReferralStatus }[];
}

/** A partner inbox row. `patient.name` is null when the consent does not cover demographics. */
export interface InboxRow {
  id: string;
  transitionId: string;
  patient: { id: string; name: string | null };
  sender: OrganizationRef;
  service: { id: string; name: string };
  status: ReferralStatus;
  urgency: Urgency;
  sentAt: string | null;
  ackDueAt: string | null;
  ackOverdue: boolean;
  appointmentAt: string | null;
  gap: GapClockView;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
