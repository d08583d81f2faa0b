/**
 * The Open Referral HSDS 3.0 read API (`/hsds/…`), so state and regional directories can consume the
 * network's directory: services, organizations and service-at-locations, paged with the HSDS envelope and
 * filtered with `search`, `page`, `per_page` and `modified_after`. Callers authenticate like the REST API
 * (an API token of a network member); each sees its own network's directory.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { getHsdsOrganization } from '../../app/directory/hsds/get-hsds-organization.ts';
import { getHsdsService } from '../../app/directory/hsds/get-hsds-service.ts';
import { HSDS_DEFAULT_PER_PAGE, type HsdsQuery } from '../../app/directory/hsds/hsds-query.ts';
import { listHsdsOrganizations } from '../../app/directory/hsds/list-hsds-organizations.ts';
import { listHsdsServiceAtLocations } from '../../app/directory/hsds/list-hsds-service-at-locations.ts';
import { listHsdsServices } from '../../app/directory/hsds/list-hsds-services.ts';
import { actorOf } from '../auth.ts';

const tags = ['hsds'];
const pageQuery = z.strictObject({
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  per_page: z.coerce.number().int().min(1).max(500).optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
});
const idParams = z.strictObject({ id: z.string().min(1).max(100) });

function queryOf(q: z.output<typeof pageQuery>): HsdsQuery {
  return {
    search: q.search || undefined,
    page: q.page,
    perPage: q.per_page ?? HSDS_DEFAULT_PER_PAGE,
    modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
  };
}

export function hsdsRoutes(deps: Deps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/', { schema: { tags, summary: 'HSDS API root: version and profile' } }, (request) => {
      actorOf(request);
      return {
        version: '3.0',
        profile: 'https://docs.openreferral.org/en/latest/hsds/',
        openapi_url: '/api/openapi.json',
      };
    });

    app.get(
      '/services',
      { schema: { tags, summary: 'Services (HSDS page envelope)', querystring: pageQuery } },
      (request) => listHsdsServices(deps, actorOf(request), queryOf(request.query)),
    );

    app.get(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'One service with its organization, locations and attributes',
          params: idParams,
        },
      },
      (request) => getHsdsService(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/organizations',
      {
        schema: {
          tags,
          summary: 'Organizations that own services (HSDS page envelope)',
          querystring: pageQuery,
        },
      },
      (request) => listHsdsOrganizations(deps, actorOf(request), queryOf(request.query)),
    );

    app.get(
      '/organizations/:id',
      { schema: { tags, summary: 'One organization with its services and locations', params: idParams } },
      (request) => getHsdsOrganization(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/service_at_locations',
      {
        schema: {
          tags,
          summary: 'Each service at its location (HSDS page envelope)',
          querystring: pageQuery,
        },
      },
      (request) => listHsdsServiceAtLocations(deps, actorOf(request), queryOf(request.query)),
    );
  };
}
