/**
 * Marks the actor's notifications read: one by id (another member's id answers 404, like an unknown one),
 * or all of them. Idempotent: reading twice keeps the first time.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';

export async function markNotificationsRead(deps: Deps, actor: Actor, id: string | 'all'): Promise<number> {
  const member = requireMember(actor);
  const mine = and(
    eq(notifications.networkId, member.networkId),
    eq(notifications.membershipId, member.membershipId),
  );
  if (id !== 'all') {
    if (!isUuid(id)) throw notFound('Notification');
    const [found] = await deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(mine, eq(notifications.id, id)));
    if (!found) throw notFound('Notification');
  }
  const marked = await deps.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(and(mine, isNull(notifications.readAt), id === 'all' ? undefined : eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return marked.length;
}
