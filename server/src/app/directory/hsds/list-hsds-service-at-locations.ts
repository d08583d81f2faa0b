/** `GET /hsds/service_at_locations`: each service at its site, with both nested. */
import { hsdsPage } from '../../../integrations/hsds/to-hsds.ts';
import type { Actor, Deps } from '../../context.ts';
import { memberNetwork, servicePage, type HsdsQuery } from './hsds-query.ts';

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
