/** Each recipient's e-mail choice for a notification category (`immediate` unless they chose otherwise). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { notificationPreferences } from '../../db/schema/index.ts';
import type { EmailChoice, NotificationCategory } from '../../domain/notifications/preferences.ts';

export async function emailChoices(
  db: Queryable,
  networkId: string,
  membershipIds: readonly string[],
  category: NotificationCategory,
): Promise<(membershipId: string) => EmailChoice> {
  const rows = membershipIds.length
    ? await db
        .select({ membershipId: notificationPreferences.membershipId, email: notificationPreferences.email })
        .from(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.networkId, networkId),
            eq(notificationPreferences.category, category),
            inArray(notificationPreferences.membershipId, [...membershipIds]),
          ),
        )
    : [];
  const chosen = new Map(rows.map((r) => [r.membershipId, r.email as EmailChoice]));
  return (membershipId) => chosen.get(membershipId) ?? 'immediate';
}
