/**
 * The escalation ladder of a sent referral nobody has acknowledged (`programs.md` §5 item 7: "if a partner
 * does not acknowledge within N minutes or hours, escalate to the liaison, then to a backup partner").
 *
 * The ladder scales with the acknowledgement window the partner promised (window = deadline − sent), so a
 * 2-hour urgent referral escalates within hours and a 1-business-day referral within days:
 * - `liaison`: at the deadline — the partnership's named liaisons are told;
 * - `backup`: half a window after the deadline, at least 30 minutes (the acknowledgement time OpenBeds
 *   measures, `programs.md` §2.1) and at most 24 hours — the backup liaisons are told;
 * - `alternatives`: a whole window after the deadline, at least 1 hour and at most 48 hours — the sender
 *   is told to consider another partner (a backup partner).
 * Plain elapsed time, nights and weekends included: the deadline already counted business days, and an
 * unacknowledged handoff of a patient leaving hospital does not wait for Monday.
 *
 * `alternatives` always comes strictly after `backup`: with window w, backup − deadline = clamp(w/2, 30 min,
 * 24 h) and alternatives − deadline = clamp(w, 1 h, 48 h); when w ≤ 1 h they are 30 min < 1 h, when
 * 1 h < w < 48 h they are w/2 (or 30 min) < w, and from w ≥ 48 h they are 24 h < 48 h. A deadline before
 * the sending time counts as an empty window.
 */

export const ESCALATION_LEVELS = ['liaison', 'backup', 'alternatives'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const BACKUP_DELAY_MS = { min: 30 * MINUTE_MS, max: 24 * HOUR_MS } as const;
export const ALTERNATIVES_DELAY_MS = { min: HOUR_MS, max: 48 * HOUR_MS } as const;

const clamp = (value: number, range: { min: number; max: number }) =>
  Math.min(range.max, Math.max(range.min, value));

/** When each level of the ladder is reached. */
export function escalationTimes(sentAt: Date, ackDueAt: Date): Record<EscalationLevel, Date> {
  const deadline = ackDueAt.getTime();
  const window = Math.max(0, deadline - sentAt.getTime());
  return {
    liaison: new Date(deadline),
    backup: new Date(deadline + clamp(Math.floor(window / 2), BACKUP_DELAY_MS)),
    alternatives: new Date(deadline + clamp(window, ALTERNATIVES_DELAY_MS)),
  };
}

/** The levels whose time has come (at or before `now`), in ladder order. The caller records each once. */
export function dueEscalations(input: { sentAt: Date; ackDueAt: Date; now: Date }): EscalationLevel[] {
  const times = escalationTimes(input.sentAt, input.ackDueAt);
  return ESCALATION_LEVELS.filter((level) => times[level].getTime() <= input.now.getTime());
}
