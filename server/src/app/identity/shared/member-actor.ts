/**
 * Loads what an actor is from a membership: the user, the organization and the roles, all required
 * to be active. Used by session and API-token authentication and by organization switching.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import { memberships, organizations, users } from '../../../db/schema/index.ts';
import { isRole, type Role } from '../../../domain/identity/vocabulary.ts';

export interface MembershipContext {
  userId: string;
  networkId: string;
  membershipId: string;
  organizationId: string;
  roles: Role[];
  totpRequiredRoles: string[];
  totpEnabled: boolean;
}

/**
 * The condition every authentication applies, over `membership` joined to its `organization` and `user`:
 * the membership, its organization and its user are all active.
 */
export const activeMembership = () =>
  and(eq(memberships.status, 'active'), eq(organizations.active, true), eq(users.status, 'active'));

export async function loadMembership(
  db: Queryable,
  userId: string,
  membershipId: string,
): Promise<MembershipContext | undefined> {
  const [row] = await db
    .select({
      networkId: memberships.networkId,
      organizationId: memberships.organizationId,
      roles: memberships.roles,
      totpRequiredRoles: organizations.totpRequiredRoles,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(memberships)
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, memberships.networkId),
        eq(organizations.id, memberships.organizationId),
      ),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId), activeMembership()));
  if (!row) return undefined;
  return {
    userId,
    membershipId,
    networkId: row.networkId,
    organizationId: row.organizationId,
    roles: row.roles.filter(isRole),
    totpRequiredRoles: row.totpRequiredRoles,
    totpEnabled: row.totpEnabledAt !== null,
  };
}

/** True when the organization requires a second factor for one of the membership's roles. */
export const totpRequiredFor = (m: Pick<MembershipContext, 'roles' | 'totpRequiredRoles'>): boolean =>
  m.roles.some((r) => m.totpRequiredRoles.includes(r));
