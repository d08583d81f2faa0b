/** An organization's invitations, newest first (who may invite may also see them). */
import { and, desc, eq } from 'drizzle-orm';
import { invitations } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';
import { invitationView, type InvitationView } from './invitation-view.ts';

export async function listInvitations(
  deps: Deps,
  actor: Actor,
  organizationId: string,
): Promise<InvitationView[]> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, organizationId);
  await authorize(deps, member, 'member.invite', { what: 'Organization', organizationId: org.id });
  const rows = await deps.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.networkId, member.networkId), eq(invitations.organizationId, org.id)))
    .orderBy(desc(invitations.createdAt));
  return rows.map(invitationView);
}
