/**
 * Transition tables: a transition (a patient's hospital encounter with its MOUD plan), its referrals to
 * partner services, the referral history (append-only, DB trigger), the versioned handoff packet, the
 * message thread with attachments and read markers, and idempotency keys for retried POSTs.
 *
 * `coverage_end` and `first_appointment_at` are derived (from the plan, the discharge and the referrals'
 * booked appointments) and stored so that the worklists can filter and sort by the coverage-gap clock
 * with an index, not by computing it for 100,000 rows.
 */
import {
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  MoudPlanView,
  PacketView,
  AppointmentView,
  ReasonView,
} from '../../domain/transitions/views.ts';
import { memberships, organizations } from './identity.ts';
import { patients } from './patients.ts';
import { services } from './directory.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const transitions = pgTable(
  'transition',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** The hospital: the organization that holds the patient's record. */
    hospitalOrgId: uuid('hospital_org_id').notNull(),
    encounterType: text('encounter_type').notNull(),
    admittedAt: ts('admitted_at').notNull(),
    expectedDischargeAt: ts('expected_discharge_at'),
    dischargedAt: ts('discharged_at'),
    oudIdentifiedBy: text('oud_identified_by').notNull(),
    disposition: text('disposition'),
    navigatorMembershipId: uuid('navigator_membership_id'),
    peerMembershipId: uuid('peer_membership_id'),
    clinicianMembershipId: uuid('clinician_membership_id'),
    careNeeds: text('care_needs').array().notNull(),
    status: text('status').notNull(),
    moudPlan: jsonb('moud_plan').$type<MoudPlanView | null>(),
    coverageEnd: ts('coverage_end'),
    firstAppointmentAt: ts('first_appointment_at'),
    /** The current packet version (bumped when the content a partner sees changes). */
    packetVersion: integer('packet_version').notNull().default(0),
    /** The hospital's default pathway as it was when the transition began (later edits apply to new ones). */
    pathwayId: uuid('pathway_id'),
    pathwayVersion: integer('pathway_version'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    foreignKey({
      columns: [t.networkId, t.hospitalOrgId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    index('transition_hospital_status').on(t.networkId, t.hospitalOrgId, t.status, t.coverageEnd),
    index('transition_navigator').on(t.networkId, t.navigatorMembershipId, t.status),
    index('transition_patient').on(t.networkId, t.patientId),
  ],
);

export const referrals = pgTable(
  'referral',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    transitionId: uuid('transition_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    senderOrgId: uuid('sender_org_id').notNull(),
    receiverOrgId: uuid('receiver_org_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    status: text('status').notNull(),
    urgency: text('urgency').notNull(),
    sentAt: ts('sent_at'),
    ackDueAt: ts('ack_due_at'),
    acknowledgedAt: ts('acknowledged_at'),
    appointment: jsonb('appointment').$type<AppointmentView | null>(),
    appointmentAt: ts('appointment_at'),
    lastReason: jsonb('last_reason').$type<ReasonView | null>(),
    /** The consent relied on when sent (FHIR: ServiceRequest.supportingInfo → Consent). */
    consentId: uuid('consent_id'),
    packetVersion: integer('packet_version'),
    /** The partnership's pathway as it was when the referral was sent (null: the transition's pathway). */
    pathwayId: uuid('pathway_id'),
    pathwayVersion: integer('pathway_version'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.transitionId],
      foreignColumns: [transitions.networkId, transitions.id],
    }),
    foreignKey({ columns: [t.networkId, t.serviceId], foreignColumns: [services.networkId, services.id] }),
    foreignKey({
      columns: [t.networkId, t.receiverOrgId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    index('referral_transition').on(t.networkId, t.transitionId),
    index('referral_receiver_status').on(t.networkId, t.receiverOrgId, t.status, t.ackDueAt),
    index('referral_sender_status').on(t.networkId, t.senderOrgId, t.status, t.ackDueAt),
    // The scheduler tick's scan for unacknowledged referrals past their deadline, across networks.
    index('referral_status_ack_due').on(t.status, t.ackDueAt),
  ],
);

/** Every move of a referral, in order. Append-only (trigger in the migration): the history is immutable. */
export const referralEvents = pgTable(
  'referral_event',
  {
    networkId: uuid('network_id').notNull(),
    referralId: uuid('referral_id').notNull(),
    seq: integer('seq').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    side: text('side').notNull(),
    actorMembershipId: uuid('actor_membership_id').notNull(),
    actorOrgId: uuid('actor_org_id').notNull(),
    at: ts('at').notNull(),
    reason: jsonb('reason').$type<ReasonView | null>(),
    appointment: jsonb('appointment').$type<AppointmentView | null>(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.referralId, t.seq] }),
    foreignKey({ columns: [t.networkId, t.referralId], foreignColumns: [referrals.networkId, referrals.id] }),
  ],
);

/** The handoff packet, one row per version of a transition's packet (immutable once written). */
export const handoffPackets = pgTable(
  'handoff_packet',
  {
    networkId: uuid('network_id').notNull(),
    transitionId: uuid('transition_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Omit<PacketView, 'version' | 'createdAt' | 'patient'>>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.transitionId, t.version] }),
    foreignKey({
      columns: [t.networkId, t.transitionId],
      foreignColumns: [transitions.networkId, transitions.id],
    }),
  ],
);

export const referralMessages = pgTable(
  'referral_message',
  {
    networkId: uuid('network_id').notNull(),
    referralId: uuid('referral_id').notNull(),
    seq: integer('seq').notNull(),
    id: uuid('id').notNull(),
    authorMembershipId: uuid('author_membership_id').notNull(),
    authorOrgId: uuid('author_org_id').notNull(),
    side: text('side').notNull(),
    body: text('body').notNull(),
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentSize: integer('attachment_size'),
    attachment: bytea('attachment'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.referralId, t.seq] }),
    foreignKey({ columns: [t.networkId, t.referralId], foreignColumns: [referrals.networkId, referrals.id] }),
  ],
);

/** How far each person has read a thread (read receipts: a message is read by whoever's marker reaches it). */
export const referralReads = pgTable(
  'referral_read',
  {
    networkId: uuid('network_id').notNull(),
    referralId: uuid('referral_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    readSeq: integer('read_seq').notNull(),
    readAt: ts('read_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.referralId, t.membershipId] }),
    foreignKey({ columns: [t.networkId, t.referralId], foreignColumns: [referrals.networkId, referrals.id] }),
    foreignKey({
      columns: [t.networkId, t.membershipId],
      foreignColumns: [memberships.networkId, memberships.id],
    }),
  ],
);

/**
 * A POST with an `Idempotency-Key`: which object the first request created, so that a retry with the same
 * key and body answers that object again instead of creating a second one; the same key with a different
 * body is refused. Keys belong to the membership that sent them. Claimed inside the creating transaction.
 */
export const idempotencyKeys = pgTable(
  'idempotency_key',
  {
    membershipId: uuid('membership_id').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    entityId: uuid('entity_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.key] }), index('idempotency_key_created').on(t.createdAt)],
);
