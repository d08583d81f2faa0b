/**
 * Webhook subscriptions (an organization's endpoint for the events it wants: escalations, overdue tasks,
 * referral changes; the signing secret sealed at rest under HANDOFF_SECRET_KEY) and the delivery log of
 * the outbox (`outbox_attempt`: every attempt of every channel, with its HTTP status or error).
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
