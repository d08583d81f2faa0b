import { describe, expect, it } from 'vitest';
import {
  CAPACITY_STATUSES,
  CAPACITY_STATUS_TO_SDOHCC,
  capacityStatusFromSdohcc,
  OTHER_NEEDS,
  OTHER_NEED_SERVICE_KINDS,
  SDOHCC_CAPACITY_CODES,
  SDOHCC_TO_CAPACITY_STATUS,
  SERVICE_KINDS,
} from './vocabulary.ts';

describe('capacity codes', () => {
  it('map one to one onto the SDOH Clinical Care capacity codes', () => {
    expect(CAPACITY_STATUS_TO_SDOHCC).toEqual({
      accepting: 'capacity',
      waitlist: 'waitlist',
      not_accepting: 'no-capacity',
      assessment_required: 'additional-assessment-required',
    });
    for (const status of CAPACITY_STATUSES) {
      expect(SDOHCC_TO_CAPACITY_STATUS[CAPACITY_STATUS_TO_SDOHCC[status]]).toBe(status);
    }
    expect(new Set(Object.values(CAPACITY_STATUS_TO_SDOHCC)).size).toBe(SDOHCC_CAPACITY_CODES.length);
  });

  it('reads only real codes', () => {
    expect(capacityStatusFromSdohcc('no-capacity')).toBe('not_accepting');
    expect(capacityStatusFromSdohcc('no-capacity-has-waitlist')).toBeUndefined();
    expect(capacityStatusFromSdohcc('toString')).toBeUndefined();
  });
});

describe('other needs', () => {
  it('each map to at least one known service kind', () => {
    for (const need of OTHER_NEEDS) {
      expect(OTHER_NEED_SERVICE_KINDS[need].length).toBeGreaterThan(0);
      for (const kind of OTHER_NEED_SERVICE_KINDS[need]) expect(SERVICE_KINDS).toContain(kind);
    }
  });
});
