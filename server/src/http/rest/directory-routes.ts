/** REST routes of the directory: services, capacity and matching. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { createService } from '../../app/directory/create-service.ts';
import { getService } from '../../app/directory/get-service.ts';
import { listCapacityHistory } from '../../app/directory/list-capacity-history.ts';
import { listServices } from '../../app/directory/list-services.ts';
import { matchForNeed } from '../../app/directory/match-services.ts';
import {
  capacityInput,
  createServiceInput,
  matchInput,
  SERVICE_STATUSES,
  serviceInput,
} from '../../app/directory/schemas.ts';
import { updateCapacity } from '../../app/directory/update-capacity.ts';
import { updateService } from '../../app/directory/update-service.ts';
import {
  CAPACITY_STATUSES,
  INSURANCE_KINDS,
  MEDICATION_PHASES,
  MEDICATIONS,
  SERVICE_KINDS,
} from '../../domain/directory/vocabulary.ts';
import { actorOf } from '../auth.ts';
import { etagOf, expectedVersion } from '../if-match.ts';

const tags = ['directory'];
const serviceParams = z.strictObject({ id: z.string().min(1).max(100) });

export function directoryRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/services',
      {
        schema: {
          tags,
          summary: "The network's services, filtered and paged (sorted by name)",
          querystring: z.strictObject({
            q: z.string().trim().max(100).optional(),
            kind: z.enum(SERVICE_KINDS).optional(),
            organizationId: z.uuid().optional(),
            status: z.enum(SERVICE_STATUSES).optional(),
            capacity: z.enum([...CAPACITY_STATUSES, 'unknown']).optional(),
            medication: z.enum(MEDICATIONS).optional(),
            phase: z.enum(MEDICATION_PHASES).optional(),
            insurance: z.enum(INSURANCE_KINDS).optional(),
            language: z.string().trim().max(20).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            offset: z.coerce.number().int().min(0).optional(),
          }),
        },
      },
      (request) => listServices(deps, actorOf(request), request.query),
    );

    app.post(
      '/services',
      { schema: { tags, summary: 'Add a service to an organization', body: createServiceInput } },
      async (request, reply) => {
        const service = await createService(deps, actorOf(request), request.body);
        return reply.code(201).header('ETag', etagOf(service.version)).send(service);
      },
    );

    app.get(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'One service, with its capacity as navigators see it',
          params: serviceParams,
        },
      },
      async (request, reply) => {
        const service = await getService(deps, actorOf(request), request.params.id);
        return reply.header('ETag', etagOf(service.version)).send(service);
      },
    );

    app.put(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Replace a service (send If-Match with its ETag to refuse a stale write)',
          params: serviceParams,
          body: serviceInput,
        },
      },
      async (request, reply) => {
        const service = await updateService(deps, actorOf(request), {
          id: request.params.id,
          input: request.body,
          expectedVersion: expectedVersion(request.headers['if-match']),
        });
        return reply.header('ETag', etagOf(service.version)).send(service);
      },
    );

    app.put(
      '/services/:id/capacity',
      {
        schema: {
          tags,
          summary: "Report a service's capacity (its own organization's staff)",
          params: serviceParams,
          body: capacityInput,
        },
      },
      (request) => updateCapacity(deps, actorOf(request), { id: request.params.id, capacity: request.body }),
    );

    app.get(
      '/services/:id/capacity-history',
      {
        schema: {
          tags,
          summary: "A service's capacity reports, newest first",
          params: serviceParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional() }),
        },
      },
      (request) =>
        listCapacityHistory(deps, actorOf(request), { id: request.params.id, limit: request.query.limit }),
    );

    app.post(
      '/match',
      {
        schema: {
          tags,
          summary: 'Rank services for a need, with fits, conflicts and warnings for each',
          body: matchInput,
        },
      },
      (request) => matchForNeed(deps, actorOf(request), request.body),
    );
  };
}
