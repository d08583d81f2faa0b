/**
 * Who a time rule notifies, as memberships: a partner's named liaison (primary, then backup) from the
 * partnership workspace, falling back to the organization's staff with a role when nobody is named; a
 * transition's navigator, falling back to the hospital's navigators.
 */
import { and, arrayOverlaps, eq, ne, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships, partnershipLiaisons, partnerships } from '../../db/schema/index.ts';
import type { Role } from '../../domain/identity/vocabulary.ts';

/** Active memberships of an organization holding any of the roles. */
export async function membersWithRoles(
  db: Queryable,
  networkId: string,
  organizationId: string,
  roles: readonly Role[],
): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.networkId, networkId),
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
        arrayOverlaps(memberships.roles, [...roles]),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The active memberships named as liaisons in partnerships (with their side and liaison role), among the
 * liaison rows `where` selects; the one query behind `namedLiaisons` and the agreement reminders.
 */
export async function liaisonMemberships(
  db: Queryable,
  networkId: string,
  where: SQL | undefined,
): Promise<{ id: string; organizationId: string; role: string }[]> {
  return db
    .select({
      id: memberships.id,
      organizationId: partnershipLiaisons.organizationId,
      role: partnershipLiaisons.role,
    })
    .from(partnershipLiaisons)
    .innerJoin(
      partnerships,
      and(
        eq(partnerships.networkId, partnershipLiaisons.networkId),
        eq(partnerships.id, partnershipLiaisons.partnershipId),
      ),
    )
    .innerJoin(
      memberships,
      and(
        eq(memberships.networkId, partnershipLiaisons.networkId),
        eq(memberships.userId, partnershipLiaisons.userId),
        eq(memberships.organizationId, partnershipLiaisons.organizationId),
      ),
    )
    .where(and(eq(partnershipLiaisons.networkId, networkId), eq(memberships.status, 'active'), where));
}

/**
 * The partner side's named liaisons of the given kind in the live partnership between a hospital and a
 * partner, as their memberships in the partner organization.
 */
export async function namedLiaisons(
  db: Queryable,
  input: { networkId: string; hospitalOrgId: string; partnerOrgId: string; kind: 'primary' | 'backup' },
): Promise<string[]> {
  const rows = await liaisonMemberships(
    db,
    input.networkId,
    and(
      eq(partnerships.hospitalOrgId, input.hospitalOrgId),
      eq(partnerships.cboOrgId, input.partnerOrgId),
      ne(partnerships.status, 'ended'),
      eq(partnershipLiaisons.organizationId, input.partnerOrgId),
      eq(partnershipLiaisons.role, input.kind),
    ),
  );
  return rows.map((r) => r.id);
}
