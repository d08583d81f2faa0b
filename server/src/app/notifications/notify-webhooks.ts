/**
 * Queues webhook deliveries for an organization's subscriptions that want this kind of event, inside the
 * caller's transaction (through the outbox: sent only if the change commits, at least once after that).
 * The event names no patient: its type, when, an opaque reference and a link — the stricter reading of
 * "no PHI unless the consent decision point permits it": webhooks never carry PHI (docs/followup.md).
 */
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { outbox, webhookSubscriptions } from '../../db/schema/index.ts';
import { wantsEvent } from '../../domain/notifications/webhook-events.ts';

export interface WebhookNotice {
  networkId: string;
  organizationId: string;
  /** Event type, e.g. `referral.escalation.liaison`, `task.overdue`, `referral.accepted`. */
  kind: string;
  /** Opaque ids and app paths only. */
  data: Record<string, string>;
  /** Unique per event; the subscription is appended. */
  dedupeKey: string;
  at: Date;
}

/** Returns how many deliveries were newly queued. */
export async function notifyWebhooks(tx: Tx, notice: WebhookNotice): Promise<number> {
  const subscriptions = await tx
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.networkId, notice.networkId),
        eq(webhookSubscriptions.organizationId, notice.organizationId),
        eq(webhookSubscriptions.active, true),
      ),
    );
  const wanted = subscriptions.filter((s) => wantsEvent(s.events, notice.kind));
  if (wanted.length === 0) return 0;
  const queued = await tx
    .insert(outbox)
    .values(
      wanted.map((s) => ({
        id: randomUUID(),
        networkId: notice.networkId,
        channel: 'webhook',
        dedupeKey: `${notice.dedupeKey}:webhook:${s.id}`,
        payload: {
          networkId: notice.networkId,
          subscriptionId: s.id,
          event: { type: notice.kind, occurredAt: notice.at.toISOString(), data: notice.data },
        },
        nextAttemptAt: notice.at,
        createdAt: notice.at,
      })),
    )
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return queued.length;
}
