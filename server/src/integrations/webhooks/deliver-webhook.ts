/**
 * Sends one webhook delivery: `POST` of the event as JSON to the subscription's URL, signed
 * (`domain/notifications/webhook-signature.ts`) with the subscription's secret (sealed at rest, unsealed
 * only here), with the outbox de-duplication key as `Handoff-Event-Id`. A 2xx answer is delivered; any
 * other answer, a timeout (10 s) or a refused connection throws, and the outbox retries with back-off.
 * Redirects are not followed (a receiver that moved must be updated, not guessed). A subscription deleted
 * or paused since the event was queued is not sent to: the answer is `GONE` (410) and the worker closes the row
 * (`closed`, 410 in the delivery log).
 */
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app/context.ts';
import { webhookSubscriptions } from '../../db/schema/index.ts';
import {
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
} from '../../domain/notifications/webhook-signature.ts';
import { unseal } from '../../lib/crypto.ts';

export interface WebhookPayload {
  networkId: string;
  subscriptionId: string;
  /** The event as the receiver gets it (its `id` is added from the de-duplication key). */
  event: Record<string, unknown>;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const GONE = 410;

export async function deliverWebhook(
  deps: Deps,
  payload: WebhookPayload,
  dedupeKey: string,
): Promise<number> {
  const [subscription] = await deps.db
    .select()
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.networkId, payload.networkId),
        eq(webhookSubscriptions.id, payload.subscriptionId),
      ),
    );
  if (!subscription || !subscription.active) return GONE;
  const body = JSON.stringify({ id: dedupeKey, ...payload.event });
  const secret = unseal(subscription.secretSealed, deps.secretKey);
  const res = await fetch(subscription.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Handoff-Webhooks/1',
      [SIGNATURE_HEADER]: signWebhook(secret, body, deps.clock.now()),
      [EVENT_ID_HEADER]: dedupeKey,
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status >= 300) {
    throw Object.assign(new Error(`the webhook receiver answered ${res.status}`), {
      statusCode: res.status,
      code: `http_${res.status}`,
    });
  }
  return res.status;
}
