import { describe, expect, it } from 'vitest';
import { decideRedisclosure, type RedisclosureRequest } from './redisclosure.ts';

const base: RedisclosureRequest = {
  holderStatus: 'lawful_holder',
  receivedUnder: 'specific',
  purpose: 'TREAT',
  onwardPermittedByConsent: true,
};

describe('decideRedisclosure (P3)', () => {
  it('blocks a lawful holder even when the consent names the onward recipient: a new consent is needed', () => {
    expect(decideRedisclosure(base)).toEqual({ permit: false, reason: 'lawful_holder_needs_new_consent' });
    expect(decideRedisclosure({ ...base, holderStatus: null }).permit).toBe(false);
  });

  it('lets a covered entity or business associate redisclose for TPO under a TPO consent only', () => {
    for (const holderStatus of ['covered_entity', 'business_associate'] as const) {
      expect(decideRedisclosure({ ...base, holderStatus, receivedUnder: 'tpo', purpose: 'TREAT' })).toEqual({
        permit: true,
      });
      expect(
        decideRedisclosure({ ...base, holderStatus, receivedUnder: 'tpo', purpose: 'HLEGAL' }).permit,
      ).toBe(false);
      expect(
        decideRedisclosure({ ...base, holderStatus, receivedUnder: 'specific', purpose: 'TREAT' }).permit,
      ).toBe(false);
    }
  });

  it('lets a Part 2 program redisclose only as the consent permits', () => {
    expect(decideRedisclosure({ ...base, holderStatus: 'part2_program' })).toEqual({ permit: true });
    expect(
      decideRedisclosure({ ...base, holderStatus: 'part2_program', onwardPermittedByConsent: false }),
    ).toEqual({
      permit: false,
      reason: 'not_permitted_by_consent',
    });
  });
});
