/** `GET /hsds/organizations`: organizations that own services, a page at a time. */
import { asc, count, sql } from 'drizzle-orm';
import { organizations } from '../../../db/schema/index.ts';
import { hsdsOrganization, hsdsPage } from '../../../integrations/hsds/to-hsds.ts';
import type { Actor, Deps } from '../../context.ts';
import { memberNetwork, pageOf, organizationFilter, type HsdsQuery } from './hsds-query.ts';

export async function listHsdsOrganizations(deps: Deps, actor: Actor, query: HsdsQuery) {
  const networkId = await memberNetwork(deps, actor);
  const { perPage, page, offset } = pageOf(query);
  const where = organizationFilter(networkId, query, deps.db);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(organizations)
      .where(where)
      .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
      .limit(perPage)
      .offset(offset),
    deps.db.select({ n: count() }).from(organizations).where(where),
  ]);
  return hsdsPage(rows.map(hsdsOrganization), total?.n ?? 0, page, perPage);
}
