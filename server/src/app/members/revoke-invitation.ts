/** Withdraws a pending invitation; its link stops working. */
import { and, eq, isNull } from 'drizzle-orm';
import { invitations } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';

export async function revokeInvitation(
  deps: Deps,
  actor: Actor,
  input: { organizationId: string; invitationId: string },
): Promise<void> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, input.organizationId);
  await authorize(deps, member, 'member.invite', { what: 'Organization', organizationId: org.id });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.networkId, member.networkId),
          eq(invitations.organizationId, org.id),
          eq(invitations.id, input.invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('Pending invitation');
    await appendAuditEvent(tx, member, now, {
      action: 'member.invite_revoke',
      entityType: 'invitation',
      entityId: row.id,
    });
  });
}
