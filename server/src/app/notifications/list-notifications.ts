/**
 * The actor's own in-app notifications, newest first, with the unread count (the bell). They name no
 * patient, so reading them is not a disclosure; they belong to the membership they were sent to.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { NotificationView } from '../../domain/followup/views.ts';
import type { Page } from '../../domain/transitions/views.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import type { NotificationQuery } from '../followup/schemas.ts';

export async function listNotifications(
  deps: Deps,
  actor: Actor,
  query: NotificationQuery,
): Promise<Page<NotificationView> & { unread: number }> {
  const member = requireMember(actor);
  const mine = and(
    eq(notifications.networkId, member.networkId),
    eq(notifications.membershipId, member.membershipId),
  );
  const where = query.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await deps.db.select({ n: count() }).from(notifications).where(where);
  const [unread] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      params: n.params,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
