import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, grantedScope, MATRIX } from './permissions.ts';
import { ROLES } from './vocabulary.ts';

const subject = (roles: (typeof ROLES)[number][]) => ({ roles, userId: 'u1', organizationId: 'o1' });

describe('authorization matrix', () => {
  it('names only known roles', () => {
    for (const action of ACTIONS)
      for (const role of Object.keys(MATRIX[action])) expect(ROLES).toContain(role);
  });

  it('allows network-scoped actions on any organization of the network', () => {
    expect(decide(subject(['network_convener']), 'organization.update', { organizationId: 'o2' })).toBe(
      'allow',
    );
  });

  it('limits organization-scoped actions to the own organization and hides the others', () => {
    expect(decide(subject(['org_admin']), 'member.invite', { organizationId: 'o1' })).toBe('allow');
    expect(decide(subject(['org_admin']), 'member.invite', { organizationId: 'o2' })).toBe('not_found');
  });

  it('forbids within scope and hides outside it when no role grants the action', () => {
    expect(decide(subject(['navigator']), 'member.read', { organizationId: 'o1' })).toBe('forbidden');
    expect(decide(subject(['navigator']), 'member.read', { organizationId: 'o2' })).toBe('not_found');
  });

  it("keeps self-scoped actions to the actor's own objects", () => {
    expect(decide(subject(['navigator']), 'token.manage_own', { userId: 'u1' })).toBe('allow');
    expect(decide(subject(['org_admin']), 'token.manage_own', { userId: 'u2' })).toBe('not_found');
  });

  it('takes the widest scope among several roles', () => {
    expect(grantedScope(['navigator', 'org_admin'], 'member.update')).toBe('organization');
    expect(grantedScope(['org_admin', 'network_convener'], 'member.update')).toBe('network');
    expect(grantedScope(['navigator'], 'member.update')).toBeUndefined();
  });
});
