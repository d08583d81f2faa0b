/** `GET /hsds/services`: full services, a page at a time, sorted by name. */
import { hsdsPage } from '../../../integrations/hsds/to-hsds.ts';
import type { Actor, Deps } from '../../context.ts';
import { memberNetwork, servicePage, type HsdsQuery } from './hsds-query.ts';

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
