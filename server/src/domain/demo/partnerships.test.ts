/** The generated demo partnerships: deterministic, varied, consistent with the network, first pair free. */
import { describe, expect, it } from 'vitest';
import { daysUntil, reminderDue } from '../partnerships/vocabulary.ts';
import { generateDemoNetwork } from './generate-demo-network.ts';
import { generateDemoPartnerships } from './partnerships.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';

describe('demo partnerships', () => {
  const demo = generateDemoNetwork();
  const set = generateDemoPartnerships(demo, NOW);

  it('is the same for the same seed', () => {
    expect(generateDemoPartnerships(generateDemoNetwork(), NOW)).toEqual(set);
  });

  it('joins every hospital with CBOs, in every status, leaving the well-known pair free', () => {
    const kind = new Map(demo.organizations.map((o) => [o.id, o.kind]));
    expect(set.partnerships.length).toBeGreaterThanOrEqual(20);
    for (const p of set.partnerships) {
      expect(kind.get(p.hospitalOrgId)).toBe('hospital');
      expect(kind.get(p.cboOrgId)).toBe('cbo');
    }
    expect(new Set(set.partnerships.map((p) => p.status))).toEqual(
      new Set(['exploring', 'active', 'paused', 'ended']),
    );
    const login = (email: string) => demo.logins.find((l) => l.email === email)?.organizationId;
    expect(
      set.partnerships.some(
        (p) =>
          p.hospitalOrgId === login('admin.hospital@demo.handoff.test') &&
          p.cboOrgId === login('admin.cbo@demo.handoff.test'),
      ),
    ).toBe(false);
  });

  it('has agreements inside the reminder window, expired ones and far ones', () => {
    const left = set.agreements.map((a) => daysUntil(TODAY, a.expiresOn));
    expect(set.agreements.some((a) => reminderDue(TODAY, a.expiresOn))).toBe(true);
    expect(left.some((d) => d < 0)).toBe(true);
    expect(left.some((d) => d > 60)).toBe(true);
  });

  it('names liaisons who are members of their side, once per partnership', () => {
    const member = new Set(demo.memberships.map((m) => `${m.userId}|${m.organizationId}`));
    for (const l of set.liaisons) expect(member.has(`${l.userId}|${l.organizationId}`)).toBe(true);
    const keys = set.liaisons.map((l) => `${l.partnershipId}|${l.userId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const quarters = set.assessments.map((a) => `${a.partnershipId}|${a.organizationId}|${a.quarter}`);
    expect(new Set(quarters).size).toBe(quarters.length);
  });
});
