/**
 * Coverage end: when the patient runs out of medication after the hospital (`product.md` step 6). Pure; the
 * caller passes the hospital's time zone.
 *
 * Rules (`measures.md` §0, "Days supply → end date: end = start + days_supply − 1"), and the stricter
 * readings chosen where a plan does not say more — the clock must never promise coverage the patient may not
 * have:
 * - A daily medication's last in-hospital dose covers 24 hours from when it was given.
 * - A bridge prescription or 72-hour methadone doses start on the discharge day (actual, else expected, else
 *   the day of the last in-hospital dose) and cover whole local days: a 7-day supply from 1 March covers
 *   1–7 March, so coverage ends at local midnight starting 8 March. (A patient dosed in hospital that
 *   morning may in fact last a day longer; the clock takes the earlier end.)
 * - An extended-release injection given in hospital covers 7 days (weekly) or 28 days (monthly) from the
 *   day it was given, the same way; naltrexone is the monthly injection.
 * - Coverage end is the latest of these. No last dose and no supply → unknown (null): the clock shows
 *   "no plan", never "covered".
 */
import { localDay as localDayOf } from '../../lib/local-day.ts';
import { createZoneClock, DAY_MS, parseLocalDate } from '../directory/zoned-time.ts';
import type { BridgeKind, Formulation, Medication } from './vocabulary.ts';

export interface MoudPlan {
  medication: Medication;
  formulation: Formulation;
  /** Dose as written, e.g. "16 mg daily". */
  dose: string;
  firstDoseAt: Date | null;
  lastDoseAt: Date | null;
  bridge: { kind: BridgeKind; days: number | null; doses: number | null };
  naloxoneGiven: boolean;
  notes: string | null;
}

export const INJECTION_DAYS: Partial<Record<Formulation, number>> = {
  er_injection_weekly: 7,
  er_injection_monthly: 28,
};

const HOUR_MS = 3_600_000;

/** Local midnight at the start of `day + offsetDays` in the zone, as an instant. */
export function startOfLocalDay(day: string, offsetDays: number, timeZone: string): Date {
  const wall = parseLocalDate(day);
  if (wall === undefined) throw new Error(`not a date: ${day}`);
  const target = wall + offsetDays * DAY_MS;
  const clock = createZoneClock(timeZone, target - 2 * DAY_MS, target + 2 * DAY_MS);
  return new Date(clock ? clock.toInstant(target, 'earlier') : target);
}

export interface CoverageInput {
  plan: MoudPlan | null;
  dischargedAt: Date | null;
  expectedDischargeAt: Date | null;
  timeZone: string;
}

export function coverageEnd({
  plan,
  dischargedAt,
  expectedDischargeAt,
  timeZone,
}: CoverageInput): Date | null {
  if (!plan) return null;
  const ends: number[] = [];
  const injectionDays = INJECTION_DAYS[plan.formulation];
  if (plan.lastDoseAt && injectionDays === undefined) ends.push(plan.lastDoseAt.getTime() + 24 * HOUR_MS);
  if (plan.lastDoseAt && injectionDays !== undefined) {
    ends.push(startOfLocalDay(localDayOf(plan.lastDoseAt, timeZone), injectionDays, timeZone).getTime());
  }
  const supplyDays =
    plan.bridge.kind === 'prescription'
      ? plan.bridge.days
      : plan.bridge.kind === 'methadone_72h'
        ? plan.bridge.doses
        : null;
  const startAt = dischargedAt ?? expectedDischargeAt ?? plan.lastDoseAt;
  if (supplyDays && startAt) {
    ends.push(startOfLocalDay(localDayOf(startAt, timeZone), supplyDays, timeZone).getTime());
  }
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}
