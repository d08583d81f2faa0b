/**
 * The demo history's MOUD plans: mostly sublingual buprenorphine with a 3–14-day bridge prescription, some
 * methadone under the 72-hour rule, a few extended-release injections; naloxone given to most. Also the plan
 * as it stood at an instant (doses not yet given left out) and its view as the API shows it.
 */
import { DAY_MS, MINUTE_MS } from '../directory/zoned-time.ts';
import { INJECTION_DAYS, type MoudPlan } from '../transitions/coverage.ts';
import type { MoudPlanView } from '../transitions/views.ts';
import type { Formulation } from '../transitions/vocabulary.ts';
import type { Prng } from './prng.ts';
import { HOUR_MS, toMinute } from './transitions-time.ts';

/** The MOUD plan started in hospital: medication, doses given and the bridge to the first community visit. */
export function makePlan(
  rng: Prng,
  input: { inpatient: boolean; admitted: number; firstDose: number; discharge: number; ama: boolean },
): MoudPlan {
  const { inpatient, firstDose, discharge } = input;
  const roll = rng.next();
  const methadoneShare = inpatient ? 0.2 : 0.11;
  const naloxoneGiven = rng.chance(0.86);
  /** The last of the daily doses given from the first one, at least an hour before discharge. */
  const lastDaily = () => {
    const days = Math.max(0, Math.floor((discharge - HOUR_MS - firstDose) / DAY_MS));
    return firstDose + days * DAY_MS;
  };
  if (roll < methadoneShare) {
    const mg = inpatient ? rng.pick([30, 40, 40, 50, 60]) : rng.pick([20, 30, 30, 40]);
    return {
      medication: 'methadone',
      formulation: 'oral_liquid',
      dose: `${mg} mg daily`,
      firstDoseAt: new Date(firstDose),
      lastDoseAt: new Date(inpatient ? lastDaily() : firstDose),
      bridge: { kind: 'methadone_72h', days: null, doses: rng.pick([1, 2, 2, 3, 3]) },
      naloxoneGiven,
      notes: rng.chance(0.3) ? 'Dispensed under the 72-hour rule while linking to an OTP.' : null,
    };
  }
  if (roll < methadoneShare + 0.035) {
    const weekly = rng.chance(0.6);
    const formulation: Formulation = weekly ? 'er_injection_weekly' : 'er_injection_monthly';
    return {
      medication: 'buprenorphine',
      formulation,
      dose: weekly ? '24 mg weekly injection' : '300 mg monthly injection',
      firstDoseAt: new Date(firstDose),
      lastDoseAt: new Date(firstDose),
      bridge: { kind: 'injection', days: null, doses: null },
      naloxoneGiven,
      notes: 'Tolerated a sublingual test dose before the injection.',
    };
  }
  if (roll < methadoneShare + 0.035 + (inpatient ? 0.05 : 0.01)) {
    return {
      medication: 'naltrexone_xr',
      formulation: 'er_injection_monthly',
      dose: '380 mg monthly injection',
      firstDoseAt: new Date(firstDose),
      lastDoseAt: new Date(firstDose),
      bridge: { kind: 'injection', days: null, doses: null },
      naloxoneGiven,
      notes: 'Opioid-free for more than 7 days; naloxone challenge negative.',
    };
  }
  const mg = rng.pick([8, 12, 16, 16, 16, 24, 24]);
  const days = inpatient ? rng.pick([3, 5, 7, 7, 10, 14, 14]) : rng.pick([3, 3, 5, 7, 7, 7, 7, 10, 14]);
  const edSecondDose = !inpatient && rng.chance(0.4) ? toMinute(rng.float(1, 3) * HOUR_MS) : 0;
  return {
    medication: 'buprenorphine',
    formulation: rng.chance(0.88) ? 'sublingual_film' : 'sublingual_tablet',
    dose: `${mg} mg daily`,
    firstDoseAt: new Date(firstDose),
    lastDoseAt: new Date(
      inpatient ? lastDaily() : Math.min(firstDose + edSecondDose, discharge - 30 * MINUTE_MS),
    ),
    bridge: { kind: 'prescription', days, doses: null },
    naloxoneGiven,
    notes: null,
  };
}

/** The plan as it stood at `at`: daily doses given after `at` are not yet given. */
export function planAsOf(plan: MoudPlan, at: number): MoudPlan {
  const last = plan.lastDoseAt?.getTime();
  const first = plan.firstDoseAt?.getTime();
  if (
    last === undefined ||
    first === undefined ||
    last <= at ||
    INJECTION_DAYS[plan.formulation] !== undefined
  ) {
    return plan;
  }
  const days = Math.max(0, Math.floor((at - first) / DAY_MS));
  return { ...plan, lastDoseAt: new Date(Math.min(last, first + days * DAY_MS)) };
}

/** The plan as the API shows it (instants as ISO strings). */
export function planView(plan: MoudPlan): MoudPlanView {
  return {
    medication: plan.medication,
    formulation: plan.formulation,
    dose: plan.dose,
    firstDoseAt: plan.firstDoseAt?.toISOString() ?? null,
    lastDoseAt: plan.lastDoseAt?.toISOString() ?? null,
    bridge: { ...plan.bridge },
    naloxoneGiven: plan.naloxoneGiven,
    notes: plan.notes,
  };
}
