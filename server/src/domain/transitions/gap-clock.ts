/**
 * The coverage-gap clock (issue 5): for a transition, coverage end versus the first booked appointment.
 * - `linked`: a first visit was attended — the clock has stopped.
 * - `closed`: the transition ended without a link — the clock has stopped too.
 * - `gap`: the first booked appointment is after coverage end; `gapHours` is how long the patient is
 *   without medication (rounded up to whole hours: a 30-minute gap is still a gap).
 * - `at_risk`: no appointment is booked and coverage ends within 24 hours (or has already ended; then
 *   `gapHours` counts the hours since it ended, and grows).
 * - `covered`: the first appointment is before (or at) coverage end.
 * - `pending`: no appointment yet, more than 24 hours of coverage left.
 * - `no_plan`: no coverage end can be computed (no MOUD plan, no last dose, no supply) — never "covered".
 */
export type GapState = 'linked' | 'closed' | 'gap' | 'at_risk' | 'covered' | 'pending' | 'no_plan';

export interface GapClock {
  state: GapState;
  coverageEnd: Date | null;
  firstAppointmentAt: Date | null;
  /** Hours without medication (gap, or at risk after coverage end); 0 otherwise. */
  gapHours: number;
}

const HOUR_MS = 3_600_000;
export const AT_RISK_HOURS = 24;

export function gapClock(input: {
  coverageEnd: Date | null;
  firstAppointmentAt: Date | null;
  linked: boolean;
  /** The transition was closed without a link. */
  closed?: boolean;
  now: Date;
}): GapClock {
  const { coverageEnd, firstAppointmentAt, now } = input;
  const base = { coverageEnd, firstAppointmentAt, gapHours: 0 };
  if (input.linked) return { ...base, state: 'linked' };
  if (input.closed) return { ...base, state: 'closed' };
  if (!coverageEnd) return { ...base, state: 'no_plan' };
  if (firstAppointmentAt) {
    const late = firstAppointmentAt.getTime() - coverageEnd.getTime();
    return late > 0
      ? { ...base, state: 'gap', gapHours: Math.ceil(late / HOUR_MS) }
      : { ...base, state: 'covered' };
  }
  const left = coverageEnd.getTime() - now.getTime();
  if (left > AT_RISK_HOURS * HOUR_MS) return { ...base, state: 'pending' };
  return { ...base, state: 'at_risk', gapHours: left < 0 ? Math.ceil(-left / HOUR_MS) : 0 };
}
