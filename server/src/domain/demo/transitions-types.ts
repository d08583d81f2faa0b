/**
 * The shapes the demo history of transitions produces: the rows of the patient, consent, transition, packet,
 * referral, referral-event, treating-relationship and disclosure tables, minus what the seeder adds (the
 * network id where it is the same for every row, derived timestamps), plus what tests and statistics read
 * (each referral's role, each receiver's behaviour profile).
 */
import type { Side } from '../transitions/referral-states.ts';
import type {
  CareNeed,
  Disposition,
  EncounterType,
  OudIdentifiedBy,
  ReferralStatus,
  TransitionStatus,
  Urgency,
} from '../transitions/vocabulary.ts';
import type { AppointmentView, MoudPlanView, PacketView, ReasonView } from '../transitions/views.ts';

export interface DemoHistoryPatient {
  id: string;
  holderOrgId: string;
  givenName: string;
  familyName: string;
  nameKey: string;
  birthDate: string;
  sex: 'female' | 'male';
  phones: Array<{ number: string; use: 'mobile'; voicemailOk: boolean; textOk: boolean }>;
  address: { street: string; city: string; state: string; postalCode: string } | null;
  unhoused: boolean;
  preferredLanguage: string;
  insurance: {
    kind: 'medicaid' | 'medicare' | 'commercial' | 'uninsured';
    payerName: string | null;
    memberId: string | null;
  };
  part2: boolean;
  createdBy: string;
  createdAt: Date;
  mrn: string;
}

export interface DemoHistoryConsent {
  id: string;
  patientId: string;
  holderOrgId: string;
  recordedBy: string;
  recordedAt: Date;
  expiresOn: null;
  expiryEvent: string;
  signerName: string;
  signedOn: string;
  language: 'en' | 'es';
  recipients: Array<{ id: string; organizationId: string; revokedAt: null }>;
}

export interface DemoTransition {
  id: string;
  patientId: string;
  hospitalOrgId: string;
  encounterType: EncounterType;
  admittedAt: Date;
  expectedDischargeAt: Date | null;
  dischargedAt: Date | null;
  oudIdentifiedBy: OudIdentifiedBy;
  disposition: Disposition | null;
  navigatorMembershipId: string;
  peerMembershipId: string | null;
  clinicianMembershipId: string | null;
  careNeeds: CareNeed[];
  status: TransitionStatus;
  moudPlan: MoudPlanView;
  coverageEnd: Date | null;
  firstAppointmentAt: Date | null;
  packetVersion: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Why a referral went to this service: the MOUD itself, a backup after a decline, or a support service. */
export type ReferralRole = 'moud' | 'backup' | 'support';

export interface DemoReferral {
  id: string;
  transitionId: string;
  patientId: string;
  senderOrgId: string;
  receiverOrgId: string;
  serviceId: string;
  status: ReferralStatus;
  urgency: Urgency;
  sentAt: Date;
  ackDueAt: Date;
  acknowledgedAt: Date | null;
  appointment: AppointmentView | null;
  appointmentAt: Date | null;
  lastReason: ReasonView | null;
  consentId: string;
  packetVersion: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Not stored: what the referral was for (tests and statistics). */
  role: ReferralRole;
}

export interface DemoReferralEvent {
  referralId: string;
  seq: number;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  side: Side;
  actorMembershipId: string;
  actorOrgId: string;
  at: Date;
  reason: ReasonView | null;
  appointment: AppointmentView | null;
  note: string | null;
}

export interface DemoHandoffPacket {
  transitionId: string;
  version: number;
  content: Omit<PacketView, 'version' | 'createdAt' | 'patient'>;
  createdBy: string;
  createdAt: Date;
}

export interface DemoTreatingRelationship {
  patientId: string;
  organizationId: string;
  basis: 'referral_accepted';
  startedAt: Date;
  endedAt: null;
}

/**
 * A partner's read of a referral under the patient's consent, as the ledger records it (treatment data, for
 * treatment): its intake staff opening the referral and packet before the first answer. (The server also
 * records each later read; the demo keeps one per referral.)
 */
export interface DemoReferralDisclosure {
  id: string;
  patientId: string;
  holderOrgId: string;
  recipientOrgId: string;
  recipientUserId: string;
  consentId: string;
  at: Date;
}

export type PartnerProfile = 'fast' | 'steady' | 'slow' | 'strained';

export interface DemoTransitionSet {
  patients: DemoHistoryPatient[];
  consents: DemoHistoryConsent[];
  transitions: DemoTransition[];
  referrals: DemoReferral[];
  /** Every referral's history, in order (seq from 1). */
  events: DemoReferralEvent[];
  packets: DemoHandoffPacket[];
  treatingRelationships: DemoTreatingRelationship[];
  disclosures: DemoReferralDisclosure[];
  /** Not stored: each receiving organization's behaviour profile. */
  profiles: Record<string, PartnerProfile>;
}
