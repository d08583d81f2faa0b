/**
 * The directory as HSDS 3.0, for the read API (`/hsds/…`) and the export: services with their
 * organization and site, organizations that own services, and service-at-locations. Always one network
 * (a member's own; the operator names one for the export). Directory facts are not patient data, so
 * reads need `service.read` and are not audited.
 *
 * `search` matches the service, organization or site name and the service description; `modified_after`
 * keeps records changed after the instant (a service also changes when its capacity is reported).
 */
import { and, asc, count, eq, exists, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import { organizations, services, sites } from '../../../db/schema/index.ts';
import { hsdsLocation, hsdsOrganization, hsdsPage, hsdsService } from '../../../integrations/hsds/to-hsds.ts';
import { notFound } from '../../../lib/errors.ts';
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function memberNetwork(deps: Deps, actor: Actor): Promise<string> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  return member.networkId;
}

function serviceFilter(networkId: string, query: HsdsQuery): SQL | undefined {
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

function joined(db: Queryable) {
  return db
    .select({ service: services, organization: organizations, site: sites })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)));
}

type Joined = Awaited<ReturnType<ReturnType<typeof joined>['where']>>[number];

function toHsds(deps: Deps, r: Joined) {
  const now = deps.clock.now();
  const view = serviceView(
    r.service,
    { organizationName: r.organization.name, site: r.site },
    now,
    deps.config.capacityMaxAgeDays,
  );
  return { view, service: hsdsService(view, r.organization, r.site, now) };
}

const pageOf = (query: HsdsQuery) => {
  const perPage = query.perPage ?? HSDS_DEFAULT_PER_PAGE;
  const page = query.page ?? 1;
  return { perPage, page, offset: (page - 1) * perPage };
};

async function servicePage(deps: Deps, networkId: string, query: HsdsQuery) {
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

/** `GET /hsds/services`: full services, a page at a time, sorted by name. */
export async function listHsdsServices(deps: Deps, actor: Actor, query: HsdsQuery) {
  const networkId = await memberNetwork(deps, actor);
  const { rows, total, page, perPage } = await servicePage(deps, networkId, query);
  return hsdsPage(
    rows.map((r) => r.service),
    total,
    page,
    perPage,
  );
}

/** `GET /hsds/service_at_locations`: each service at its site, with both nested. */
export async function listHsdsServiceAtLocations(deps: Deps, actor: Actor, query: HsdsQuery) {
  const networkId = await memberNetwork(deps, actor);
  const { rows, total, page, perPage } = await servicePage(deps, networkId, query);
  return hsdsPage(
    rows.map(({ service }) => {
      const sal = (service.service_at_locations as Array<Record<string, unknown>>)[0] ?? {};
      const { service_at_locations: _sal, ...rest } = service;
      return { ...sal, service: rest };
    }),
    total,
    page,
    perPage,
  );
}

export async function getHsdsService(deps: Deps, actor: Actor, id: string) {
  const networkId = await memberNetwork(deps, actor);
  if (!UUID.test(id)) throw notFound('Service');
  const [row] = await joined(deps.db).where(and(eq(services.networkId, networkId), eq(services.id, id)));
  if (!row) throw notFound('Service');
  return toHsds(deps, row).service;
}

function organizationFilter(networkId: string, query: HsdsQuery, db: Queryable): SQL | undefined {
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

/** `GET /hsds/organizations`: organizations that own services, a page at a time. */
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

/** `GET /hsds/organizations/{id}`: the organization with its services and locations. */
export async function getHsdsOrganization(deps: Deps, actor: Actor, id: string) {
  const networkId = await memberNetwork(deps, actor);
  if (!UUID.test(id)) throw notFound('Organization');
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

/** Every service of a network as full HSDS objects (for the export), with its organizations and locations. */
export async function allHsdsRecords(deps: Deps, networkId: string) {
  const rows = await joined(deps.db)
    .where(eq(services.networkId, networkId))
    .orderBy(asc(sql`lower(${services.name})`), asc(services.id));
  const organizationsById = new Map(rows.map((r) => [r.organization.id, r.organization]));
  const sitesById = new Map(rows.map((r) => [r.site.id, r.site]));
  return {
    services: rows.map((r) => toHsds(deps, r).service),
    organizations: [...organizationsById.values()].map(hsdsOrganization),
    locations: [...sitesById.values()].map(hsdsLocation),
  };
}
