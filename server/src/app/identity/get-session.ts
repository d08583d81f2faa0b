/** The session payload for the signed-in user (what `GET /auth/session` returns). */
import type { Deps } from '../context.ts';
import type { SessionAuth } from './authenticate.ts';
import { buildSessionView, type SessionView } from './shared/session-view.ts';

export function getSession(deps: Deps, auth: SessionAuth): Promise<SessionView> {
  return buildSessionView(deps.db, {
    userId: auth.actor.userId,
    membershipId: auth.actor.membershipId,
    csrfToken: auth.csrfToken,
    totpEnrollmentRequired: auth.totpEnrollmentRequired,
  });
}
