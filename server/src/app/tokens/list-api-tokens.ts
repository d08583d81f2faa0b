/**
 * Lists API tokens: the actor's own (`scope: 'own'`), or every member's token of an organization
 * (`scope: 'organization'`, org admins — e.g. to revoke a departed colleague's tokens).
 */
import { and, desc, eq } from 'drizzle-orm';
import { apiTokens, memberships, users } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';
import { tokenView, type TokenView } from './token-view.ts';

export async function listApiTokens(
  deps: Deps,
  actor: Actor,
  input: { scope: 'own' } | { scope: 'organization'; organizationId: string },
): Promise<Array<TokenView & { userEmail: string }>> {
  const member = requireMember(actor);
  let where;
  if (input.scope === 'own') {
    await authorize(deps, member, 'token.manage_own', { what: 'Token', userId: member.userId });
    where = and(eq(apiTokens.networkId, member.networkId), eq(apiTokens.userId, member.userId));
  } else {
    const org = await findOrganization(deps.db, member.networkId, input.organizationId);
    await authorize(deps, member, 'token.manage_org', { what: 'Organization', organizationId: org.id });
    where = and(eq(apiTokens.networkId, member.networkId), eq(memberships.organizationId, org.id));
  }
  const rows = await deps.db
    .select({ token: apiTokens, userEmail: users.email })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.networkId, apiTokens.networkId), eq(memberships.id, apiTokens.membershipId)),
    )
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...tokenView(r.token), userEmail: r.userEmail }));
}
