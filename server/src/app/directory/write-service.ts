/**
 * The one write path of service rows, shared by the REST use cases and the CSV and HSDS imports.
 * Authorization and audit stay with the callers (use cases); this module checks what the database
 * cannot (the site belongs to the organization), fills defaults from the site, and stamps each write
 * with the network's next directory change number (see `db/schema/directory.ts`).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client.ts';
import { networks, services, sites } from '../../db/schema/index.ts';
import { invalid } from '../../lib/errors.ts';
import type { ServiceInput } from './schemas.ts';
import type { ServiceRow, SiteRow } from './service-record.ts';

/**
 * Takes the network's next directory change number. The row lock it takes is held to commit, so two
 * transactions writing one network's directory take their numbers in commit order. One transaction
 * (e.g. a whole import batch) may stamp all its rows with the same number.
 */
export async function nextChangeSeq(tx: Queryable, networkId: string): Promise<number> {
  const [row] = await queryRows<{ change_seq: string | number }>(
    tx,
    sql`insert into directory_state (network_id, change_seq) values (${networkId}, 1)
        on conflict (network_id) do update set change_seq = directory_state.change_seq + 1
        returning change_seq`,
  );
  if (!row) throw new Error('directory_state upsert returned nothing');
  return Number(row.change_seq);
}

/** Marks every service of an organization as changed (it was deactivated or renamed). */
export async function touchOrganizationServices(
  tx: Queryable,
  networkId: string,
  organizationId: string,
): Promise<void> {
  const seq = await nextChangeSeq(tx, networkId);
  await tx
    .update(services)
    .set({ changeSeq: seq })
    .where(and(eq(services.networkId, networkId), eq(services.organizationId, organizationId)));
}

/** Marks every service at a site as changed (its name or address changed: the views show them). */
export async function touchSiteServices(tx: Queryable, networkId: string, siteId: string): Promise<void> {
  const seq = await nextChangeSeq(tx, networkId);
  await tx
    .update(services)
    .set({ changeSeq: seq })
    .where(and(eq(services.networkId, networkId), eq(services.siteId, siteId)));
}

/** The site, which must belong to the organization; a validation error on `siteId` otherwise. */
export async function siteOfOrganization(
  tx: Queryable,
  networkId: string,
  organizationId: string,
  siteId: string,
): Promise<SiteRow> {
  const [site] = await tx
    .select()
    .from(sites)
    .where(
      and(eq(sites.networkId, networkId), eq(sites.organizationId, organizationId), eq(sites.id, siteId)),
    );
  if (!site) throw invalid('siteId', 'is not a site of this organization');
  return site;
}

export async function networkTimezone(tx: Queryable, networkId: string): Promise<string> {
  const [network] = await tx
    .select({ timezone: networks.timezone })
    .from(networks)
    .where(eq(networks.id, networkId));
  return network?.timezone ?? 'America/New_York';
}

/**
 * The columns a `ServiceInput` sets, with the site's coordinates and time zone as defaults, and the
 * network's time zone when the site has none.
 */
export function serviceColumns(input: ServiceInput, site: SiteRow, networkTimezone: string) {
  const location =
    input.location ??
    (site.latitude !== null && site.longitude !== null ? { lat: site.latitude, lon: site.longitude } : null);
  return {
    siteId: site.id,
    name: input.name,
    description: input.description ?? null,
    kind: input.kind,
    status: input.status,
    medications: input.medications,
    policies: input.policies,
    eligibility: input.eligibility,
    latitude: location?.lat ?? null,
    longitude: location?.lon ?? null,
    serviceArea: location?.serviceArea ?? null,
    timezone: input.timezone ?? site.timezone ?? networkTimezone,
    intakeHours: input.intakeHours ?? null,
    holidays: [...new Set(input.holidays)].sort(),
    acknowledgement: input.acknowledgement ?? null,
    referralChannel: input.referralChannel ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    url: input.url ?? null,
  };
}

async function columnsOf(tx: Queryable, networkId: string, input: ServiceInput, site: SiteRow) {
  return serviceColumns(input, site, await networkTimezone(tx, networkId));
}

export interface ExternalKey {
  source: string;
  id: string;
}

export async function insertService(
  tx: Queryable,
  args: {
    networkId: string;
    organizationId: string;
    input: ServiceInput;
    site: SiteRow;
    changeSeq: number;
    now: Date;
    id?: string;
    external?: ExternalKey;
  },
): Promise<ServiceRow> {
  const [row] = await tx
    .insert(services)
    .values({
      ...(await columnsOf(tx, args.networkId, args.input, args.site)),
      networkId: args.networkId,
      id: args.id ?? randomUUID(),
      organizationId: args.organizationId,
      externalSource: args.external?.source ?? null,
      externalId: args.external?.id ?? null,
      changeSeq: args.changeSeq,
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Replaces every writable field of an existing row (capacity and identity stay). */
export async function replaceService(
  tx: Queryable,
  args: { current: ServiceRow; input: ServiceInput; site: SiteRow; changeSeq: number; now: Date },
): Promise<ServiceRow> {
  const { current } = args;
  const [row] = await tx
    .update(services)
    .set({
      ...(await columnsOf(tx, current.networkId, args.input, args.site)),
      changeSeq: args.changeSeq,
      version: current.version + 1,
      updatedAt: args.now,
    })
    .where(and(eq(services.networkId, current.networkId), eq(services.id, current.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  return row;
}
