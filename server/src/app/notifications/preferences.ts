/**
 * The actor's own notification preferences (`domain/notifications/preferences.ts`): for each category,
 * whether the e-mail copy comes at once, in the daily digest, or not at all. Escalations stay immediate
 * (422 otherwise). Saving replaces the choices given and keeps the rest.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notificationPreferences } from '../../db/schema/index.ts';
import {
  EMAIL_CHOICES,
  NOTIFICATION_CATEGORIES,
  refusal,
  type EmailChoice,
  type NotificationCategory,
} from '../../domain/notifications/preferences.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';

export const preferencesInput = z.strictObject({
  categories: z
    .array(z.strictObject({ category: z.enum(NOTIFICATION_CATEGORIES), email: z.enum(EMAIL_CHOICES) }))
    .min(1)
    .max(NOTIFICATION_CATEGORIES.length),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;

export interface PreferencesView {
  categories: { category: NotificationCategory; email: EmailChoice; locked: boolean }[];
}

export async function getPreferences(deps: Deps, actor: Actor): Promise<PreferencesView> {
  const member = requireMember(actor);
  const rows = await deps.db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.networkId, member.networkId),
        eq(notificationPreferences.membershipId, member.membershipId),
      ),
    );
  return {
    categories: NOTIFICATION_CATEGORIES.map((category) => ({
      category,
      email: (rows.find((r) => r.category === category)?.email as EmailChoice | undefined) ?? 'immediate',
      locked: refusal(category, 'off') !== undefined,
    })),
  };
}

export async function setPreferences(
  deps: Deps,
  actor: Actor,
  input: PreferencesInput,
): Promise<PreferencesView> {
  const member = requireMember(actor);
  const errors = input.categories.flatMap((c, i) => {
    const reason = refusal(c.category, c.email);
    return reason ? [{ field: `categories.${i}.email`, message: reason }] : [];
  });
  if (errors.length > 0) throw new AppError('unprocessable', 'These choices are not allowed', { errors });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const c of input.categories) {
      await tx
        .insert(notificationPreferences)
        .values({ networkId: member.networkId, membershipId: member.membershipId, ...c, updatedAt: now })
        .onConflictDoUpdate({
          target: [
            notificationPreferences.networkId,
            notificationPreferences.membershipId,
            notificationPreferences.category,
          ],
          set: { email: c.email, updatedAt: now },
        });
    }
    await appendAuditEvent(tx, member, now, {
      action: 'notification.preferences',
      details: Object.fromEntries(input.categories.map((c) => [c.category, c.email])),
    });
  });
  return getPreferences(deps, actor);
}
