/**
 * What completing a task records, by its step's `records`: how the contact went, whether the visit was
 * attended, whether the patient is still on MOUD; each with an optional note. And a logged contact attempt
 * (phones are unstable: a task may take several attempts by phone, text or in person before it is done).
 *
 * The completion body may leave `records` out (it is the step's); if it names another kind it is refused,
 * so a client working from a stale pathway version cannot record the wrong thing.
 */
import { z } from 'zod';
import { CONTACT_METHODS, CONTACT_RESULTS } from './vocabulary.ts';
import type { ContactResult, StepRecord } from './vocabulary.ts';

export type TaskOutcome = (
  | { records: 'contact'; result: ContactResult }
  | { records: 'attended'; attended: boolean }
  | { records: 'on_moud'; onMoud: boolean }
) & { note?: string };

export type OutcomeOf<R extends StepRecord> = Extract<TaskOutcome, { records: R }>;

export const MAX_NOTE_LENGTH = 2000;

const note = z.string().trim().max(MAX_NOTE_LENGTH, { error: 'must be at most 2000 characters' }).optional();
const recordsField = <R extends StepRecord>(records: R) =>
  z.literal(records, { error: `this step records ${records}` }).default(records);

const OUTCOME_SCHEMAS: { readonly [R in StepRecord]: z.ZodType<OutcomeOf<R>> } = {
  contact: z.strictObject({
    records: recordsField('contact'),
    result: z.enum(CONTACT_RESULTS, { error: `must be one of ${CONTACT_RESULTS.join(', ')}` }),
    note,
  }),
  attended: z.strictObject({
    records: recordsField('attended'),
    attended: z.boolean({ error: 'must be true or false' }),
    note,
  }),
  on_moud: z.strictObject({
    records: recordsField('on_moud'),
    onMoud: z.boolean({ error: 'must be true or false' }),
    note,
  }),
};

/** The schema of a completion body for a step that records `records`. */
export function taskOutcomeSchema<R extends StepRecord>(records: R): z.ZodType<OutcomeOf<R>> {
  return OUTCOME_SCHEMAS[records];
}

/** A contact attempt as logged; `at` defaults to now in the use case (an attempt may be logged later). */
export const contactAttemptInputSchema = z.strictObject({
  method: z.enum(CONTACT_METHODS, { error: `must be one of ${CONTACT_METHODS.join(', ')}` }),
  result: z.enum(CONTACT_RESULTS, { error: `must be one of ${CONTACT_RESULTS.join(', ')}` }),
  at: z.iso.datetime({ offset: true }).optional(),
  note,
});
export type ContactAttemptInput = z.infer<typeof contactAttemptInputSchema>;
