/**
 * Transactional outbox: side effects (e-mail and signed webhooks) are written in the same
 * transaction as the state change and delivered at least once by `jobs/outbox-worker.ts`.
 * `dedupe_key` is unique so a retried use case cannot enqueue the same message twice, and is handed
 * to the receiver (e-mail `X-Handoff-Dedupe-Key` header) so it can drop duplicates.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id'),
    channel: text('channel').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    // A subscription's delivery log (`app/notifications/webhook-deliveries.ts`), newest first.
    index('outbox_webhook_subscription_idx')
      .on(sql`(${t.payload}->>'subscriptionId')`, t.createdAt.desc())
      .where(sql`${t.channel} = 'webhook'`),
  ],
);
