/** Looks up a usable (pending, unexpired) invitation by its secret token. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { invitations, organizations } from '../../db/schema/index.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

export async function findUsableInvitation(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, invitations.networkId),
        eq(organizations.id, invitations.organizationId),
      ),
    )
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  if (!row || row.invitation.expiresAt <= now) {
    throw new AppError('not_found', 'This invitation link is invalid, was already used, or has expired');
  }
  return row;
}
