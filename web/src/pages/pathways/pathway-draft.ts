/**
 * A pathway as the editor holds it: each step with its timing in a unit people think in (7 days, 48 hours)
 * and a direction (before or after the anchor), converted to and from the minutes the API stores. Steps carry
 * a local id so React keeps their fields apart while they are moved up and down.
 */
import {
  MAX_STEPS,
  SIDE_ROLES,
  type Anchor,
  type PathwayInput,
  type PathwaySide,
  type PathwayStep,
  type PathwayView,
  type StepRecord,
} from '../../api/followup.ts';
import { bestUnit, UNIT_MINUTES, type DurationUnit } from '../tasks/followup-labels.ts';

export type StepRole = PathwayStep['role'];
export const DIRECTIONS = ['after', 'before'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface StepDraft {
  uid: string;
  key: string;
  title: string;
  side: PathwaySide;
  role: StepRole;
  anchor: Anchor;
  /** The offset's size in `offsetUnit`; '' while the field is empty. */
  offset: number | '';
  offsetUnit: DurationUnit;
  direction: Direction;
  deadline: number | '';
  deadlineUnit: DurationUnit;
  records: StepRecord;
}

export interface PathwayDraft {
  name: string;
  description: string;
  /** Create only: '' for the hospital's default pathway, else the partnership it is for. */
  partnershipId: string;
  steps: StepDraft[];
}

let counter = 0;
const uid = () => `step-${Date.now().toString(36)}-${(counter += 1)}`;

export function stepDraft(step: PathwayStep): StepDraft {
  const offsetUnit = bestUnit(step.offsetMinutes);
  const deadlineUnit = bestUnit(step.deadlineMinutes);
  return {
    uid: uid(),
    key: step.key,
    title: step.title,
    side: step.side,
    role: step.role,
    anchor: step.anchor,
    offset: Math.abs(step.offsetMinutes) / UNIT_MINUTES[offsetUnit],
    offsetUnit,
    direction: step.offsetMinutes < 0 ? 'before' : 'after',
    deadline: step.deadlineMinutes / UNIT_MINUTES[deadlineUnit],
    deadlineUnit,
    records: step.records,
  };
}

/** A key not yet used by the draft's steps (`step_4`, …). */
function freshKey(steps: readonly StepDraft[]): string {
  const used = new Set(steps.map((s) => s.key));
  for (let n = steps.length + 1; ; n += 1) {
    const key = `step_${n}`;
    if (!used.has(key)) return key;
  }
}

/** A new step: a hospital navigator's contact, due at discharge, to be done within 2 days. */
export function newStep(steps: readonly StepDraft[]): StepDraft {
  return {
    uid: uid(),
    key: freshKey(steps),
    title: '',
    side: 'hospital',
    role: 'navigator',
    anchor: 'discharge',
    offset: 0,
    offsetUnit: 'days',
    direction: 'after',
    deadline: 2,
    deadlineUnit: 'days',
    records: 'contact',
  };
}

export const draftOf = (view: PathwayView): PathwayDraft => ({
  name: view.name,
  description: view.description ?? '',
  partnershipId: '',
  steps: view.steps.map(stepDraft),
});

export const emptyDraft = (): PathwayDraft => ({
  name: '',
  description: '',
  partnershipId: '',
  steps: [newStep([])],
});

/** The roles a step of this side may have; the current role stays offered while it is wrong, to be fixed. */
export const rolesFor = (side: PathwaySide): readonly StepRole[] => SIDE_ROLES[side];

/** Changing the side keeps the role when the new side allows it, else picks the side's first role. */
export function withSide(step: StepDraft, side: PathwaySide): StepDraft {
  const roles = rolesFor(side);
  return { ...step, side, role: roles.includes(step.role) ? step.role : (roles[0] ?? step.role) };
}

const minutes = (amount: number | '', unit: DurationUnit) =>
  amount === '' ? Number.NaN : Math.round(amount * UNIT_MINUTES[unit]);

/** The body the API takes; an empty number is sent as it is (NaN becomes null) for the server to name. */
export function toInput(draft: PathwayDraft): PathwayInput {
  const description = draft.description.trim();
  return {
    name: draft.name.trim(),
    ...(description ? { description } : {}),
    steps: draft.steps.map((s) => {
      const offset = minutes(s.offset, s.offsetUnit);
      return {
        key: s.key.trim(),
        title: s.title.trim(),
        side: s.side,
        role: s.role,
        anchor: s.anchor,
        offsetMinutes: s.direction === 'before' && offset !== 0 ? -offset : offset,
        deadlineMinutes: minutes(s.deadline, s.deadlineUnit),
        records: s.records,
      };
    }),
  };
}

export const canAddStep = (draft: PathwayDraft) => draft.steps.length < MAX_STEPS;

/** The steps with one moved by `by` places (−1 up, +1 down); unchanged at the ends. */
export function moveStep(steps: readonly StepDraft[], index: number, by: -1 | 1): StepDraft[] {
  const to = index + by;
  if (to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [step] = next.splice(index, 1);
  if (step) next.splice(to, 0, step);
  return next;
}
