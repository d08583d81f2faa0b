/**
 * Completion bodies by what the step records: the right fields, `records` filled in from the step when left
 * out and refused when it names another kind, notes trimmed and bounded; and contact attempts.
 */
import { describe, expect, it } from 'vitest';
import { contactAttemptInputSchema, taskOutcomeSchema } from './outcome.ts';
import type { TaskOutcome } from './outcome.ts';
import { describeIssues } from './pathway.ts';

const problems = (records: 'contact' | 'attended' | 'on_moud', body: unknown) => {
  const result = taskOutcomeSchema(records).safeParse(body);
  if (result.success) throw new Error('expected the body to be refused');
  return describeIssues(result.error);
};

describe('taskOutcomeSchema', () => {
  it('a contact step records how the contact went; records comes from the step', () => {
    const outcome: TaskOutcome = taskOutcomeSchema('contact').parse({
      result: 'reached',
      note: ' Doing well ',
    });
    expect(outcome).toEqual({ records: 'contact', result: 'reached', note: 'Doing well' });
  });

  it('an attended step records attended yes or no', () => {
    expect(taskOutcomeSchema('attended').parse({ attended: false })).toEqual({
      records: 'attended',
      attended: false,
    });
    expect(problems('attended', { attended: 'yes' })).toEqual(['attended: must be true or false']);
  });

  it('a retention step records still on MOUD yes or no', () => {
    expect(taskOutcomeSchema('on_moud').parse({ records: 'on_moud', onMoud: true })).toEqual({
      records: 'on_moud',
      onMoud: true,
    });
  });

  it('refuses another step’s kind of outcome', () => {
    expect(problems('contact', { records: 'attended', attended: true })).toEqual([
      'records: this step records contact',
      'result: must be one of reached, no_answer, left_message, wrong_number',
      'Unrecognized key: "attended"',
    ]);
    expect(problems('on_moud', { result: 'reached' })).toEqual([
      'onMoud: must be true or false',
      'Unrecognized key: "result"',
    ]);
  });

  it('bounds the note', () => {
    expect(problems('contact', { result: 'no_answer', note: 'n'.repeat(2001) })).toEqual([
      'note: must be at most 2000 characters',
    ]);
  });
});

describe('contactAttemptInputSchema', () => {
  it('takes a method, a result, and optionally when and a note', () => {
    expect(
      contactAttemptInputSchema.parse({
        method: 'text',
        result: 'left_message',
        at: '2026-04-15T09:00:00-07:00',
      }),
    ).toEqual({ method: 'text', result: 'left_message', at: '2026-04-15T09:00:00-07:00' });
  });

  it('refuses unknown methods and results and a time without its offset', () => {
    const result = contactAttemptInputSchema.safeParse({
      method: 'fax',
      result: 'busy',
      at: '2026-04-15 09:00',
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues.map((i) => i.path.join('.'))).toEqual(['method', 'result', 'at']);
  });
});
