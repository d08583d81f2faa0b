/**
 * A subscription's delivery log (the outbox rows queued for it, newest first, each with its attempts) and
 * the manual re-send: the row goes back to `pending`, due now, with the same de-duplication key (the
 * receiver can tell a re-send from a new event). Administrators of the subscription's organization only.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { outbox, outboxAttempts } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { ownWebhook } from './webhook-view.ts';

export interface DeliveryView {
  id: string;
  eventId: string;
  type: string;
  /** pending, sending (being sent), delivered, or closed (unsent: the subscription was paused or removed). */
  status: 'pending' | 'sending' | 'delivered' | 'closed';
  attempts: {
    at: string;
    ok: boolean;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
  }[];
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const ofSubscription = (subscriptionId: string) =>
  sql`${outbox.payload}->>'subscriptionId' = ${subscriptionId}`;

export async function listWebhookDeliveries(deps: Deps, actor: Actor, id: string): Promise<DeliveryView[]> {
  const member = requireMember(actor);
  await authorize(deps, member, 'token.manage_org', {
    what: 'Webhook',
    organizationId: member.organizationId,
  });
  const hook = await ownWebhook(deps.db, member, id);
  const rows = await deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.channel, 'webhook'), eq(outbox.networkId, hook.networkId), ofSubscription(hook.id)))
    .orderBy(desc(outbox.createdAt))
    .limit(100);
  const attempts = rows.length
    ? await deps.db
        .select()
        .from(outboxAttempts)
        .where(
          inArray(
            outboxAttempts.outboxId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(outboxAttempts.at)
    : [];
  return rows.map((r) => ({
    id: r.id,
    eventId: r.dedupeKey,
    type: String((r.payload['event'] as { type?: unknown } | undefined)?.type ?? ''),
    status: r.status as DeliveryView['status'],
    attempts: attempts
      .filter((a) => a.outboxId === r.id)
      .map((a) => ({
        at: a.at.toISOString(),
        ok: a.ok,
        statusCode: a.statusCode,
        error: a.error,
        durationMs: a.durationMs,
      })),
    nextAttemptAt: r.status === 'delivered' || r.status === 'closed' ? null : r.nextAttemptAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function resendWebhookDelivery(
  deps: Deps,
  actor: Actor,
  id: string,
  deliveryId: string,
): Promise<{ id: string; status: string }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'token.manage_org', {
    what: 'Webhook',
    organizationId: member.organizationId,
  });
  const hook = await ownWebhook(deps.db, member, id);
  if (!isUuid(deliveryId)) throw notFound('Delivery');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: now, deliveredAt: null })
      .where(
        and(
          eq(outbox.id, deliveryId),
          eq(outbox.channel, 'webhook'),
          eq(outbox.networkId, hook.networkId),
          ofSubscription(hook.id),
          sql`${outbox.status} <> 'sending'`,
        ),
      )
      .returning({ id: outbox.id, status: outbox.status });
    if (!row) {
      const [exists] = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.id, deliveryId), eq(outbox.networkId, hook.networkId), ofSubscription(hook.id)));
      if (exists)
        throw new AppError('conflict', 'The delivery is being sent right now; try again in a minute');
      throw notFound('Delivery');
    }
    await appendAuditEvent(tx, member, now, {
      action: 'webhook.resend',
      entityType: 'webhook',
      entityId: hook.id,
      details: { deliveryId },
    });
    return row;
  });
}
