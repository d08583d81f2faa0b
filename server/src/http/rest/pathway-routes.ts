/** REST routes for follow-up pathways (`/api/v1/pathways…`): list, read, create, save a new version. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { getPathway } from '../../app/followup/get-pathway.ts';
import { listPathways } from '../../app/followup/list-pathways.ts';
import { createPathway, savePathwayVersion } from '../../app/followup/save-pathway.ts';
import { actorOf } from '../auth.ts';
import { expectedVersion, sendVersioned } from '../if-match.ts';
import { idParams } from './patient-routes.ts';

const tags = ['pathways'];
/** Validated step by step in the use case (`domain/followup/pathway.ts`), so errors name the step field. */
const pathwayBody = z.record(z.string(), z.unknown());

export function pathwayRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/pathways',
      {
        schema: { tags, summary: "The organization's pathways and its partnerships' (both sides see them)" },
      },
      async (request, reply) =>
        reply.header('Cache-Control', 'no-store').send(await listPathways(deps, actorOf(request))),
    );

    app.get(
      '/pathways/:id',
      { schema: { tags, summary: 'A pathway at its current version (ETag for If-Match)', params: idParams } },
      async (request, reply) =>
        sendVersioned(reply, await getPathway(deps, actorOf(request), request.params.id)),
    );

    app.post(
      '/pathways',
      {
        schema: {
          tags,
          summary:
            "Create the hospital's default pathway, or a partnership's (partnershipId): {name, description?, steps, partnershipId?}",
          body: pathwayBody,
        },
      },
      async (request, reply) => {
        const { partnershipId, ...rest } = request.body;
        const view = await createPathway(deps, actorOf(request), {
          ...rest,
          ...(typeof partnershipId === 'string' ? { partnershipId } : {}),
        });
        return sendVersioned(reply, view, 201);
      },
    );

    app.put(
      '/pathways/:id',
      {
        schema: {
          tags,
          summary: 'Save a new version (If-Match required); tasks already made keep their version',
          params: idParams,
          body: pathwayBody,
        },
      },
      async (request, reply) =>
        sendVersioned(
          reply,
          await savePathwayVersion(
            deps,
            actorOf(request),
            request.params.id,
            expectedVersion(request.headers['if-match']),
            request.body,
          ),
        ),
    );
  };
}
