/**
 * Invites a person by e-mail to join an organization with given roles. The e-mail (sent through the
 * outbox) carries a single-use link valid for 7 days; only the token's hash is stored.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { invitations } from '../../db/schema/index.ts';
import { ROLES } from '../../domain/identity/vocabulary.ts';
import { invitationEmail } from '../../integrations/email/templates.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { enqueueEmail } from '../outbox/enqueue-email.ts';
import { findOrganization } from '../organizations/get-organization.ts';
import { invitationView, type InvitationView } from './invitation-view.ts';

export const createInvitationInput = z.strictObject({
  email: z.email().max(254),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  locale: z.enum(['en', 'es']).optional(),
});

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export async function createInvitation(
  deps: Deps,
  actor: Actor,
  input: { organizationId: string } & z.output<typeof createInvitationInput>,
): Promise<InvitationView> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, input.organizationId);
  await authorize(deps, member, 'member.invite', { what: 'Organization', organizationId: org.id });
  const now = deps.clock.now();
  const token = randomToken('', 32);
  const id = randomUUID();
  const email = input.email.trim().toLowerCase();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        networkId: member.networkId,
        id,
        organizationId: org.id,
        email,
        roles: [...new Set(input.roles)],
        tokenHash: sha256(token),
        invitedBy: member.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await enqueueEmail(tx, now, {
      networkId: member.networkId,
      dedupeKey: `invitation:${id}`,
      message: invitationEmail(email, org.name, `${deps.config.publicUrl}/invite/${token}`, input.locale),
    });
    await appendAuditEvent(tx, member, now, {
      action: 'member.invite',
      entityType: 'invitation',
      entityId: id,
      details: { organizationId: org.id, roles: row.roles },
    });
    return invitationView(row);
  });
}
