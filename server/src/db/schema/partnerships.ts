/**
 * Partnership workspace tables: a partnership joins a hospital (or health system) and a CBO of one
 * network; around it hang its agreements (with the signed document), named liaisons and backups on both
 * sides, a ledger of what each side actually delivered to the other, meetings with action items, shared
 * goals, and a quarterly self-assessment each side answers. Only the two parties read any of it; the
 * network convener sees aggregates (`app/partnerships/summarize-partnerships.ts`).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './identity.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const partnerships = pgTable(
  'partnership',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    /** The hospital or health system side. */
    hospitalOrgId: uuid('hospital_org_id').notNull(),
    /** The community organization side. */
    cboOrgId: uuid('cbo_org_id').notNull(),
    status: text('status').notNull(),
    startedOn: day('started_on'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.hospitalOrgId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    foreignKey({
      columns: [t.networkId, t.cboOrgId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    // One live partnership per pair; an ended one may be followed by a new one.
    uniqueIndex('partnership_live_pair')
      .on(t.networkId, t.hospitalOrgId, t.cboOrgId)
      .where(sql`status <> 'ended'`),
    index('partnership_cbo_idx').on(t.networkId, t.cboOrgId),
  ],
);

/** Columns every child of a partnership has, and its foreign key. */
const child = {
  networkId: uuid('network_id').notNull(),
  id: uuid('id').notNull(),
  partnershipId: uuid('partnership_id').notNull(),
};
function childKeys(t: { networkId: AnyPgColumn; id: AnyPgColumn; partnershipId: AnyPgColumn }, name: string) {
  return [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.partnershipId],
      foreignColumns: [partnerships.networkId, partnerships.id],
    }),
    index(`${name}_partnership_idx`).on(t.networkId, t.partnershipId),
  ];
}

export const partnershipAgreements = pgTable(
  'partnership_agreement',
  {
    ...child,
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    effectiveOn: day('effective_on').notNull(),
    expiresOn: day('expires_on'),
    documentName: text('document_name'),
    documentType: text('document_type'),
    document: bytea('document'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    ...childKeys(t, 'partnership_agreement'),
    index('partnership_agreement_expiry_idx').on(t.expiresOn),
  ],
);

export const partnershipLiaisons = pgTable(
  'partnership_liaison',
  {
    ...child,
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** `primary` or `backup`. */
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    ...childKeys(t, 'partnership_liaison'),
    uniqueIndex('partnership_liaison_person').on(t.networkId, t.partnershipId, t.userId),
  ],
);

export const partnershipDeliveries = pgTable(
  'partnership_delivery',
  {
    ...child,
    /** The side that delivered. */
    providerOrgId: uuid('provider_org_id').notNull(),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    deliveredOn: day('delivered_on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => childKeys(t, 'partnership_delivery'),
);

export const partnershipMeetings = pgTable(
  'partnership_meeting',
  {
    ...child,
    heldOn: day('held_on').notNull(),
    title: text('title').notNull(),
    /** Names as written (people of both sides and guests). */
    attendees: jsonb('attendees').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => childKeys(t, 'partnership_meeting'),
);

export const partnershipActionItems = pgTable(
  'partnership_action_item',
  {
    ...child,
    meetingId: uuid('meeting_id'),
    description: text('description').notNull(),
    /** A person of either side (user id), or null when not yet assigned. */
    ownerUserId: uuid('owner_user_id'),
    dueOn: day('due_on'),
    doneAt: ts('done_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => childKeys(t, 'partnership_action_item'),
);

export const partnershipGoals = pgTable(
  'partnership_goal',
  {
    ...child,
    metric: text('metric').notNull(),
    /** A share in percent (0–100) or a count, per the metric. */
    target: doublePrecision('target').notNull(),
    description: text('description'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => childKeys(t, 'partnership_goal'),
);

export const partnershipAssessments = pgTable(
  'partnership_assessment',
  {
    ...child,
    organizationId: uuid('organization_id').notNull(),
    /** `2026-Q4`. */
    quarter: text('quarter').notNull(),
    /** Item code → score 1–5. */
    answers: jsonb('answers').notNull(),
    score: doublePrecision('score').notNull(),
    comment: text('comment'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [
    ...childKeys(t, 'partnership_assessment'),
    uniqueIndex('partnership_assessment_side_quarter').on(
      t.networkId,
      t.partnershipId,
      t.organizationId,
      t.quarter,
    ),
  ],
);
