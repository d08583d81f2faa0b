/**
 * Per-person e-mail preferences for notifications, by category. In-app notifications always arrive (the
 * notification center is the record of what happened); only the e-mail copy can wait for the daily digest
 * or be turned off. Stricter reading, written down: **escalations are always e-mailed at once** — a ladder a
 * person can mute stops being a safety net — so `referral_escalations` accepts `immediate` only.
 */
export const NOTIFICATION_CATEGORIES = [
  'referral_escalations',
  'referral_updates',
  'tasks',
  'coverage',
  'directory',
  'partnerships',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const EMAIL_CHOICES = ['immediate', 'digest', 'off'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

/** The categories whose e-mail cannot be delayed or turned off. */
export const ALWAYS_IMMEDIATE: readonly NotificationCategory[] = ['referral_escalations'];

/** The category of a notification kind (`referral.escalation.backup` → `referral_escalations`). */
export function categoryOf(kind: string): NotificationCategory {
  if (kind.startsWith('referral.escalation.')) return 'referral_escalations';
  if (kind.startsWith('referral.')) return 'referral_updates';
  if (kind.startsWith('task.')) return 'tasks';
  if (kind.startsWith('service.')) return 'directory';
  if (kind.startsWith('partnership.')) return 'partnerships';
  return 'coverage';
}

/** The local hour after which the day's digest goes out (in the network's time zone). */
export const DIGEST_HOUR = 7;

/** Whether a choice is allowed for a category; the reason when it is not. */
export function refusal(category: NotificationCategory, email: EmailChoice): string | undefined {
  return ALWAYS_IMMEDIATE.includes(category) && email !== 'immediate'
    ? 'escalations are always e-mailed at once'
    : undefined;
}
