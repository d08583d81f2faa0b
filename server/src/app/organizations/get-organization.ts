/** One organization of the actor's network (another network's organization is "not found"). */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organizations } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { authorize } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { organizationView, type OrganizationRow, type OrganizationView } from './schemas.ts';

/** Finds an organization by id or slug within a network, or throws not found. */
export async function findOrganization(
  db: Queryable,
  networkId: string,
  idOrSlug: string,
): Promise<OrganizationRow> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await db
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.networkId, networkId),
        isUuid ? eq(organizations.id, idOrSlug) : eq(organizations.slug, idOrSlug),
      ),
    );
  if (!row) throw notFound('Organization');
  return row;
}

export async function getOrganization(deps: Deps, actor: Actor, id: string): Promise<OrganizationView> {
  if (actor.kind !== 'member') throw notFound('Organization');
  const row = await findOrganization(deps.db, actor.networkId, id);
  await authorize(deps, actor, 'organization.read', { what: 'Organization', organizationId: row.id });
  return organizationView(row);
}
