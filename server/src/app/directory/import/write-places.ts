/**
 * The organizations and sites of an imported dataset, written in place by (`external_source`,
 * `external_id`) — or by Handoff id, when the source carries our own ids (an HSDS export of ours coming
 * back) — and the resolution of each service to its organization and site. For the services
 * spreadsheet (`source` `csv`) nothing is written here: its rows name Handoff's own organization and
 * site ids, which must exist in the network and belong together.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db, Queryable } from '../../../db/client.ts';
import { bulkInsert, bulkUpdate } from '../../../db/bulk.ts';
import { organizations, sites } from '../../../db/schema/index.ts';
import type { SiteRow } from '../service-record.ts';
import type { ImportedService, ImportProblem, ParsedDataset } from './dataset.ts';
import type { ServiceKind } from '../../../domain/directory/vocabulary.ts';
import type { CboSubtype } from '../../../domain/identity/vocabulary.ts';

export interface Places {
  resolve(service: ImportedService): { organizationId: string; site: SiteRow } | { problem: ImportProblem };
}

const SUBTYPE_OF_KIND: Record<ServiceKind, CboSubtype> = {
  otp: 'otp',
  obot: 'obot',
  bridge_clinic: 'bridge_clinic',
  fqhc: 'fqhc',
  peer_support: 'peer_recovery',
  harm_reduction: 'harm_reduction',
  recovery_housing: 'recovery_housing',
  residential: 'residential_treatment',
  withdrawal_management: 'withdrawal_management',
  behavioral_health: 'behavioral_health',
  social_services: 'social_services',
};

export function subtypeOfKind(kind: unknown): CboSubtype {
  return typeof kind === 'string' && kind in SUBTYPE_OF_KIND ? SUBTYPE_OF_KIND[kind as ServiceKind] : 'other';
}

function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return base.length >= 2 ? base : `org-${base}`;
}

async function writeOrganizations(
  db: Queryable,
  networkId: string,
  dataset: ParsedDataset,
  now: Date,
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      externalSource: organizations.externalSource,
      externalId: organizations.externalId,
      version: organizations.version,
    })
    .from(organizations)
    .where(eq(organizations.networkId, networkId));
  const slugs = new Set(rows.map((r) => r.slug));
  // Imported organizations by their id in the source; our own by their Handoff id (our export coming back).
  const byExternal = new Map(
    rows.flatMap((r) =>
      r.externalSource === null
        ? [[r.id, r]]
        : r.externalSource === dataset.source && r.externalId
          ? [[r.externalId, r]]
          : [],
    ),
  );
  const firstKind = new Map<string, unknown>();
  for (const s of dataset.services)
    if (!firstKind.has(s.organizationExternalId)) firstKind.set(s.organizationExternalId, s.input.kind);
  const ids = new Map<string, string>();
  const inserts: Array<typeof organizations.$inferInsert> = [];
  const updates: Array<typeof organizations.$inferInsert> = [];
  for (const org of dataset.organizations) {
    if (ids.has(org.externalId)) continue;
    const fields = {
      name: org.name,
      description: org.description,
      website: org.website,
      phone: org.phone,
      updatedAt: now,
    };
    const current = byExternal.get(org.externalId);
    if (current) {
      ids.set(org.externalId, current.id);
      updates.push({
        networkId,
        id: current.id,
        slug: current.slug,
        kind: 'cbo',
        ...fields,
        version: current.version + 1,
        createdAt: now,
      });
      continue;
    }
    let slug = slugify(org.name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(org.name).slice(0, 45)}-${n}`;
    slugs.add(slug);
    const id = randomUUID();
    ids.set(org.externalId, id);
    inserts.push({
      networkId,
      id,
      slug,
      kind: 'cbo',
      cboSubtype: subtypeOfKind(firstKind.get(org.externalId)),
      externalSource: dataset.source,
      externalId: org.externalId,
      ...fields,
      createdAt: now,
    });
  }
  await bulkInsert(db, organizations, inserts);
  // Only the imported fields change; kind, subtype, slug and Part 2 status stay as they are.
  await bulkUpdate(
    db,
    organizations,
    ['networkId', 'id'],
    updates.map((u) => ({
      networkId: u.networkId,
      id: u.id,
      name: u.name,
      description: u.description,
      website: u.website,
      phone: u.phone,
      version: u.version,
      updatedAt: u.updatedAt,
    })),
  );
  return ids;
}

async function writeSites(
  db: Queryable,
  networkId: string,
  dataset: ParsedDataset,
  organizationIds: Map<string, string>,
  now: Date,
): Promise<Map<string, SiteRow>> {
  const existing = await db
    .select()
    .from(sites)
    .where(
      and(
        eq(sites.networkId, networkId),
        or(eq(sites.externalSource, dataset.source), isNull(sites.externalSource)),
      ),
    );
  const byExternal = new Map(
    existing.map((s) => [s.externalSource === null ? s.id : (s.externalId ?? ''), s]),
  );
  const result = new Map<string, SiteRow>();
  const inserts: SiteRow[] = [];
  const updates: SiteRow[] = [];
  for (const site of dataset.sites) {
    const organizationId = organizationIds.get(site.organizationExternalId);
    if (!organizationId || result.has(site.externalId)) {
      if (!organizationId) {
        dataset.problems.push({
          file: site.file,
          row: site.row,
          field: 'organization_id',
          reason: `no organization "${site.organizationExternalId}" in the import`,
        });
      }
      continue;
    }
    const current = byExternal.get(site.externalId);
    const row: SiteRow = {
      networkId,
      id: current?.id ?? randomUUID(),
      organizationId: current?.organizationId ?? organizationId,
      name: site.name,
      street: site.street,
      city: site.city,
      state: site.state,
      postalCode: site.postalCode,
      latitude: site.latitude,
      longitude: site.longitude,
      timezone: site.timezone ?? current?.timezone ?? null,
      phone: site.phone,
      externalSource: current ? current.externalSource : dataset.source,
      externalId: current ? current.externalId : site.externalId,
      active: current?.active ?? true,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    result.set(site.externalId, row);
    (current ? updates : inserts).push(row);
  }
  await bulkInsert(db, sites, inserts);
  await bulkUpdate(
    db,
    sites,
    ['networkId', 'id'],
    updates.map(({ createdAt: _c, ...row }) => row),
  );
  return result;
}

async function ownPlaces(db: Db, networkId: string): Promise<Places> {
  const all = await db.select().from(sites).where(eq(sites.networkId, networkId));
  const byId = new Map(all.map((s) => [s.id, s]));
  return {
    resolve(service) {
      const site = byId.get(service.siteExternalId);
      if (!site || site.organizationId !== service.organizationExternalId) {
        return {
          problem: {
            file: service.file,
            row: service.row,
            field: 'site_id',
            reason: 'is not a site of that organization in this network',
          },
        };
      }
      return { organizationId: site.organizationId, site };
    },
  };
}

/** Writes the dataset's organizations and sites (one transaction) and resolves services to them. */
export async function writeOrganizationsAndSites(
  db: Db,
  networkId: string,
  dataset: ParsedDataset,
  now: Date,
): Promise<Places> {
  if (dataset.source === 'csv') return ownPlaces(db, networkId);
  const written = await db.transaction(async (tx) => {
    const organizationIds = await writeOrganizations(tx, networkId, dataset, now);
    return { organizationIds, siteRows: await writeSites(tx, networkId, dataset, organizationIds, now) };
  });
  return {
    resolve(service) {
      const site = written.siteRows.get(service.siteExternalId);
      const organizationId = written.organizationIds.get(service.organizationExternalId);
      if (!organizationId) {
        return {
          problem: {
            file: service.file,
            row: service.row,
            field: 'organization_id',
            reason: `no organization "${service.organizationExternalId}" in the import`,
          },
        };
      }
      if (!site || site.organizationId !== organizationId) {
        return {
          problem: {
            file: service.file,
            row: service.row,
            field: 'location_id',
            reason: `no location "${service.siteExternalId}" of its organization in the import`,
          },
        };
      }
      return { organizationId, site };
    },
  };
}
