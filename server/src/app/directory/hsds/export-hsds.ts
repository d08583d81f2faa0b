/**
 * `handoff export hsds DIR`: the network's directory as HSDS 3.0, in both formats — `json/services.json`
 * and `json/organizations.json` (pages as the API serves them, every item complete) and the CSV data
 * package under `csv/`. Either re-imports in place with `handoff import hsds`.
 */
import { hsdsPage } from '../../../integrations/hsds/to-hsds.ts';
import { hsdsCsvPackage } from '../../../integrations/hsds/write-csv.ts';
import { authorize } from '../../authorize.ts';
import type { Actor, Deps } from '../../context.ts';
import { asc, eq, sql } from 'drizzle-orm';
import { services } from '../../../db/schema/index.ts';
import { hsdsLocation, hsdsOrganization } from '../../../integrations/hsds/to-hsds.ts';
import { joined, toHsds } from './hsds-query.ts';

/**
 * File path (relative, `/`-separated) → its text in chunks, to be written one after the other: a large
 * directory's JSON page would not fit in one string.
 */
export async function exportHsds(
  deps: Deps,
  actor: Actor,
  networkId: string,
): Promise<Record<string, string[]>> {
  await authorize(deps, actor, 'service.read', { what: 'Service', networkId });
  const records = await allHsdsRecords(deps, networkId);
  const files: Record<string, string[]> = {
    'json/services.json': pageChunks(records.services),
    'json/organizations.json': pageChunks(records.organizations),
  };
  for (const [name, text] of Object.entries(hsdsCsvPackage(records))) files[`csv/${name}`] = [text];
  return files;
}

/** One HSDS page holding every item, as chunks: the envelope, then one item per chunk. */
function pageChunks(items: readonly unknown[]): string[] {
  const { contents: _contents, ...envelope } = hsdsPage(
    [...items],
    items.length,
    1,
    Math.max(1, items.length),
  );
  const head = JSON.stringify(envelope).slice(0, -1);
  return [
    `${head},"contents":[`,
    ...items.map((item, i) => (i === 0 ? '' : ',') + JSON.stringify(item)),
    ']}\n',
  ];
}

/** Every service of a network as full HSDS objects (for the export), with its organizations and locations. */
async function allHsdsRecords(deps: Deps, networkId: string) {
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
