/**
 * Time rule: the daily digest. Each person who chose `digest` for any category gets, once per local day
 * after `DIGEST_HOUR` (the network's time zone), one e-mail listing the notifications of those categories
 * from the last 24 hours that are still unread — their titles and links, which name no patient. Nothing
 * unread, no e-mail. Fires once per person and day (`rule_firing`), like every tick rule.
 */
import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import {
  memberships,
  networks,
  notificationPreferences,
  notifications,
  users,
} from '../../db/schema/index.ts';
import { categoryOf, DIGEST_HOUR } from '../../domain/notifications/preferences.ts';
import { localDay } from '../../lib/local-day.ts';
import type { Deps } from '../context.ts';
import { fireOnce } from '../followup/fire-rule.ts';
import { enqueueEmails } from '../outbox/enqueue-email.ts';

export const DIGEST_RULE = 'daily_digest';
const DAY_MS = 86_400_000;

const localHour = (at: Date, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(at));

/** Sends the digests that are due; returns how many e-mails were queued. */
export async function sendDailyDigests(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const wanting = await deps.db
    .select({
      networkId: notificationPreferences.networkId,
      membershipId: notificationPreferences.membershipId,
      category: notificationPreferences.category,
      timezone: networks.timezone,
      email: users.email,
    })
    .from(notificationPreferences)
    .innerJoin(networks, eq(networks.id, notificationPreferences.networkId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.networkId, notificationPreferences.networkId),
        eq(memberships.id, notificationPreferences.membershipId),
      ),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    // Like notify-members: only an active membership of an active user receives anything.
    .where(
      and(
        eq(notificationPreferences.email, 'digest'),
        eq(memberships.status, 'active'),
        eq(users.status, 'active'),
      ),
    );
  const people = new Map<
    string,
    { networkId: string; timezone: string; email: string; categories: Set<string> }
  >();
  for (const w of wanting) {
    const person = people.get(w.membershipId) ?? { ...w, categories: new Set<string>() };
    person.categories.add(w.category);
    people.set(w.membershipId, person);
  }
  let sent = 0;
  for (const [membershipId, person] of people) {
    if (localHour(now, person.timezone) < DIGEST_HOUR) continue;
    const day = localDay(now, person.timezone);
    const unread = (
      await deps.db
        .select({ title: notifications.title, link: notifications.link, kind: notifications.kind })
        .from(notifications)
        .where(
          and(
            eq(notifications.networkId, person.networkId),
            eq(notifications.membershipId, membershipId),
            isNull(notifications.readAt),
            gte(notifications.createdAt, new Date(now.getTime() - DAY_MS)),
          ),
        )
        .orderBy(desc(notifications.createdAt))
    ).filter((n) => person.categories.has(categoryOf(n.kind)));
    if (unread.length === 0) continue;
    const queued = await deps.db.transaction(async (tx) => {
      // The person's firing id: a digest is about a membership (its subject), once per local day (level).
      if (
        !(await fireOnce(tx, {
          networkId: person.networkId,
          rule: DIGEST_RULE,
          subjectId: membershipId,
          level: day,
          at: now,
        }))
      )
        return 0;
      const lines = unread.slice(0, 50).map((n) => `- ${n.title}\n  ${deps.config.publicUrl}${n.link}`);
      return enqueueEmails(tx, now, [
        {
          networkId: person.networkId,
          dedupeKey: `${DIGEST_RULE}:${membershipId}:${day}`,
          message: {
            to: person.email,
            subject: `Handoff: ${unread.length} update${unread.length === 1 ? '' : 's'} for you today`,
            text:
              `Your daily summary of Handoff notifications you have not read yet:\n\n${lines.join('\n')}\n\n` +
              'Sign-in required. For privacy this e-mail carries no patient information. ' +
              'Change what comes as a summary on the notifications page.',
          },
        },
      ]);
    });
    sent += queued;
  }
  return sent;
}
