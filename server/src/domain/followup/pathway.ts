/**
 * A follow-up pathway: named steps, each owned by one side and one role, timed from an anchor (`product.md`
 * "configurable transition pathways per partnership (steps, owners, deadlines)"), and the schema that
 * validates a pathway before it is saved.
 *
 * A step's task is due at anchor + `offsetMinutes` (negative offsets run before the anchor: "the day before
 * the appointment" is −1440) and must be done by due + `deadlineMinutes`. Limits, written down:
 * - 1 to 30 steps; keys are 1–40 of `a-z 0-9 _`, unique within the pathway (tasks refer to their step by key);
 * - offsets from 30 days before the anchor to 400 days after (a 1-year retention check fits with room);
 * - deadlines from 0 (due and deadline at once) to 60 days after the due time;
 * - the role must work on the step's side (`SIDE_ROLES`). Transition anchors (`transition_created`,
 *   `discharge`) may be owned by either side: a partner's peer can own "call 48 h after discharge"; such a
 *   step makes one task per referral to the partner (`taskScope`).
 *
 * Every problem is reported, each under its path (`steps.2.role`), not only the first.
 */
import { z } from 'zod';
import { isRole, ROLES } from '../identity/vocabulary.ts';
import type { Role } from '../identity/vocabulary.ts';
import { ANCHORS, RECORDS, scopeOfAnchor, SIDE_ROLES, SIDES } from './vocabulary.ts';
import type { Anchor, PathwaySide, StepRecord, StepScope } from './vocabulary.ts';

export interface PathwayStep {
  key: string;
  title: string;
  side: PathwaySide;
  role: Role;
  anchor: Anchor;
  offsetMinutes: number;
  deadlineMinutes: number;
  records: StepRecord;
}

export const MINUTES_PER_DAY = 1440;
export const MIN_OFFSET_MINUTES = -30 * MINUTES_PER_DAY;
export const MAX_OFFSET_MINUTES = 400 * MINUTES_PER_DAY;
export const MAX_DEADLINE_MINUTES = 60 * MINUTES_PER_DAY;
export const MAX_STEPS = 30;
export const STEP_KEY_PATTERN = /^[a-z0-9_]{1,40}$/;

/**
 * Refinements run even when other fields failed (a step with no title still has its role checked, a list
 * with a broken step still has its keys compared), so they read the value defensively.
 */
const ALWAYS = { when: () => true };
const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const text = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : 'must be text'),
};
const wholeMinutes = { error: 'must be a whole number of minutes' };
/** Not `z.int()`: its failure aborts even `ALWAYS` refinements, which would hide a duplicate key. */
const minutes = () => z.number(wholeMinutes).refine(Number.isInteger, wholeMinutes);

const stepSchema = z
  .strictObject(
    {
      key: z
        .string(text)
        .regex(STEP_KEY_PATTERN, { error: 'must be 1–40 lowercase letters, digits or underscores' }),
      title: z
        .string(text)
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(120, { error: 'must be at most 120 characters' }),
      side: z.enum(SIDES, { error: `must be one of ${SIDES.join(', ')}` }),
      role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
      anchor: z.enum(ANCHORS, { error: `must be one of ${ANCHORS.join(', ')}` }),
      offsetMinutes: minutes()
        .min(MIN_OFFSET_MINUTES, {
          error: `must be at least ${MIN_OFFSET_MINUTES} (30 days before the anchor)`,
        })
        .max(MAX_OFFSET_MINUTES, {
          error: `must be at most ${MAX_OFFSET_MINUTES} (400 days after the anchor)`,
        }),
      deadlineMinutes: minutes()
        .min(0, { error: 'must not be negative' })
        .max(MAX_DEADLINE_MINUTES, { error: `must be at most ${MAX_DEADLINE_MINUTES} (60 days)` }),
      records: z.enum(RECORDS, { error: `must be one of ${RECORDS.join(', ')}` }),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'must be a step (an object)' : undefined) },
  )
  .superRefine((value, ctx) => {
    const { side, role } = asRecord(value);
    if (!isSide(side) || typeof role !== 'string' || !isRole(role)) return;
    const allowed = SIDE_ROLES[side];
    if (!allowed.includes(role))
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: `a ${side} step needs one of ${allowed.join(', ')}`,
      });
  }, ALWAYS);

export const pathwayStepsSchema = z
  .array(stepSchema, { error: 'must be a list of steps' })
  .min(1, { error: 'a pathway needs at least one step' })
  .max(MAX_STEPS, { error: `a pathway has at most ${MAX_STEPS} steps` })
  .superRefine((value, ctx) => {
    if (!Array.isArray(value)) return;
    const seen = new Map<string, number>();
    (value as unknown[]).forEach((step, index) => {
      const { key } = asRecord(step);
      if (typeof key !== 'string') return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `${key} is already the key of step ${first}`,
        });
    });
  }, ALWAYS);

export const pathwayInputSchema = z.strictObject({
  name: z
    .string(text)
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(120, { error: 'must be at most 120 characters' }),
  description: z.string(text).trim().max(2000, { error: 'must be at most 2000 characters' }).optional(),
  steps: pathwayStepsSchema,
});
export type PathwayInput = z.infer<typeof pathwayInputSchema>;

/** `path: message` lines of a failed parse, e.g. `steps.2.role: a partner step needs one of …`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
}

/**
 * Whether a step's tasks hang from the transition (one task) or from each sent referral (one per referral).
 * Steps timed from a referral anchor are the referral's; so is every partner-side step, whatever its anchor:
 * a partner's task needs the partner, which only a referral names (Relay's "peer contact 48 h after
 * discharge" is one task per referral to Relay, owned by Relay). Hospital steps timed from the transition's
 * creation or discharge are the transition's.
 */
export function taskScope(step: Pick<PathwayStep, 'anchor' | 'side'>): StepScope {
  return step.side === 'partner' ? 'referral' : scopeOfAnchor(step.anchor);
}

/** The steps whose tasks hang from the transition, or from each referral (`taskScope`), in pathway order. */
export function stepsFor<S extends Pick<PathwayStep, 'anchor' | 'side'>>(
  steps: readonly S[],
  scope: StepScope,
): S[] {
  return steps.filter((step) => taskScope(step) === scope);
}

const isSide = (value: unknown): value is PathwaySide => (SIDES as readonly unknown[]).includes(value);
