/** The people of an organization with their roles (org admins and program managers; conveners). */
import { and, asc, eq } from 'drizzle-orm';
import { memberships, users } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';

export interface MemberView {
  membershipId: string;
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  title: string | null;
  status: string;
}

export async function listMembers(deps: Deps, actor: Actor, organizationId: string): Promise<MemberView[]> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, organizationId);
  await authorize(deps, member, 'member.read', { what: 'Organization', organizationId: org.id });
  return deps.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      roles: memberships.roles,
      title: memberships.title,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.networkId, member.networkId), eq(memberships.organizationId, org.id)))
    .orderBy(asc(users.displayName));
}
