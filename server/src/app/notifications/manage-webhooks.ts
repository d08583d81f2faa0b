/**
 * An organization's webhook subscriptions, managed by its administrators (`token.manage_org`: webhooks are
 * integration credentials, like the organization's API tokens). The signing secret is generated here,
 * shown once and sealed at rest. URLs must be https, except loopback addresses (local receivers, tests).
 * Pausing stops new deliveries; queued ones are closed unsent (status `closed`, 410 in the log). Resuming
 * sends what is queued from then on; closed deliveries stay closed unless re-sent from the log.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { webhookSubscriptions } from '../../db/schema/index.ts';
import { EVENT_PATTERN } from '../../domain/notifications/webhook-events.ts';
import { randomToken, seal } from '../../lib/crypto.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { ownWebhook, webhookView, type WebhookView } from './webhook-view.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export const createWebhookInput = z.strictObject({
  url: z
    .url()
    .max(2000)
    .refine((u) => {
      const parsed = new URL(u);
      return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
    }, 'must be an https URL (http only for localhost)'),
  events: z
    .array(z.string().regex(EVENT_PATTERN, 'must be an event type or a prefix ending in a dot'))
    .max(20)
    .default([]),
});
export type CreateWebhookInput = z.output<typeof createWebhookInput>;

async function admin(deps: Deps, actor: Actor) {
  const member = requireMember(actor);
  await authorize(deps, member, 'token.manage_org', {
    what: 'Webhook',
    organizationId: member.organizationId,
  });
  return member;
}

export async function listWebhooks(deps: Deps, actor: Actor): Promise<WebhookView[]> {
  const member = await admin(deps, actor);
  const rows = await deps.db
    .select()
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.networkId, member.networkId),
        eq(webhookSubscriptions.organizationId, member.organizationId),
      ),
    )
    .orderBy(webhookSubscriptions.createdAt);
  return rows.map(webhookView);
}

export async function createWebhook(
  deps: Deps,
  actor: Actor,
  input: CreateWebhookInput,
): Promise<WebhookView & { secret: string }> {
  const member = await admin(deps, actor);
  const now = deps.clock.now();
  const secret = randomToken('whsec_', 32);
  const id = randomUUID();
  const [row] = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookSubscriptions)
      .values({
        networkId: member.networkId,
        id,
        organizationId: member.organizationId,
        url: input.url,
        secretSealed: seal(secret, deps.secretKey),
        events: input.events,
        createdBy: member.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendAuditEvent(tx, member, now, {
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: id,
      details: { events: input.events },
    });
    return inserted;
  });
  if (!row) throw new Error('webhook not stored');
  return { ...webhookView(row), secret };
}

/** Pauses (`active: false`) or resumes (`active: true`) a subscription. */
export async function setWebhookActive(
  deps: Deps,
  actor: Actor,
  id: string,
  active: boolean,
): Promise<WebhookView> {
  const member = await admin(deps, actor);
  const row = await ownWebhook(deps.db, member, id);
  const now = deps.clock.now();
  const [updated] = await deps.db.transaction(async (tx) => {
    const changed = await tx
      .update(webhookSubscriptions)
      .set({ active, updatedAt: now })
      .where(and(eq(webhookSubscriptions.networkId, row.networkId), eq(webhookSubscriptions.id, row.id)))
      .returning();
    await appendAuditEvent(tx, member, now, {
      action: active ? 'webhook.resume' : 'webhook.pause',
      entityType: 'webhook',
      entityId: row.id,
    });
    return changed;
  });
  if (!updated) throw new Error('webhook vanished');
  return webhookView(updated);
}
