/**
 * Which events a webhook subscription receives: every event of its organization when it names none;
 * otherwise each name is an exact type (`task.overdue`) or a prefix ending in a dot (`referral.`).
 */
export const EVENT_PATTERN = /^[a-z_]+(\.[a-z_]+)*\.?$/;

export function wantsEvent(events: readonly string[], kind: string): boolean {
  if (events.length === 0) return true;
  return events.some((e) => e === kind || (e.endsWith('.') && kind.startsWith(e)));
}
