/** Revokes an API token: one's own, or (org admins) any token of their organization's members. */
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, memberships } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';

export async function revokeApiToken(
  deps: Deps,
  actor: Actor,
  input: {
    tokenId: string;
    /** id or slug: revoke as that organization's admin */ organizationId?: string | undefined;
  },
): Promise<void> {
  const member = requireMember(actor);
  const organizationId =
    input.organizationId === undefined
      ? undefined
      : (await findOrganization(deps.db, member.networkId, input.organizationId)).id;
  const [found] = await deps.db
    .select({ token: apiTokens, organizationId: memberships.organizationId })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.networkId, apiTokens.networkId), eq(memberships.id, apiTokens.membershipId)),
    )
    .where(and(eq(apiTokens.networkId, member.networkId), eq(apiTokens.id, input.tokenId)));
  if (!found || (organizationId !== undefined && found.organizationId !== organizationId)) {
    throw notFound('Token');
  }
  const target = { what: 'Token', entityType: 'api_token', entityId: found.token.id };
  if (organizationId === undefined) {
    await authorize(deps, member, 'token.manage_own', { ...target, userId: found.token.userId });
  } else {
    await authorize(deps, member, 'token.manage_org', { ...target, organizationId: found.organizationId });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(apiTokens.networkId, member.networkId),
          eq(apiTokens.id, found.token.id),
          isNull(apiTokens.revokedAt),
        ),
      );
    await appendAuditEvent(tx, member, now, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: found.token.id,
    });
  });
}
