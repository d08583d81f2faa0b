/**
 * The new-transition form's state: what the navigator has entered so far, its defaults (admitted now,
 * buprenorphine sublingual film, a 7-day bridge prescription, naloxone given), and the request body it
 * becomes. Times are `datetime-local` values in the browser's time zone until they are sent.
 */
import {
  FORMULATIONS_OF,
  type BridgeKind,
  type CareNeed,
  type CreateTransitionInput,
  type Disposition,
  type EncounterType,
  type Formulation,
  type Medication,
  type MoudPlanInput,
  type OudIdentifiedBy,
} from '../../api/transitions.ts';
import { fromLocalInput, orNull, toLocalInput } from './transition-labels.ts';

export interface PlanDraft {
  medication: Medication;
  formulation: Formulation;
  dose: string;
  firstDoseAt: string;
  lastDoseAt: string;
  bridgeKind: BridgeKind;
  bridgeDays: number | string;
  bridgeDoses: number | string;
  naloxoneGiven: boolean;
  notes: string;
}

export interface TransitionDraft {
  encounterType: EncounterType;
  oudIdentifiedBy: OudIdentifiedBy;
  admittedAt: string;
  expectedDischargeAt: string;
  dischargedAt: string;
  disposition: Disposition | '';
  navigatorMembershipId: string;
  peerMembershipId: string;
  clinicianMembershipId: string;
  careNeeds: CareNeed[];
  withPlan: boolean;
  plan: PlanDraft;
}

export function initialDraft(navigatorMembershipId: string | null, now = new Date()): TransitionDraft {
  return {
    encounterType: 'ed',
    oudIdentifiedBy: 'clinician',
    admittedAt: toLocalInput(now),
    expectedDischargeAt: '',
    dischargedAt: '',
    disposition: '',
    navigatorMembershipId: navigatorMembershipId ?? '',
    peerMembershipId: '',
    clinicianMembershipId: '',
    careNeeds: [],
    withPlan: true,
    plan: {
      medication: 'buprenorphine',
      formulation: 'sublingual_film',
      dose: '',
      firstDoseAt: '',
      lastDoseAt: '',
      bridgeKind: 'prescription',
      bridgeDays: 7,
      bridgeDoses: 3,
      naloxoneGiven: true,
      notes: '',
    },
  };
}

/** Choosing a medication keeps the formulation if it exists for it, else takes its first one. */
export function withMedication(plan: PlanDraft, medication: Medication): PlanDraft {
  const formulations = FORMULATIONS_OF[medication];
  const formulation = formulations.includes(plan.formulation)
    ? plan.formulation
    : (formulations[0] ?? plan.formulation);
  const bridgeKind =
    medication === 'methadone' && plan.bridgeKind === 'prescription'
      ? 'methadone_72h'
      : medication !== 'methadone' && plan.bridgeKind === 'methadone_72h'
        ? 'prescription'
        : plan.bridgeKind;
  return { ...plan, medication, formulation, bridgeKind };
}

const whole = (value: number | string) => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function planInput(plan: PlanDraft): MoudPlanInput {
  return {
    medication: plan.medication,
    formulation: plan.formulation,
    dose: plan.dose.trim(),
    firstDoseAt: fromLocalInput(plan.firstDoseAt),
    lastDoseAt: fromLocalInput(plan.lastDoseAt),
    bridge: {
      kind: plan.bridgeKind,
      days: plan.bridgeKind === 'prescription' ? whole(plan.bridgeDays) : null,
      doses: plan.bridgeKind === 'methadone_72h' ? whole(plan.bridgeDoses) : null,
    },
    naloxoneGiven: plan.naloxoneGiven,
    notes: orNull(plan.notes),
  };
}

export function toInput(patientId: string, draft: TransitionDraft): CreateTransitionInput {
  return {
    patientId,
    encounterType: draft.encounterType,
    oudIdentifiedBy: draft.oudIdentifiedBy,
    admittedAt: fromLocalInput(draft.admittedAt) ?? '',
    expectedDischargeAt: fromLocalInput(draft.expectedDischargeAt),
    dischargedAt: fromLocalInput(draft.dischargedAt),
    disposition: draft.disposition || null,
    careTeam: {
      navigatorMembershipId: draft.navigatorMembershipId || null,
      peerMembershipId: draft.peerMembershipId || null,
      clinicianMembershipId: draft.clinicianMembershipId || null,
    },
    careNeeds: draft.careNeeds,
    moudPlan: draft.withPlan ? planInput(draft.plan) : null,
  };
}
