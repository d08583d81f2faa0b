/** What an invitation link offers, shown before accepting: organization, roles, new or existing user. */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { findUsableInvitation } from './find-invitation.ts';

export async function getInvitation(deps: Deps, token: string) {
  const { invitation, organizationName } = await findUsableInvitation(deps.db, token, deps.clock.now());
  const [existing] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, invitation.email));
  return {
    email: invitation.email,
    organizationName,
    roles: invitation.roles,
    existingUser: existing !== undefined,
  };
}
