/**
 * Webhook endpoints of the active organization (its administrators: `token.manage_org`): subscriptions
 * (list, create — the signing secret comes back once —, pause, resume), each subscription's delivery log (the
 * latest 100 events with every attempt) and the manual re-send of one delivery (same event id). Shapes are
 * the server's own (`server/src/app/notifications/webhook-view.ts`, `webhook-deliveries.ts`); the create
 * body is the input of `manage-webhooks.ts` (type-only).
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createWebhookInput } from '../../../server/src/app/notifications/manage-webhooks.ts';
import type { DeliveryView } from '../../../server/src/app/notifications/webhook-deliveries.ts';
import type { WebhookView } from '../../../server/src/app/notifications/webhook-view.ts';
import { isApiError } from './api-error.ts';
import { api } from './client.ts';

export type { DeliveryView, WebhookView };
export type DeliveryAttempt = DeliveryView['attempts'][number];
export type CreateWebhookInput = z.input<typeof createWebhookInput>;
export type CreatedWebhook = WebhookView & { secret: string };

const base = '/api/v1/webhooks';
const hook = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listWebhooks = () => api<WebhookView[]>(base);

/** Subscribes a URL; the answer carries the signing secret, the only time it is shown. */
export const createWebhook = (input: CreateWebhookInput) =>
  api<CreatedWebhook>(base, { method: 'POST', body: input });

/** Stops sending to the endpoint; deliveries still queued are closed unsent. */
export const pauseWebhook = (id: string) => api<WebhookView>(`${hook(id)}/pause`, { method: 'POST' });

/** Sends to the endpoint again from now on; deliveries closed while it was paused stay closed. */
export const resumeWebhook = (id: string) => api<WebhookView>(`${hook(id)}/resume`, { method: 'POST' });

export const listDeliveries = (id: string) => api<DeliveryView[]>(`${hook(id)}/deliveries`);

/** Queues one delivery again, due now, with the same event id. */
export const resendDelivery = (id: string, deliveryId: string) =>
  api<{ id: string; status: string }>(`${hook(id)}/deliveries/${encodeURIComponent(deliveryId)}/resend`, {
    method: 'POST',
  });

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
};

/** A 4xx answer (not found, not allowed) is final: no retries. */
const retry = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

export const useWebhookList = () => useQuery({ queryKey: webhookKeys.list, queryFn: listWebhooks, retry });

export const useDeliveryLog = (id: string) =>
  useQuery({ queryKey: webhookKeys.deliveries(id), queryFn: () => listDeliveries(id), retry });
