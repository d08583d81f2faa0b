/**
 * Accepts an invitation. A new person sets a name and password and gets an account; a person who
 * already has one (cross-hiring) just gains the membership. The link works once.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { invitations, memberships, users } from '../../db/schema/index.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { hashPassword, passwordProblem } from '../../lib/passwords.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { anonymousActor, type Deps, type RequestMeta } from '../context.ts';
import { findUsableInvitation } from './find-invitation.ts';

export const acceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(200),
  displayName: z.string().trim().min(1).max(120).optional(),
  password: z.string().max(256).optional(),
});

export async function acceptInvitation(
  deps: Deps,
  input: z.output<typeof acceptInvitationInput>,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  const { invitation } = await findUsableInvitation(deps.db, input.token, now);
  const [existing] = await deps.db.select().from(users).where(eq(users.email, invitation.email));
  let passwordHash: string | undefined;
  if (!existing) {
    if (!input.displayName) throw invalid('displayName', 'is required for a new account');
    const problem =
      input.password === undefined ? 'is required for a new account' : passwordProblem(input.password);
    if (problem || input.password === undefined) throw invalid('password', problem ?? 'is required');
    passwordHash = await hashPassword(input.password);
  }
  await deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(invitations.networkId, invitation.networkId),
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning();
    if (!claimed)
      throw new AppError('not_found', 'This invitation link is invalid, was already used, or has expired');
    const userId = existing?.id ?? randomUUID();
    if (!existing) {
      await tx.insert(users).values({
        id: userId,
        email: invitation.email,
        displayName: input.displayName ?? invitation.email,
        passwordHash: passwordHash ?? null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
    }
    const membershipId = randomUUID();
    const [membership] = await tx
      .insert(memberships)
      .values({
        networkId: invitation.networkId,
        id: membershipId,
        userId,
        organizationId: invitation.organizationId,
        roles: invitation.roles,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [memberships.networkId, memberships.userId, memberships.organizationId],
        set: { roles: invitation.roles, status: 'active', updatedAt: now },
      })
      .returning();
    await appendAuditEvent(tx, anonymousActor(meta), now, {
      action: 'member.invite_accept',
      networkId: invitation.networkId,
      userId,
      entityType: 'membership',
      entityId: membership?.id ?? membershipId,
      details: { invitationId: invitation.id, newUser: !existing },
    });
  });
}
