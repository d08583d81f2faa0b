/** Matching rules: medications, what a service offers, prerequisites, insurance, eligibility, capacity. */
import { describe, expect, it } from 'vitest';
import { evaluateService, matchServices } from './match.ts';
import type { MatchNeed } from './need.ts';
import {
  codes,
  DAY_MS,
  ids,
  makeOtp,
  makeRecoveryHouse,
  makeService,
  NOW,
  only,
  options,
  window,
} from './test-fixtures.ts';

describe('methadone and recovery housing', () => {
  const need: MatchNeed = { medication: { name: 'methadone', phase: 'continue' }, otherNeeds: ['housing'] };
  const refuses = makeRecoveryHouse('house-no-methadone', {
    medications: { methadone: { acceptsCurrent: false } },
  });
  const accepts = makeRecoveryHouse('house-methadone-ok');
  const otp = makeOtp('otp');

  it('flags a house that refuses methadone with that reason and leaves it out by default', () => {
    const result = only(need, refuses);
    expect(result.conflicts).toContainEqual({
      code: 'medication_not_accepted',
      message: 'does not accept patients on methadone',
      params: { medication: 'methadone' },
    });
    expect(ids(matchServices(need, [refuses, accepts, otp], options))).not.toContain('house-no-methadone');
  });

  it('shows it last with includeConflicts', () => {
    const results = matchServices(need, [refuses, accepts, otp], { ...options, includeConflicts: true });
    expect(ids(results).at(-1)).toBe('house-no-methadone');
    expect(results.at(-1)?.score).toBeLessThan(0);
  });

  it('keeps the house that accepts methadone, and the OTP for the medication', () => {
    const results = matchServices(need, [refuses, accepts, otp], options);
    expect(ids(results).sort()).toEqual(['house-methadone-ok', 'otp']);
    const house = results.find((result) => result.service.id === 'house-methadone-ok');
    expect(codes(house?.fits ?? [])).toEqual(
      expect.arrayContaining(['offers_need', 'accepts_current_medication']),
    );
    const otpResult = results.find((result) => result.service.id === 'otp');
    expect(otpResult?.fits).toContainEqual(
      expect.objectContaining({ code: 'offers_medication', message: 'continues methadone' }),
    );
  });

  it('applies acceptsCurrent when the patient is starting methadone too', () => {
    const starting: MatchNeed = { ...need, medication: { name: 'methadone', phase: 'start' } };
    expect(codes(only(starting, refuses).conflicts)).toEqual(['medication_not_accepted']);
  });

  it('checks acceptsCurrent even for a prescriber that says it continues the medication', () => {
    const contradictory = makeOtp('otp-odd', {
      medications: { methadone: { start: true, continue: true, acceptsCurrent: false } },
    });
    expect(
      codes(only({ medication: { name: 'methadone', phase: 'continue' } }, contradictory).conflicts),
    ).toEqual(['medication_not_accepted']);
  });
});

describe('methadone is for opioid treatment programs only', () => {
  const need: MatchNeed = { medication: { name: 'methadone', phase: 'start' } };

  it('rules out a non-OTP that claims to dispense methadone', () => {
    const fqhc = makeService('fqhc', {
      kind: 'fqhc',
      medications: { methadone: { start: true, continue: true } },
    });
    const result = only(need, fqhc);
    expect(codes(result.conflicts)).toEqual(['medication_not_offered']);
    expect(result.conflicts[0]?.message).toContain('not an opioid treatment program');
  });

  it('rules out an OBOT that does not offer methadone and keeps the OTP', () => {
    const results = matchServices(need, [makeService('obot'), makeOtp('otp')], {
      ...options,
      includeConflicts: true,
    });
    expect(ids(results)).toEqual(['otp', 'obot']);
    expect(results[1]?.conflicts[0]?.message).toBe(
      'does not start methadone (only an opioid treatment program can)',
    );
  });
});

describe('buprenorphine start versus continue', () => {
  const continueOnly = makeService('continue-only', {
    medications: { buprenorphine: { start: false, continue: true } },
  });
  const starts = makeService('bridge', { kind: 'bridge_clinic' });

  it('needs a service that starts it for a start', () => {
    const need: MatchNeed = { medication: { name: 'buprenorphine', phase: 'start' } };
    expect(ids(matchServices(need, [continueOnly, starts], options))).toEqual(['bridge']);
    expect(only(need, continueOnly).conflicts[0]?.message).toBe(
      'does not start buprenorphine (continues it only)',
    );
  });

  it('accepts either for a continuation', () => {
    const need: MatchNeed = { medication: { name: 'buprenorphine', phase: 'continue' } };
    expect(ids(matchServices(need, [continueOnly, starts], options)).sort()).toEqual([
      'bridge',
      'continue-only',
    ]);
  });

  it('does not hold acceptsCurrent against the clinic that starts the medication itself', () => {
    const newPatientsOnly = makeService('new-only', {
      medications: { buprenorphine: { acceptsCurrent: false } },
    });
    expect(
      only({ medication: { name: 'buprenorphine', phase: 'start' } }, newPatientsOnly).conflicts,
    ).toEqual([]);
    expect(
      codes(only({ medication: { name: 'buprenorphine', phase: 'continue' } }, newPatientsOnly).conflicts),
    ).toEqual(['medication_not_accepted']);
  });
});

describe('what a service offers', () => {
  it('keeps a service that offers one component of a combined need', () => {
    const peer = makeService('peer', {
      kind: 'peer_support',
      medications: { buprenorphine: { start: false, continue: false } },
    });
    const need: MatchNeed = {
      medication: { name: 'buprenorphine', phase: 'start' },
      otherNeeds: ['peer_support'],
    };
    const result = only(need, peer);
    expect(result.conflicts).toEqual([]);
    expect(codes(result.fits)).toEqual(expect.arrayContaining(['offers_need', 'accepts_current_medication']));
  });

  it('rules out a service that offers nothing asked for, naming each missing part', () => {
    const house = makeRecoveryHouse('house');
    const result = only(
      { medication: { name: 'buprenorphine', phase: 'start' }, otherNeeds: ['mental_health'] },
      house,
    );
    expect(result.conflicts.map((reason) => reason.message)).toEqual([
      'does not start buprenorphine',
      'does not offer mental health care',
    ]);
  });

  it('does not rule anything out on this axis when the need names nothing', () => {
    expect(only({}, makeRecoveryHouse('house')).conflicts).toEqual([]);
  });

  it('warns about an abstinence-only stance and credits harm reduction', () => {
    const need: MatchNeed = { medication: { name: 'buprenorphine', phase: 'continue' } };
    expect(
      codes(only(need, makeService('a', { policies: { harmReduction: 'abstinence_only' } })).warnings),
    ).toContain('abstinence_only_stance');
    expect(codes(only(need, makeService('s', { policies: { harmReduction: 'supportive' } })).fits)).toContain(
      'harm_reduction_supportive',
    );
  });
});

describe('intake prerequisites', () => {
  const need: MatchNeed = { medication: { name: 'buprenorphine', phase: 'continue' } };

  it('rules out a negative drug screen or abstinence requirement unless the patient meets it', () => {
    const screen = makeService('screen', { policies: { prerequisites: ['negative_drug_screen'] } });
    const abstinence = makeService('abstinence', { policies: { prerequisites: ['abstinence'] } });
    expect(only(need, screen).conflicts).toContainEqual({
      code: 'requires_negative_drug_screen',
      message: 'requires a negative drug screen',
    });
    expect(codes(only(need, abstinence).conflicts)).toEqual(['requires_abstinence']);
    const met: MatchNeed = { ...need, prerequisites: { negative_drug_screen: true, abstinence: true } };
    expect(only(met, screen).conflicts).toEqual([]);
    expect(only(met, abstinence).conflicts).toEqual([]);
  });

  it('treats photo ID as a warning when unknown and a conflict when the patient has none', () => {
    const id = makeService('id', { policies: { prerequisites: ['photo_id'] } });
    expect(codes(only(need, id).warnings)).toContain('requires_photo_id');
    expect(codes(only({ ...need, prerequisites: { photo_id: false } }, id).conflicts)).toEqual([
      'requires_photo_id',
    ]);
    expect(codes(only({ ...need, prerequisites: { photo_id: true } }, id).warnings)).not.toContain(
      'requires_photo_id',
    );
  });

  it('warns about referral and appointment requirements, and appointment-only cancels walk-in', () => {
    const service = makeService('appt', {
      policies: { prerequisites: ['provider_referral', 'appointment_only'], walkIn: true },
    });
    const result = only(need, service);
    expect(codes(result.warnings)).toEqual(
      expect.arrayContaining(['requires_provider_referral', 'appointment_only']),
    );
    expect(codes(result.fits)).not.toContain('walk_in');
  });
});

describe('insurance', () => {
  const uninsured: MatchNeed = { insurance: [{ kind: 'uninsured' }] };

  it('matches an uninsured patient with a sliding-scale service and rules out one that needs insurance', () => {
    const sliding = makeService('sliding', {
      eligibility: { insurance: { medicaid: 'all', uninsured: 'sliding_scale' } },
    });
    const insuredOnly = makeService('insured-only');
    const requiresInsurance = makeService('requires', {
      eligibility: { insurance: { medicaid: 'all', uninsured: 'free' } },
      policies: { prerequisites: ['insurance'] },
    });
    const fullFee = makeService('full-fee', { eligibility: { insurance: { uninsured: 'full_fee' } } });
    expect(only(uninsured, sliding).fits).toContainEqual(
      expect.objectContaining({
        code: 'uninsured_low_cost',
        message: 'serves people without insurance on a sliding fee scale',
      }),
    );
    expect(only(uninsured, insuredOnly).conflicts).toContainEqual(
      expect.objectContaining({ code: 'insurance_not_accepted', message: 'does not accept no insurance' }),
    );
    expect(codes(only(uninsured, requiresInsurance).conflicts)).toEqual(['requires_insurance']);
    expect(codes(only(uninsured, fullFee).warnings)).toContain('uninsured_full_fee');
    const ranked = matchServices(uninsured, [fullFee, insuredOnly, sliding, requiresInsurance], options);
    expect(ids(ranked)).toEqual(['sliding', 'full-fee']);
  });

  it('matches Medicaid plans by name, case-insensitively, and warns when the plan is unknown', () => {
    const planned = makeService('plans', {
      eligibility: { insurance: { medicaid: ['MassHealth  ACO', 'Tufts Together'] } },
    });
    expect(
      codes(only({ insurance: [{ kind: 'medicaid', plan: 'masshealth aco' }] }, planned).fits),
    ).toContain('insurance_accepted');
    expect(codes(only({ insurance: [{ kind: 'medicaid', plan: 'Other Plan' }] }, planned).conflicts)).toEqual(
      ['insurance_not_accepted'],
    );
    expect(codes(only({ insurance: [{ kind: 'medicaid' }] }, planned).warnings)).toContain(
      'insurance_plan_unconfirmed',
    );
  });

  it('uses the best of several coverages and warns when the service states nothing', () => {
    const medicareOnly = makeService('medicare', { eligibility: { insurance: { medicare: 'all' } } });
    const dual: MatchNeed = { insurance: [{ kind: 'medicaid' }, { kind: 'medicare' }] };
    expect(codes(only(dual, medicareOnly).fits)).toContain('insurance_accepted');
    const unstated = makeService('unstated', { eligibility: { insurance: undefined } });
    expect(codes(only(dual, unstated).warnings)).toContain('insurance_unconfirmed');
    expect(only(dual, unstated).conflicts).toEqual([]);
  });
});

describe('eligibility', () => {
  const youth = makeService('youth', { eligibility: { minAge: 12, maxAge: 25 } });
  const women = makeService('women', { eligibility: { genders: ['female'] } });

  it('rules out age and gender outside eligibility, and warns when unknown', () => {
    expect(only({ age: 40 }, youth).conflicts[0]).toMatchObject({
      code: 'age_not_eligible',
      message: 'serves ages 12–25 only',
    });
    expect(only({ age: 25 }, youth).conflicts).toEqual([]);
    expect(codes(only({}, youth).warnings)).toContain('age_unconfirmed');
    expect(codes(only({ gender: 'male' }, women).conflicts)).toEqual(['gender_not_eligible']);
    expect(only({ gender: 'female' }, women).conflicts).toEqual([]);
    expect(codes(only({}, women).warnings)).toContain('gender_unconfirmed');
  });

  it('treats a language not offered as hard unless an interpreter is available', () => {
    const english = makeService('en');
    const interpreted = makeService('interp', { eligibility: { accessibility: ['interpreter_available'] } });
    const spanish = makeService('es', { eligibility: { languages: ['en', 'es'] } });
    expect(only({ language: 'es-MX' }, english).conflicts[0]).toMatchObject({
      code: 'language_not_offered',
      message: 'does not serve people in Spanish and has no interpreter',
    });
    expect(codes(only({ language: 'es' }, interpreted).warnings)).toContain('language_via_interpreter');
    expect(codes(only({ language: 'es-MX' }, spanish).fits)).toContain('language_offered');
    expect(
      codes(only({ language: 'es' }, makeService('x', { eligibility: { languages: [] } })).warnings),
    ).toContain('language_unconfirmed');
  });

  it('rules out a service missing a required accessibility feature', () => {
    const need: MatchNeed = { accessibility: ['wheelchair_accessible'] };
    expect(only(need, makeService('stairs')).conflicts[0]).toMatchObject({
      code: 'accessibility_not_met',
      message: 'not wheelchair accessible',
    });
    expect(
      only(need, makeService('ramp', { eligibility: { accessibility: ['wheelchair_accessible'] } }))
        .conflicts,
    ).toEqual([]);
  });
});

describe('capacity', () => {
  const need: MatchNeed = {
    medication: { name: 'buprenorphine', phase: 'continue' },
    intakeWindow: window(0),
  };
  const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY_MS);

  it('rules out a service that is not accepting', () => {
    const full = makeService('full', {
      capacity: { status: 'not_accepting', updatedAt: at(1), updatedBy: 'm' },
    });
    expect(only(need, full).conflicts).toContainEqual(expect.objectContaining({ code: 'not_accepting' }));
  });

  it('shows stale capacity as unknown, even a stale "not accepting"', () => {
    const stale = makeService('stale', {
      capacity: { status: 'accepting', updatedAt: at(10), updatedBy: 'm' },
    });
    const result = only(need, stale);
    expect(result.capacity.status).toBe('unknown');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'capacity_unknown',
        message: 'capacity unknown: last reported 10 days ago, older than 7 days',
      }),
    );
    expect(codes(result.fits)).not.toContain('capacity_accepting');
    const staleFull = makeService('stale-full', {
      capacity: { status: 'not_accepting', updatedAt: at(10), updatedBy: 'm' },
    });
    expect(only(need, staleFull).conflicts).toEqual([]);
    expect(evaluateService(need, stale, { now: NOW, capacityMaxAgeDays: 30 }).capacity.status).toBe(
      'accepting',
    );
  });

  it('warns about a waitlist with its expected days, and when it runs past the window', () => {
    const short = makeService('short', {
      capacity: { status: 'waitlist', updatedAt: at(1), updatedBy: 'm', expectedWaitDays: 1 },
    });
    const long = makeService('long', {
      capacity: { status: 'waitlist', updatedAt: at(1), updatedBy: 'm', expectedWaitDays: 14 },
    });
    expect(only(need, short).warnings).toContainEqual(
      expect.objectContaining({ code: 'waitlist', message: 'has a waitlist of about 1 day' }),
    );
    expect(only(need, long).warnings).toContainEqual(
      expect.objectContaining({ message: 'has a waitlist of about 14 days, longer than the intake window' }),
    );
    expect(only(need, long).conflicts).toEqual([]);
  });

  it('warns when an additional assessment is required', () => {
    const assess = makeService('assess', {
      capacity: { status: 'assessment_required', updatedAt: at(0), updatedBy: 'm' },
    });
    expect(codes(only(need, assess).warnings)).toContain('assessment_required');
  });
});
