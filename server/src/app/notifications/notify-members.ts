/**
 * Notifies staff members inside the caller's transaction: an in-app notification for each, and an e-mail
 * through the outbox (delivered at least once, after the change commits, never before) to those whose
 * preference for the category is `immediate` (the default; `daily-digest.ts` sends the rest later). Titles and bodies
 * carry a link and an opaque reference, never a patient's name or anything clinical (P13: e-mail is not a
 * Part 2 channel; in-app lists are seen over shoulders). De-duplicated per event and person: a retried use
 * case or a second process firing the same rule adds nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { memberships, notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import type { NotificationParams } from '../../domain/followup/views.ts';
import { categoryOf, type EmailChoice } from '../../domain/notifications/preferences.ts';
import { enqueueEmails } from '../outbox/enqueue-email.ts';

/** Who: given memberships, or an organization's active members holding any of the roles. */
export type Audience = readonly string[] | { organizationId: string; roles: readonly string[] };

export interface MemberNotice {
  networkId: string;
  membershipIds: Audience;
  kind: string;
  /** The English wording (in-app fallback and e-mail). */
  title: string;
  body: string;
  /** What the web app needs to word it in the reader's language; no patient data. */
  params?: NotificationParams;
  /** Path inside the app, e.g. `/referrals/ID`. */
  path: string;
  /** Unique per event; the person is appended. */
  dedupeKey: string;
  at: Date;
}

/** Returns how many people were newly notified. */
export async function notifyMembers(deps: Deps, tx: Tx, notice: MemberNotice): Promise<number> {
  const audience = notice.membershipIds;
  const listed = Array.isArray(audience) ? [...new Set(audience as readonly string[])] : undefined;
  if (listed?.length === 0) return 0;
  const category = categoryOf(notice.kind);
  // One statement: the people, their e-mail addresses and their e-mail choice for this category.
  const people = await tx
    .select({
      membershipId: memberships.id,
      email: users.email,
      choice: sql<EmailChoice>`coalesce(${notificationPreferences.email}, 'immediate')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.networkId, memberships.networkId),
        eq(notificationPreferences.membershipId, memberships.id),
        eq(notificationPreferences.category, category),
      ),
    )
    .where(
      and(
        eq(memberships.networkId, notice.networkId),
        listed
          ? inArray(memberships.id, listed)
          : and(
              eq(memberships.organizationId, (audience as { organizationId: string }).organizationId),
              arrayOverlaps(memberships.roles, [...(audience as { roles: readonly string[] }).roles]),
            ),
        eq(memberships.status, 'active'),
        eq(users.status, 'active'),
      ),
    );
  if (people.length === 0) return 0;
  const keyOf = (membershipId: string) => `${notice.dedupeKey}:${membershipId}`;
  const added = await tx
    .insert(notifications)
    .values(
      people.map((p) => ({
        networkId: notice.networkId,
        id: randomUUID(),
        membershipId: p.membershipId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        params: notice.params ?? {},
        link: notice.path,
        dedupeKey: keyOf(p.membershipId),
        createdAt: notice.at,
      })),
    )
    .onConflictDoNothing()
    .returning({ membershipId: notifications.membershipId });
  const fresh = new Set(added.map((a) => a.membershipId));
  const link = `${deps.config.publicUrl}${notice.path}`;
  // The e-mail copy per each person's choice; a digest picks the in-app notification up later.
  await enqueueEmails(
    tx,
    notice.at,
    people
      .filter((p) => fresh.has(p.membershipId) && p.choice === 'immediate')
      .map((p) => ({
        networkId: notice.networkId,
        dedupeKey: keyOf(p.membershipId),
        message: {
          to: p.email,
          subject: `Handoff: ${notice.title}`,
          text: `${notice.body}\n\nOpen it (sign-in required): ${link}\n\nFor privacy this e-mail carries no patient information.`,
        },
      })),
  );
  return fresh.size;
}
