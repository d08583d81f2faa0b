/** The partnerships the active organization is a party to, most recently changed first. */
import { and, desc, eq, or } from 'drizzle-orm';
import { partnerships } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { organizationNames, partnershipSummary } from './partnership-view.ts';

export async function listPartnerships(deps: Deps, actor: Actor) {
  const member = requireMember(actor);
  await authorize(deps, member, 'partnership.read', {
    what: 'Partnership',
    organizationId: member.organizationId,
  });
  const rows = await deps.db
    .select()
    .from(partnerships)
    .where(
      and(
        eq(partnerships.networkId, member.networkId),
        or(
          eq(partnerships.hospitalOrgId, member.organizationId),
          eq(partnerships.cboOrgId, member.organizationId),
        ),
      ),
    )
    .orderBy(desc(partnerships.updatedAt), desc(partnerships.id));
  const names = await organizationNames(deps.db, member.networkId, [
    ...new Set(rows.flatMap((r) => [r.hospitalOrgId, r.cboOrgId])),
  ]);
  return { items: rows.map((r) => partnershipSummary(r, names)) };
}
