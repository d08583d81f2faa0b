/**
 * Changes a member's roles, title or status. Deactivating ends the person's sessions and API tokens
 * for that organization at their next request (authentication requires an active membership).
 * An admin cannot remove their own last admin role, so an organization never locks itself out.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../db/schema/index.ts';
import { ROLES } from '../../domain/identity/vocabulary.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';

export const updateMemberInput = z.strictObject({
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  title: z.string().trim().max(120).nullable().optional(),
  status: z.enum(['active', 'inactive']).optional(),
});
export type UpdateMemberInput = z.output<typeof updateMemberInput>;

export async function updateMember(
  deps: Deps,
  actor: Actor,
  input: { organizationId: string; membershipId: string; changes: UpdateMemberInput },
): Promise<void> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, input.organizationId);
  await authorize(deps, member, 'member.update', {
    what: 'Organization',
    organizationId: org.id,
    entityType: 'membership',
    entityId: input.membershipId,
  });
  const self = input.membershipId === member.membershipId;
  const losesAdmin =
    (input.changes.roles !== undefined && !input.changes.roles.includes('org_admin')) ||
    input.changes.status === 'inactive';
  if (self && losesAdmin && member.roles.includes('org_admin')) {
    throw new AppError(
      'conflict',
      'You cannot remove your own administrator access; ask another administrator',
    );
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(memberships)
      .set({ ...input.changes, updatedAt: now })
      .where(
        and(
          eq(memberships.networkId, member.networkId),
          eq(memberships.organizationId, org.id),
          eq(memberships.id, input.membershipId),
        ),
      )
      .returning();
    if (!row) throw notFound('Member');
    await appendAuditEvent(tx, member, now, {
      action: 'member.update',
      entityType: 'membership',
      entityId: row.id,
      details: { roles: row.roles, status: row.status },
    });
  });
}
