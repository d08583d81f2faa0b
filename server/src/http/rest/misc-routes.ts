/** REST routes for the network and the audit trail. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEvents } from '../../app/audit/list-audit-events.ts';
import { verifyNetworkAudit } from '../../app/audit/verify-network-audit.ts';
import type { Deps } from '../../app/context.ts';
import { getNetwork } from '../../app/network/get-network.ts';
import { actorOf } from '../auth.ts';

export function miscRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/network', { schema: { tags: ['network'], summary: 'Your network' } }, (request) =>
      getNetwork(deps, actorOf(request)),
    );

    app.get(
      '/audit-events',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit trail, newest first',
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(500).optional(),
            before: z.coerce.number().int().min(1).optional(),
          }),
        },
      },
      async (request) => ({ items: await listAuditEvents(deps, actorOf(request), request.query) }),
    );

    app.post(
      '/audit-events/verify',
      { schema: { tags: ['audit'], summary: "Verify the network's audit hash chain (convener)" } },
      async (request) => ({ chains: await verifyNetworkAudit(deps, actorOf(request)) }),
    );
  };
}
