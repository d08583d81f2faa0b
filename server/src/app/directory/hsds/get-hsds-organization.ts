/** `GET /hsds/organizations/{id}`: the organization with its services and locations. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { organizations, services, sites } from '../../../db/schema/index.ts';
import { hsdsLocation, hsdsOrganization } from '../../../integrations/hsds/to-hsds.ts';
import { notFound } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../context.ts';
import { memberNetwork, joined, toHsds } from './hsds-query.ts';
import { isUuid } from '../../../lib/uuid.ts';

export async function getHsdsOrganization(deps: Deps, actor: Actor, id: string) {
  const networkId = await memberNetwork(deps, actor);
  if (!isUuid(id)) throw notFound('Organization');
  const [organization] = await deps.db
    .select()
    .from(organizations)
    .where(and(eq(organizations.networkId, networkId), eq(organizations.id, id)));
  if (!organization) throw notFound('Organization');
  const rows = await joined(deps.db)
    .where(and(eq(services.networkId, networkId), eq(services.organizationId, id)))
    .orderBy(asc(sql`lower(${services.name})`), asc(services.id));
  if (rows.length === 0) throw notFound('Organization');
  const siteIds = [...new Set(rows.map((r) => r.site.id))];
  const siteRows = await deps.db
    .select()
    .from(sites)
    .where(and(eq(sites.networkId, networkId), inArray(sites.id, siteIds)));
  return {
    ...hsdsOrganization(organization),
    services: rows.map((r) => {
      const { organization: _o, ...service } = toHsds(deps, r).service;
      return service;
    }),
    locations: siteRows.map(hsdsLocation),
  };
}
