/**
 * What the HSDS read API's use cases share: one network (a member's own, `service.read`; directory facts are
 * not patient data, so reads are not audited), the service query joined with its organization and site,
 * `search` (service, organization or site name, service description), `modified_after` (a service also
 * changes when its capacity is reported) and paging.
 */
import { and, asc, count, eq, exists, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import { organizations, services, sites } from '../../../db/schema/index.ts';
import { hsdsService } from '../../../integrations/hsds/to-hsds.ts';
import { authorize, requireMember } from '../../authorize.ts';
import type { Actor, Deps } from '../../context.ts';
import { serviceView } from '../service-record.ts';

export interface HsdsQuery {
  search?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
  modifiedAfter?: Date | undefined;
}

export const HSDS_DEFAULT_PER_PAGE = 50;

export async function memberNetwork(deps: Deps, actor: Actor): Promise<string> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  return member.networkId;
}

export function serviceFilter(networkId: string, query: HsdsQuery): SQL | undefined {
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    eq(services.networkId, networkId),
    pattern
      ? or(
          ilike(services.name, pattern),
          ilike(services.description, pattern),
          ilike(organizations.name, pattern),
          ilike(sites.name, pattern),
        )
      : undefined,
    query.modifiedAfter
      ? or(gt(services.updatedAt, query.modifiedAfter), gt(services.capacityUpdatedAt, query.modifiedAfter))
      : undefined,
  );
}

export function joined(db: Queryable) {
  return db
    .select({ service: services, organization: organizations, site: sites })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)));
}

export type Joined = Awaited<ReturnType<ReturnType<typeof joined>['where']>>[number];

export function toHsds(deps: Deps, r: Joined) {
  const now = deps.clock.now();
  const view = serviceView(
    r.service,
    { organizationName: r.organization.name, site: r.site },
    now,
    deps.config.capacityMaxAgeDays,
  );
  return { view, service: hsdsService(view, r.organization, r.site, now) };
}

export const pageOf = (query: HsdsQuery) => {
  const perPage = query.perPage ?? HSDS_DEFAULT_PER_PAGE;
  const page = query.page ?? 1;
  return { perPage, page, offset: (page - 1) * perPage };
};

export async function servicePage(deps: Deps, networkId: string, query: HsdsQuery) {
  const { perPage, page, offset } = pageOf(query);
  const where = serviceFilter(networkId, query);
  const [rows, [total]] = await Promise.all([
    joined(deps.db)
      .where(where)
      .orderBy(asc(sql`lower(${services.name})`), asc(services.id))
      .limit(perPage)
      .offset(offset),
    deps.db
      .select({ n: count() })
      .from(services)
      .innerJoin(
        organizations,
        and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
      )
      .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)))
      .where(where),
  ]);
  return { rows: rows.map((r) => toHsds(deps, r)), total: total?.n ?? 0, page, perPage };
}

export function organizationFilter(networkId: string, query: HsdsQuery, db: Queryable): SQL | undefined {
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    eq(organizations.networkId, networkId),
    exists(
      db
        .select({ one: sql`1` })
        .from(services)
        .where(
          and(eq(services.networkId, organizations.networkId), eq(services.organizationId, organizations.id)),
        ),
    ),
    pattern ? or(ilike(organizations.name, pattern), ilike(organizations.description, pattern)) : undefined,
    query.modifiedAfter ? gt(organizations.updatedAt, query.modifiedAfter) : undefined,
  );
}
