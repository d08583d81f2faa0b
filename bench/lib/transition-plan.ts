/**
 * MOUD plans for seeded transitions, like the demo's (mostly a buprenorphine bridge prescription, some
 * methadone under the 72-hour rule, a few extended-release injections, a few without a plan), and their
 * coverage end computed by the domain's `coverageEnd` in the demo network's time zone.
 */
import type { Prng } from '../../server/src/domain/demo/prng.ts';
import { coverageEnd, type MoudPlan } from '../../server/src/domain/transitions/coverage.ts';
import type { MoudPlanView } from '../../server/src/domain/transitions/views.ts';

const HOUR_MS = 3_600_000;
const TIME_ZONE = 'America/New_York';
const iso = (at: Date | null) => at?.toISOString() ?? null;
const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

/** A plan like the demo's: mostly a buprenorphine bridge prescription, some methadone, a few injections. */
export function drawPlan(rng: Prng, admittedAt: Date, dischargeAt: Date, now: Date): MoudPlanView | null {
  const roll = rng.next();
  if (roll < 0.03) return null;
  const firstDoseAt = hoursAfter(admittedAt, 1);
  const lastDose = new Date(
    Math.max(firstDoseAt.getTime(), Math.min(dischargeAt.getTime() - 2 * HOUR_MS, now.getTime())),
  );
  const [firstDose, last] = [iso(firstDoseAt), iso(lastDose)];
  const common = {
    dose: '16 mg daily',
    firstDoseAt: firstDose,
    lastDoseAt: last,
    naloxoneGiven: rng.chance(0.85),
    notes: null,
  };
  if (roll < 0.11)
    return {
      ...common,
      medication: 'methadone',
      formulation: 'oral_liquid',
      dose: '30 mg',
      bridge: { kind: 'methadone_72h', days: null, doses: rng.int(1, 3) },
    };
  if (roll < 0.15)
    return {
      ...common,
      medication: 'buprenorphine',
      formulation: 'er_injection_monthly',
      dose: '300 mg',
      bridge: { kind: 'injection', days: null, doses: null },
    };
  const days = rng.pick([3, 5, 7, 7, 7, 10, 14]);
  return {
    ...common,
    medication: 'buprenorphine',
    formulation: 'sublingual_film',
    bridge: { kind: 'prescription', days, doses: null },
  };
}

const planOf = (view: MoudPlanView | null): MoudPlan | null =>
  view
    ? {
        ...view,
        firstDoseAt: view.firstDoseAt ? new Date(view.firstDoseAt) : null,
        lastDoseAt: view.lastDoseAt ? new Date(view.lastDoseAt) : null,
      }
    : null;

export function planCoverageEnd(
  plan: MoudPlanView | null,
  dischargedAt: Date | null,
  expectedDischargeAt: Date | null,
): Date | null {
  return coverageEnd({ plan: planOf(plan), dischargedAt, expectedDischargeAt, timeZone: TIME_ZONE });
}
