/** REST routes for organizations and their sites. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { createOrganization } from '../../app/organizations/create-organization.ts';
import { getOrganization } from '../../app/organizations/get-organization.ts';
import { listOrganizations } from '../../app/organizations/list-organizations.ts';
import { listSites } from '../../app/organizations/list-sites.ts';
import { saveSite } from '../../app/organizations/save-site.ts';
import {
  createOrganizationInput,
  siteInput,
  siteUpdateInput,
  updateOrganizationInput,
} from '../../app/organizations/schemas.ts';
import { updateOrganization } from '../../app/organizations/update-organization.ts';
import { ORGANIZATION_KINDS } from '../../domain/identity/vocabulary.ts';
import { actorOf } from '../auth.ts';
import { expectedVersion } from '../if-match.ts';

const tags = ['organizations'];
const orgParams = z.strictObject({ id: z.string().min(1).max(100) });

export function organizationRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/organizations',
      {
        schema: {
          tags,
          summary: "The network's organizations",
          querystring: z.strictObject({
            kind: z.enum(ORGANIZATION_KINDS).optional(),
            q: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            offset: z.coerce.number().int().min(0).optional(),
          }),
        },
      },
      (request) => listOrganizations(deps, actorOf(request), request.query),
    );

    app.post(
      '/organizations',
      {
        schema: {
          tags,
          summary: 'Onboard an organization (network convener)',
          body: createOrganizationInput,
        },
      },
      async (request, reply) => {
        const org = await createOrganization(deps, actorOf(request), request.body);
        return reply.code(201).header('ETag', `"${org.version}"`).send(org);
      },
    );

    app.get(
      '/organizations/:id',
      { schema: { tags, summary: 'One organization', params: orgParams } },
      async (request, reply) => {
        const org = await getOrganization(deps, actorOf(request), request.params.id);
        return reply.header('ETag', `"${org.version}"`).send(org);
      },
    );

    app.patch(
      '/organizations/:id',
      {
        schema: { tags, summary: 'Update an organization', params: orgParams, body: updateOrganizationInput },
      },
      async (request, reply) => {
        const org = await updateOrganization(deps, actorOf(request), {
          id: request.params.id,
          changes: request.body,
          expectedVersion: expectedVersion(request.headers['if-match']),
        });
        return reply.header('ETag', `"${org.version}"`).send(org);
      },
    );

    app.get(
      '/organizations/:id/sites',
      { schema: { tags, summary: "An organization's sites", params: orgParams } },
      async (request) => ({ items: await listSites(deps, actorOf(request), request.params.id) }),
    );

    app.post(
      '/organizations/:id/sites',
      { schema: { tags, summary: 'Add a site', params: orgParams, body: siteInput } },
      async (request, reply) =>
        reply.code(201).send(
          await saveSite(deps, actorOf(request), {
            organizationId: request.params.id,
            fields: request.body,
          }),
        ),
    );

    app.patch(
      '/organizations/:id/sites/:siteId',
      {
        schema: {
          tags,
          summary: 'Change a site',
          params: orgParams.extend({ siteId: z.uuid() }),
          body: siteUpdateInput,
        },
      },
      (request) =>
        saveSite(deps, actorOf(request), {
          organizationId: request.params.id,
          siteId: request.params.siteId,
          fields: request.body,
        }),
    );
  };
}
