/**
 * The follow-up vocabulary: anchors split between the transition and its referrals with none left over,
 * and side roles are real roles, with administrators and conveners owning no steps.
 */
import { describe, expect, it } from 'vitest';
import { ROLES } from '../identity/vocabulary.ts';
import { ANCHORS, REFERRAL_ANCHORS, scopeOfAnchor, SIDE_ROLES, TRANSITION_ANCHORS } from './vocabulary.ts';

describe('anchors', () => {
  it('each anchor belongs to exactly one scope', () => {
    expect([...TRANSITION_ANCHORS, ...REFERRAL_ANCHORS].sort()).toEqual([...ANCHORS].sort());
    expect(ANCHORS.map(scopeOfAnchor)).toEqual([
      'transition',
      'transition',
      'referral',
      'referral',
      'referral',
    ]);
  });
});

describe('SIDE_ROLES', () => {
  it('are roles, and neither org admins nor network conveners own steps', () => {
    for (const roles of Object.values(SIDE_ROLES)) {
      for (const role of roles) expect(ROLES).toContain(role);
      expect(roles).not.toContain('org_admin');
      expect(roles).not.toContain('network_convener');
    }
  });

  it('hospital staff and partner staff are kept apart', () => {
    expect(SIDE_ROLES.hospital).not.toContain('cbo_intake');
    expect(SIDE_ROLES.partner).not.toContain('navigator');
    expect(SIDE_ROLES.partner).not.toContain('clinician');
  });
});
