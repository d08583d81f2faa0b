/**
 * `handoff export hsds DIR`: the network's directory as HSDS 3.0, in both formats — `json/services.json`
 * and `json/organizations.json` (pages as the API serves them, every item complete) and the CSV data
 * package under `csv/`. Either re-imports in place with `handoff import hsds`.
 */
import { hsdsPage } from '../../../integrations/hsds/to-hsds.ts';
import { hsdsCsvPackage } from '../../../integrations/hsds/write-csv.ts';
import { authorize } from '../../authorize.ts';
import type { Actor, Deps } from '../../context.ts';
import { allHsdsRecords } from './hsds-directory.ts';

/** File path (relative, `/`-separated) → text. */
export async function exportHsds(
  deps: Deps,
  actor: Actor,
  networkId: string,
): Promise<Record<string, string>> {
  await authorize(deps, actor, 'service.read', { what: 'Service', networkId });
  const records = await allHsdsRecords(deps, networkId);
  const page = <T>(items: T[]) =>
    JSON.stringify(hsdsPage(items, items.length, 1, Math.max(1, items.length)), null, 2);
  const files: Record<string, string> = {
    'json/services.json': page(records.services),
    'json/organizations.json': page(records.organizations),
  };
  for (const [name, text] of Object.entries(hsdsCsvPackage(records))) files[`csv/${name}`] = text;
  return files;
}
