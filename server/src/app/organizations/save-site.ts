/** Adds a site to an organization, or changes one (org admins of that organization, conveners). */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { touchSiteServices } from '../directory/write-service.ts';
import { sites } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from './get-organization.ts';
import { siteView, type SiteInput, type SiteView } from './schemas.ts';

export async function saveSite(
  deps: Deps,
  actor: Actor,
  input: { organizationId: string; siteId?: string | undefined; fields: Partial<SiteInput> },
): Promise<SiteView> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, input.organizationId);
  await authorize(deps, member, 'site.manage', {
    what: 'Organization',
    organizationId: org.id,
    entityType: 'organization',
    entityId: org.id,
  });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    let row;
    if (input.siteId) {
      [row] = await tx
        .update(sites)
        .set({ ...input.fields, updatedAt: now })
        .where(
          and(
            eq(sites.networkId, member.networkId),
            eq(sites.organizationId, org.id),
            eq(sites.id, input.siteId),
          ),
        )
        .returning();
      if (!row) throw notFound('Site');
      // Match results show the site's name and address: tell the match snapshots.
      await touchSiteServices(tx, member.networkId, row.id);
    } else {
      [row] = await tx
        .insert(sites)
        .values({
          name: input.fields.name ?? org.name,
          ...input.fields,
          networkId: member.networkId,
          id: randomUUID(),
          organizationId: org.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
    }
    await appendAuditEvent(tx, member, now, {
      action: input.siteId ? 'site.update' : 'site.create',
      entityType: 'site',
      entityId: row.id,
      details: { organizationId: org.id },
    });
    return siteView(row);
  });
}
