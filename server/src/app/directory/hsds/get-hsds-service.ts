/** `GET /hsds/services/{id}`: one service with its organization, location and attributes. */
import { and, eq } from 'drizzle-orm';
import { services } from '../../../db/schema/index.ts';
import { notFound } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../context.ts';
import { memberNetwork, joined, toHsds } from './hsds-query.ts';
import { isUuid } from '../../../lib/uuid.ts';

export async function getHsdsService(deps: Deps, actor: Actor, id: string) {
  const networkId = await memberNetwork(deps, actor);
  if (!isUuid(id)) throw notFound('Service');
  const [row] = await joined(deps.db).where(and(eq(services.networkId, networkId), eq(services.id, id)));
  if (!row) throw notFound('Service');
  return toHsds(deps, row).service;
}
