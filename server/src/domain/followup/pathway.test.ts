/**
 * Pathway validation: a good pathway passes unchanged (titles trimmed), and each broken rule is reported
 * under its own path with a message that says what to do — duplicate keys, a role that does not work on the
 * step's side, offsets and deadlines out of range, bad keys, too few or too many steps — all at once.
 * `taskScope` / `stepsFor` split steps between the transition and its referrals (partner steps always go
 * with a referral).
 */
import { describe, expect, it } from 'vitest';
import {
  describeIssues,
  MAX_OFFSET_MINUTES,
  MIN_OFFSET_MINUTES,
  pathwayInputSchema,
  pathwayStepsSchema,
  stepsFor,
  taskScope,
} from './pathway.ts';
import type { PathwayStep } from './pathway.ts';

const DAY = 1440;

const step = (over: Partial<PathwayStep> = {}): PathwayStep => ({
  key: 'peer_call',
  title: 'Peer call',
  side: 'hospital',
  role: 'peer_specialist',
  anchor: 'discharge',
  offsetMinutes: 0,
  deadlineMinutes: 7 * DAY,
  records: 'contact',
  ...over,
});

/** The `path: message` lines of a pathway that must fail. */
function problems(input: unknown): string[] {
  const result = pathwayInputSchema.safeParse(input);
  if (result.success) throw new Error('expected the pathway to be refused');
  return describeIssues(result.error);
}

const pathway = (...steps: unknown[]) => ({ name: 'Follow-up', steps });

describe('pathwayInputSchema: a valid pathway', () => {
  it('parses to the same steps, typed as PathwayStep, with name and titles trimmed', () => {
    const input = {
      name: '  CATCH follow-up ',
      description: 'Peer call, then check',
      steps: [
        step({ title: '  Peer call  ' }),
        step({ key: 'confirm', anchor: 'appointment', role: 'navigator', offsetMinutes: -DAY }),
      ],
    };
    const parsed = pathwayInputSchema.parse(input);
    const steps: PathwayStep[] = parsed.steps;
    expect(parsed.name).toBe('CATCH follow-up');
    expect(steps[0]).toEqual(step());
    expect(steps[1]?.offsetMinutes).toBe(-DAY);
  });

  it('accepts the limits themselves', () => {
    const steps = [
      step({ key: 'a', offsetMinutes: MIN_OFFSET_MINUTES, deadlineMinutes: 0 }),
      step({ key: 'b', offsetMinutes: MAX_OFFSET_MINUTES, deadlineMinutes: 60 * DAY }),
    ];
    expect(pathwayStepsSchema.safeParse(steps).success).toBe(true);
    expect(MIN_OFFSET_MINUTES).toBe(-30 * DAY);
    expect(MAX_OFFSET_MINUTES).toBe(400 * DAY);
  });

  it('lets either side own a step timed from the transition', () => {
    const steps = [
      step({ key: 'hospital_call', side: 'hospital', role: 'navigator', anchor: 'transition_created' }),
      step({ key: 'partner_call', side: 'partner', role: 'cbo_intake', anchor: 'discharge' }),
      step({ key: 'partner_peer', side: 'partner', role: 'peer_specialist', anchor: 'transition_created' }),
    ];
    expect(pathwayStepsSchema.safeParse(steps).success).toBe(true);
  });

  it('lets peer specialists and program managers work on both sides', () => {
    for (const side of ['hospital', 'partner'] as const)
      for (const role of ['peer_specialist', 'program_manager'] as const)
        expect(pathwayStepsSchema.safeParse([step({ side, role })]).success).toBe(true);
  });
});

describe('pathwayInputSchema: problems, each under its path', () => {
  it('a duplicate key names the step that has it first', () => {
    expect(problems(pathway(step(), step({ key: 'check' }), step({ title: 'Again' })))).toEqual([
      'steps.2.key: peer_call is already the key of step 0',
    ]);
  });

  it('a role that does not work on the step’s side lists the roles that do', () => {
    expect(
      problems(pathway(step(), step({ key: 'a' }), step({ key: 'b', side: 'partner', role: 'navigator' }))),
    ).toEqual([
      'steps.2.role: a partner step needs one of cbo_intake, liaison, peer_specialist, program_manager',
    ]);
    expect(problems(pathway(step({ role: 'cbo_intake' })))).toEqual([
      'steps.0.role: a hospital step needs one of navigator, peer_specialist, clinician, program_manager',
    ]);
    expect(problems(pathway(step({ role: 'network_convener' })))[0]).toMatch(
      /^steps\.0\.role: a hospital step/,
    );
  });

  it('offsets beyond 30 days before or 400 days after the anchor', () => {
    expect(problems(pathway(step({ offsetMinutes: MIN_OFFSET_MINUTES - 1 })))).toEqual([
      'steps.0.offsetMinutes: must be at least -43200 (30 days before the anchor)',
    ]);
    expect(problems(pathway(step({ offsetMinutes: MAX_OFFSET_MINUTES + 1 })))).toEqual([
      'steps.0.offsetMinutes: must be at most 576000 (400 days after the anchor)',
    ]);
  });

  it('deadlines below 0 or beyond 60 days, and fractional minutes', () => {
    expect(problems(pathway(step({ deadlineMinutes: -1 })))).toEqual([
      'steps.0.deadlineMinutes: must not be negative',
    ]);
    expect(problems(pathway(step({ deadlineMinutes: 60 * DAY + 1 })))).toEqual([
      'steps.0.deadlineMinutes: must be at most 86400 (60 days)',
    ]);
    expect(problems(pathway(step({ offsetMinutes: 90.5 })))).toEqual([
      'steps.0.offsetMinutes: must be a whole number of minutes',
    ]);
  });

  it('keys, titles and codes', () => {
    expect(problems(pathway(step({ key: 'Peer Call' })))).toEqual([
      'steps.0.key: must be 1–40 lowercase letters, digits or underscores',
    ]);
    expect(problems(pathway(step({ key: 'k'.repeat(41) })))[0]).toMatch(/^steps\.0\.key: /);
    expect(problems(pathway(step({ title: '   ' })))).toEqual(['steps.0.title: must not be empty']);
    expect(problems(pathway(step({ title: 't'.repeat(121) })))).toEqual([
      'steps.0.title: must be at most 120 characters',
    ]);
    expect(problems(pathway({ ...step(), anchor: 'admission', records: 'score' }))).toEqual([
      'steps.0.anchor: must be one of transition_created, discharge, referral_accepted, appointment, first_visit',
      'steps.0.records: must be one of contact, attended, on_moud',
    ]);
  });

  it('an unknown field is refused rather than dropped', () => {
    expect(problems(pathway({ ...step(), offsetHours: 48 }))).toEqual([
      'steps.0: Unrecognized key: "offsetHours"',
    ]);
  });

  it('1 to 30 steps', () => {
    expect(problems(pathway())).toEqual(['steps: a pathway needs at least one step']);
    const many = Array.from({ length: 31 }, (_, i) => step({ key: `step_${i}` }));
    expect(problems(pathway(...many))).toEqual(['steps: a pathway has at most 30 steps']);
    expect(pathwayStepsSchema.safeParse(many.slice(0, 30)).success).toBe(true);
  });

  it('name and description', () => {
    expect(problems({ name: ' ', steps: [step()] })).toEqual(['name: must not be empty']);
    expect(problems({ name: 'n'.repeat(121), steps: [step()] })).toEqual([
      'name: must be at most 120 characters',
    ]);
    expect(problems({ name: 'x', description: 'd'.repeat(2001), steps: [step()] })).toEqual([
      'description: must be at most 2000 characters',
    ]);
  });

  it('reports every problem at once, not only the first', () => {
    expect(
      problems(
        pathway(
          step({ title: '' }),
          step({ side: 'partner', role: 'clinician', offsetMinutes: 1.5 }),
          step({ key: 'late', deadlineMinutes: 61 * DAY }),
        ),
      ),
    ).toEqual([
      'steps.0.title: must not be empty',
      'steps.1.offsetMinutes: must be a whole number of minutes',
      'steps.1.role: a partner step needs one of cbo_intake, liaison, peer_specialist, program_manager',
      'steps.2.deadlineMinutes: must be at most 86400 (60 days)',
      'steps.1.key: peer_call is already the key of step 0',
    ]);
  });
});

describe('pathwayInputSchema: broken steps do not hide other problems', () => {
  it('a step missing a field still has its role and key checked', () => {
    const { title: _, ...untitled } = step({ side: 'partner', role: 'navigator' });
    expect(problems(pathway(step(), untitled))).toEqual([
      'steps.1.title: is required',
      'steps.1.role: a partner step needs one of cbo_intake, liaison, peer_specialist, program_manager',
      'steps.1.key: peer_call is already the key of step 0',
    ]);
  });

  it('a step that is not an object is named, and the keys around it are still compared', () => {
    expect(problems(pathway(step(), null, step()))).toEqual([
      'steps.1: must be a step (an object)',
      'steps.2.key: peer_call is already the key of step 0',
    ]);
    expect(problems({ name: 'x', steps: 'peer call' })).toEqual(['steps: must be a list of steps']);
    expect(problems({ steps: [step()] })).toEqual(['name: is required']);
  });
});

describe('taskScope and stepsFor', () => {
  const steps = [
    step({ key: 'created', anchor: 'transition_created' }),
    step({ key: 'accepted', anchor: 'referral_accepted' }),
    step({ key: 'discharged', anchor: 'discharge' }),
    step({ key: 'partner_discharged', anchor: 'discharge', side: 'partner', role: 'peer_specialist' }),
    step({ key: 'appointment', anchor: 'appointment' }),
    step({ key: 'visit', anchor: 'first_visit' }),
  ];

  it('hospital steps timed from creation or discharge are the transition’s, in pathway order', () => {
    expect(stepsFor(steps, 'transition').map((s) => s.key)).toEqual(['created', 'discharged']);
  });

  it('steps timed from acceptance, the appointment or the first visit are each referral’s', () => {
    expect(stepsFor(steps, 'referral').map((s) => s.key)).toEqual([
      'accepted',
      'partner_discharged',
      'appointment',
      'visit',
    ]);
  });

  it('a partner step is a referral’s even when timed from discharge (only a referral names the partner)', () => {
    expect(taskScope({ side: 'partner', anchor: 'discharge' })).toBe('referral');
    expect(taskScope({ side: 'partner', anchor: 'transition_created' })).toBe('referral');
    expect(taskScope({ side: 'hospital', anchor: 'discharge' })).toBe('transition');
    expect(taskScope({ side: 'hospital', anchor: 'appointment' })).toBe('referral');
  });
});
