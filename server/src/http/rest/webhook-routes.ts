/** REST routes for an organization's webhook subscriptions and their delivery log (`/api/v1/webhooks…`). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import {
  createWebhook,
  createWebhookInput,
  listWebhooks,
  setWebhookActive,
} from '../../app/notifications/manage-webhooks.ts';
import { listWebhookDeliveries, resendWebhookDelivery } from '../../app/notifications/webhook-deliveries.ts';
import { actorOf } from '../auth.ts';
import { idParams } from './patient-routes.ts';

const tags = ['webhooks'];
const deliveryParams = z.strictObject({
  id: z.string().min(1).max(100),
  deliveryId: z.string().min(1).max(100),
});

export function webhookRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/webhooks',
      { schema: { tags, summary: "The organization's webhook subscriptions" } },
      async (request, reply) =>
        reply.header('Cache-Control', 'no-store').send(await listWebhooks(deps, actorOf(request))),
    );

    app.post(
      '/webhooks',
      {
        schema: {
          tags,
          summary:
            'Subscribe an https endpoint to events (all, exact types, or prefixes like "referral."); the signing secret is shown once',
          body: createWebhookInput,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .header('Cache-Control', 'no-store')
          .send(await createWebhook(deps, actorOf(request), request.body)),
    );

    app.post(
      '/webhooks/:id/pause',
      {
        schema: {
          tags,
          summary: 'Stop sending to this endpoint (queued deliveries are closed unsent)',
          params: idParams,
        },
      },
      async (request) => setWebhookActive(deps, actorOf(request), request.params.id, false),
    );

    app.post(
      '/webhooks/:id/resume',
      {
        schema: {
          tags,
          summary: 'Send to this endpoint again from now on (deliveries closed while paused stay closed)',
          params: idParams,
        },
      },
      async (request) => setWebhookActive(deps, actorOf(request), request.params.id, true),
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: 'The delivery log: the latest 100 events with every attempt',
          params: idParams,
        },
      },
      async (request, reply) =>
        reply
          .header('Cache-Control', 'no-store')
          .send(await listWebhookDeliveries(deps, actorOf(request), request.params.id)),
    );

    app.post(
      '/webhooks/:id/deliveries/:deliveryId/resend',
      { schema: { tags, summary: 'Send a delivery again now (same event id)', params: deliveryParams } },
      async (request) =>
        resendWebhookDelivery(deps, actorOf(request), request.params.id, request.params.deliveryId),
    );
  };
}
