/**
 * Reading service rows with the names their views need (organization, site and its address), always
 * within one network. An id that is not a uuid, or not in the network, is simply not found.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organizations, services, sites } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceNames, ServiceRow } from './service-record.ts';
import { isUuid } from '../../lib/uuid.ts';

export interface NamedService {
  row: ServiceRow;
  names: ServiceNames;
}

/** The site columns a service view shows (name and address). */
export const SITE_NAMES = {
  name: sites.name,
  street: sites.street,
  city: sites.city,
  state: sites.state,
  postalCode: sites.postalCode,
};

/** Services with their names, filtered by `where` (already scoped by the caller or here by network). */
export async function selectNamedServices(
  db: Queryable,
  networkId: string,
  where?: SQL,
  page?: { limit: number; offset: number; orderBy: SQL[] },
): Promise<NamedService[]> {
  const query = db
    .select({
      row: services,
      organizationName: organizations.name,
      site: SITE_NAMES,
    })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)))
    .where(and(eq(services.networkId, networkId), where));
  const rows = page
    ? await query
        .orderBy(...page.orderBy)
        .limit(page.limit)
        .offset(page.offset)
    : await query;
  return rows.map((r) => ({ row: r.row, names: { organizationName: r.organizationName, site: r.site } }));
}

/** One service of the network, or not found. */
export async function findNamedService(db: Queryable, networkId: string, id: string): Promise<NamedService> {
  if (!isUuid(id)) throw notFound('Service');
  const [found] = await selectNamedServices(db, networkId, eq(services.id, id));
  if (!found) throw notFound('Service');
  return found;
}
