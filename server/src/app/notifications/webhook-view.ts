/** Webhook subscriptions as the API shows them (never the secret), and the organization's own ones. */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { webhookSubscriptions } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import type { MemberActor } from '../context.ts';

export type WebhookRow = typeof webhookSubscriptions.$inferSelect;

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export const webhookView = (w: WebhookRow): WebhookView => ({
  id: w.id,
  url: w.url,
  events: [...w.events],
  active: w.active,
  createdAt: w.createdAt.toISOString(),
});

/** One of the member's organization's subscriptions; any other id is "Webhook not found". */
export async function ownWebhook(db: Queryable, member: MemberActor, id: string): Promise<WebhookRow> {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(webhookSubscriptions)
        .where(
          and(
            eq(webhookSubscriptions.networkId, member.networkId),
            eq(webhookSubscriptions.organizationId, member.organizationId),
            eq(webhookSubscriptions.id, id),
          ),
        )
    : [];
  if (!row) throw notFound('Webhook');
  return row;
}
