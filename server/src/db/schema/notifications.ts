/**
 * Notification plumbing: each person's e-mail preferences per category, an organization's webhook
 * subscriptions (the endpoint for the events it wants; the signing secret sealed at rest under
 * HANDOFF_SECRET_KEY) and the delivery log of the outbox (`outbox_attempt`: every attempt of every channel,
 * with its HTTP status or error). In-app notifications are in `followup.ts`.
 */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookSubscriptions = pgTable(
  'webhook_subscription',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    url: text('url').notNull(),
    secretSealed: text('secret_sealed').notNull(),
    /** Event kinds (or prefixes such as `referral.`) it receives; empty: all of the organization's. */
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    index('webhook_subscription_org').on(t.networkId, t.organizationId),
  ],
);

export const outboxAttempts = pgTable(
  'outbox_attempt',
  {
    id: uuid('id').primaryKey(),
    outboxId: uuid('outbox_id').notNull(),
    at: ts('at').notNull(),
    ok: boolean('ok').notNull(),
    /** The receiver's HTTP status (webhooks), when it answered. */
    statusCode: integer('status_code'),
    /** A short error code (`ECONNREFUSED`, `http_503`), never a message that could carry data. */
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('outbox_attempt_outbox').on(t.outboxId, t.at)],
);

/** A person's e-mail choice per notification category (`domain/notifications/preferences.ts`); absent: immediate. */
export const notificationPreferences = pgTable(
  'notification_preference',
  {
    networkId: uuid('network_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    category: text('category').notNull(),
    email: text('email').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.membershipId, t.category] })],
);
