/**
 * Consent tables (42 CFR Part 2; `../shared/design/part2-privacy.md`). A consent is stored only when it
 * holds every §2.31(a) element; recipients are rows so that one can be revoked without the others (P10);
 * revocations keep the written request. The disclosure ledger is append-only (a trigger refuses UPDATE,
 * DELETE and TRUNCATE) and feeds the accounting of disclosures (§2.25) and the intermediary list (§2.24).
 * Restrictions (§2.26) and §2.51 emergency accesses complete the policy facts.
 */
import {
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './identity.ts';
import { patients } from './patients.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const consents = pgTable(
  'consent',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    /** Element 2: the organization that may disclose (the holder of the record). */
    holderOrgId: uuid('holder_org_id').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull().default('active'),
    information: text('information').notNull(),
    categories: text('categories').array().notNull(),
    purposes: text('purposes').array().notNull(),
    purposeDescription: text('purpose_description').notNull(),
    revocationHow: text('revocation_how').notNull(),
    expiresOn: day('expires_on'),
    expiryEvent: text('expiry_event'),
    /** When staff recorded that the expiry event happened (effective from then), and the day it happened. */
    expiryEventAt: ts('expiry_event_at'),
    expiryEventOn: day('expiry_event_on'),
    signatureMethod: text('signature_method').notNull(),
    signerName: text('signer_name').notNull(),
    signerCapacity: text('signer_capacity').notNull(),
    signerAuthority: text('signer_authority'),
    signatureImage: bytea('signature_image'),
    signatureContentType: text('signature_content_type'),
    signedOn: day('signed_on').notNull(),
    redisclosureStatement: boolean('redisclosure_statement').notNull(),
    refusalConsequences: text('refusal_consequences'),
    hipaaRedisclosureStatement: boolean('hipaa_redisclosure_statement').notNull(),
    programFundraises: boolean('program_fundraises').notNull(),
    fundraisingOptOutStatement: boolean('fundraising_opt_out_statement').notNull(),
    intermediary: boolean('intermediary').notNull(),
    language: text('language').notNull(),
    noticeVersion: text('notice_version').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    revokedAt: ts('revoked_at'),
    suspendedAt: ts('suspended_at'),
    suspendedReason: text('suspended_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    index('consent_patient').on(t.networkId, t.patientId),
  ],
);

export const consentRecipients = pgTable(
  'consent_recipient',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    consentId: uuid('consent_id').notNull(),
    /** Denormalised so that "patients shared with organization X" is one index lookup. */
    patientId: uuid('patient_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    organizationId: uuid('organization_id'),
    description: text('description'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.consentId], foreignColumns: [consents.networkId, consents.id] }),
    foreignKey({
      columns: [t.networkId, t.organizationId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    index('consent_recipient_org').on(t.networkId, t.organizationId),
    index('consent_recipient_consent').on(t.networkId, t.consentId),
  ],
);

/** A written revocation (P10): whole consent or some recipients, with the request it rests on. */
export const consentRevocations = pgTable(
  'consent_revocation',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    consentId: uuid('consent_id').notNull(),
    whole: boolean('whole').notNull(),
    recipientIds: uuid('recipient_ids').array().notNull(),
    method: text('method').notNull(),
    receivedOn: day('received_on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.consentId], foreignColumns: [consents.networkId, consents.id] }),
  ],
);

/** The disclosure ledger (P15, P16): one row per permitted disclosure outside the holder. Append-only. */
export const disclosures = pgTable(
  'disclosure',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    holderOrgId: uuid('holder_org_id').notNull(),
    recipientOrgId: uuid('recipient_org_id').notNull(),
    recipientUserId: uuid('recipient_user_id').notNull(),
    at: ts('at').notNull(),
    categories: text('categories').array().notNull(),
    description: text('description').notNull(),
    purpose: text('purpose').notNull(),
    basis: text('basis').notNull(),
    consentId: uuid('consent_id'),
    emergencyAccessId: uuid('emergency_access_id'),
    generalDesignation: boolean('general_designation').notNull(),
    channel: text('channel').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    index('disclosure_patient_at').on(t.networkId, t.patientId, t.at),
  ],
);

/** A request to restrict TPO disclosures (§2.26, P17) and its decision. */
export const restrictions = pgTable(
  'restriction',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    description: text('description').notNull(),
    organizationId: uuid('organization_id'),
    purposes: text('purposes').array().notNull(),
    receivedOn: day('received_on').notNull(),
    decision: text('decision').notNull(),
    paidInFull: boolean('paid_in_full').notNull(),
    itemOrService: text('item_or_service'),
    paidBy: text('paid_by'),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: ts('decided_at').notNull(),
    terminatedAt: ts('terminated_at'),
    /** How the termination rests on the patient (§2.26(b)(1)–(2)): written request or documented oral agreement. */
    terminationBasis: text('termination_basis'),
    terminationNote: text('termination_note'),
    terminatedBy: uuid('terminated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    index('restriction_patient').on(t.networkId, t.patientId),
  ],
);

/** A §2.51 medical-emergency access ("break glass", P19), documented with the four §2.51(c) items. */
export const emergencyAccesses = pgTable(
  'emergency_access',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    holderOrgId: uuid('holder_org_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    userId: uuid('user_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientAffiliation: text('recipient_affiliation').notNull(),
    nature: text('nature').notNull(),
    at: ts('at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewNote: text('review_note'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    index('emergency_access_patient').on(t.networkId, t.patientId),
    index('emergency_access_holder').on(t.networkId, t.holderOrgId, t.reviewedAt),
  ],
);

/**
 * A patient's written request for the list of disclosures made under a general designation (§2.24, P16):
 * the holder must answer within 30 days of receipt. Open requests form the administrators' worklist.
 */
export const disclosureListRequests = pgTable(
  'disclosure_list_request',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    holderOrgId: uuid('holder_org_id').notNull(),
    receivedOn: day('received_on').notNull(),
    dueOn: day('due_on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    fulfilledAt: ts('fulfilled_at'),
    fulfilledBy: uuid('fulfilled_by'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    index('disclosure_list_request_holder').on(t.networkId, t.holderOrgId, t.fulfilledAt),
  ],
);
