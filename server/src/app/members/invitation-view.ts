/** The API shape of an invitation (never the token). */
import type { invitations } from '../../db/schema/index.ts';

export const invitationView = (i: typeof invitations.$inferSelect) => ({
  id: i.id,
  organizationId: i.organizationId,
  email: i.email,
  roles: i.roles,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
});
export type InvitationView = ReturnType<typeof invitationView>;
