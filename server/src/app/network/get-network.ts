/** The network (regional partnership) the actor works in. */
import { eq } from 'drizzle-orm';
import { networks } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';

export async function getNetwork(deps: Deps, actor: Actor) {
  const member = requireMember(actor);
  const [row] = await deps.db.select().from(networks).where(eq(networks.id, member.networkId));
  if (!row) throw notFound('Network');
  return { id: row.id, slug: row.slug, name: row.name, timezone: row.timezone };
}
