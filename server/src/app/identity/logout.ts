/** Ends a browser session: the stored session is revoked, so the cookie is worthless even if kept. */
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps, MemberActor } from '../context.ts';

export async function logout(deps: Deps, actor: MemberActor, sessionHash: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, sessionHash));
    await appendAuditEvent(tx, actor, now, { action: 'auth.logout' });
  });
}
