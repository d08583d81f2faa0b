/** The sites (locations) of an organization in the actor's network. */
import { and, asc, eq } from 'drizzle-orm';
import { sites } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from './get-organization.ts';
import { siteView, type SiteView } from './schemas.ts';

export async function listSites(deps: Deps, actor: Actor, organizationId: string): Promise<SiteView[]> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, organizationId);
  await authorize(deps, member, 'organization.read', { what: 'Organization', organizationId: org.id });
  const rows = await deps.db
    .select()
    .from(sites)
    .where(and(eq(sites.networkId, member.networkId), eq(sites.organizationId, org.id)))
    .orderBy(asc(sites.name));
  return rows.map(siteView);
}
