/**
 * Follow-up engine tables: pathways (a hospital's default or a partnership's, each version immutable),
 * the tasks instantiated from them per transition or referral, the contact attempts logged on a task
 * (append-only), the firings of time rules (one row per rule, subject and level: the unique key is what
 * makes a tick idempotent and lets several processes tick at once without firing twice), and in-app
 * notifications.
 */
import { sql } from 'drizzle-orm';
import {
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
import type { PathwayStep } from '../../domain/followup/pathway.ts';
import type { NotificationParams, TaskOutcome } from '../../domain/followup/views.ts';
import { organizations } from './identity.ts';
import { transitions } from './transitions.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const pathways = pgTable(
  'pathway',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    /** The hospital whose transitions it organizes. */
    hospitalOrgId: uuid('hospital_org_id').notNull(),
    /** Null: the hospital's default pathway; otherwise the partnership's. */
    partnershipId: uuid('partnership_id'),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status').notNull(),
    /** Each save is a new version (and the ETag for If-Match). */
    currentVersion: integer('current_version').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.hospitalOrgId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    uniqueIndex('pathway_active_default')
      .on(t.networkId, t.hospitalOrgId)
      .where(sql`partnership_id is null and status = 'active'`),
    uniqueIndex('pathway_active_partnership')
      .on(t.networkId, t.partnershipId)
      .where(sql`partnership_id is not null and status = 'active'`),
  ],
);

/** A pathway's steps as they were at each version. Append-only (trigger): tasks point at a version. */
export const pathwayVersions = pgTable(
  'pathway_version',
  {
    networkId: uuid('network_id').notNull(),
    pathwayId: uuid('pathway_id').notNull(),
    version: integer('version').notNull(),
    steps: jsonb('steps').$type<PathwayStep[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.pathwayId, t.version] }),
    foreignKey({ columns: [t.networkId, t.pathwayId], foreignColumns: [pathways.networkId, pathways.id] }),
  ],
);

export const tasks = pgTable(
  'task',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    transitionId: uuid('transition_id').notNull(),
    /** Set for steps anchored on a referral (accepted, appointment, first visit). */
    referralId: uuid('referral_id'),
    patientId: uuid('patient_id').notNull(),
    hospitalOrgId: uuid('hospital_org_id').notNull(),
    /** The organization whose staff do it: the hospital, or the referral's partner. */
    ownerOrgId: uuid('owner_org_id').notNull(),
    pathwayId: uuid('pathway_id').notNull(),
    pathwayVersion: integer('pathway_version').notNull(),
    stepKey: text('step_key').notNull(),
    title: text('title').notNull(),
    side: text('side').notNull(),
    role: text('role').notNull(),
    records: text('records').notNull(),
    status: text('status').notNull(),
    dueAt: ts('due_at').notNull(),
    deadlineAt: ts('deadline_at').notNull(),
    snoozedUntil: ts('snoozed_until'),
    snoozeReason: text('snooze_reason'),
    assigneeMembershipId: uuid('assignee_membership_id'),
    outcome: jsonb('outcome').$type<TaskOutcome | null>(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.transitionId],
      foreignColumns: [transitions.networkId, transitions.id],
    }),
    // One task per step and subject: instantiating twice (a retried request, two processes) adds nothing.
    uniqueIndex('task_transition_step')
      .on(t.networkId, t.transitionId, t.pathwayId, t.stepKey)
      .where(sql`referral_id is null`),
    uniqueIndex('task_referral_step')
      .on(t.networkId, t.referralId, t.pathwayId, t.stepKey)
      .where(sql`referral_id is not null`),
    index('task_owner_open').on(t.networkId, t.ownerOrgId, t.status, t.dueAt),
    index('task_assignee_open').on(t.networkId, t.assigneeMembershipId, t.status, t.dueAt),
    index('task_transition').on(t.networkId, t.transitionId),
    index('task_open_deadline').on(t.status, t.deadlineAt),
  ],
);

/** Contact attempts logged on a task (phone, text, in person; reached, no answer, wrong number). Append-only. */
export const contactAttempts = pgTable(
  'contact_attempt',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    method: text('method').notNull(),
    result: text('result').notNull(),
    at: ts('at').notNull(),
    byMembershipId: uuid('by_membership_id').notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.taskId], foreignColumns: [tasks.networkId, tasks.id] }),
    index('contact_attempt_task').on(t.networkId, t.taskId, t.at),
  ],
);

/** A time rule that fired: inserted first, acted on only by the process whose insert succeeded. */
export const ruleFirings = pgTable(
  'rule_firing',
  {
    networkId: uuid('network_id').notNull(),
    rule: text('rule').notNull(),
    subjectId: uuid('subject_id').notNull(),
    level: text('level').notNull(),
    firedAt: ts('fired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.rule, t.subjectId, t.level] })],
);

/** In-app notifications: titles and bodies name no patient (a link and an opaque reference only). */
export const notifications = pgTable(
  'notification',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** What the web app needs to word the notification in the reader's language (see `NotificationView`). */
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    link: text('link').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    uniqueIndex('notification_dedupe').on(t.networkId, t.dedupeKey),
    index('notification_inbox').on(t.networkId, t.membershipId, t.createdAt),
  ],
);
