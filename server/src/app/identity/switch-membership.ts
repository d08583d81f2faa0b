/**
 * Switches the organization a person acts for (cross-hired staff belong to several). The target
 * membership must be the user's own and active; anything else is "not found".
 */
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps } from '../context.ts';
import type { SessionAuth } from './authenticate.ts';
import { loadMembership, totpRequiredFor } from './shared/member-actor.ts';
import { buildSessionView, type SessionView } from './shared/session-view.ts';

export async function switchMembership(
  deps: Deps,
  auth: SessionAuth,
  membershipId: string,
): Promise<SessionView> {
  const now = deps.clock.now();
  const target = await loadMembership(deps.db, auth.actor.userId, membershipId);
  if (!target) throw notFound('Membership');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ membershipId: target.membershipId, networkId: target.networkId })
      .where(eq(sessions.idHash, auth.sessionHash));
    await appendAuditEvent(tx, { ...auth.actor, networkId: target.networkId }, now, {
      action: 'auth.switch_membership',
      entityType: 'membership',
      entityId: target.membershipId,
      details: { from: auth.actor.membershipId },
    });
  });
  return buildSessionView(deps.db, {
    userId: auth.actor.userId,
    membershipId: target.membershipId,
    csrfToken: auth.csrfToken,
    totpEnrollmentRequired: !target.totpEnabled && totpRequiredFor(target),
  });
}
