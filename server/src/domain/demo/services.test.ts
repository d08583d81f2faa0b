import { describe, expect, it } from 'vitest';
import { matchServices, scheduleProblems } from '../directory/index.ts';
import { generateDemoNetwork } from './generate-demo-network.ts';
import { generateDemoServices, type DemoService } from './services.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const DAY_MS = 86_400_000;
const network = generateDemoNetwork(1);
const generated = generateDemoServices(network, NOW);
const orgName = new Map(network.organizations.map((o) => [o.id, o.name]));
const of = (name: string): DemoService[] => generated.filter((s) => orgName.get(s.organizationId) === name);
const asDirectory = (s: DemoService) => ({
  ...s,
  capacity: s.capacity && { ...s.capacity, updatedBy: 'demo' },
});

describe('demo services', () => {
  it('is deterministic for a seed and a time', () => {
    expect(generateDemoServices(generateDemoNetwork(1), NOW)).toEqual(generated);
    expect(generateDemoServices(generateDemoNetwork(2), NOW).map((s) => s.id)).not.toEqual(
      generated.map((s) => s.id),
    );
  });

  it('gives every organization but the convener at least one readable service', () => {
    const served = new Set(generated.map((s) => s.organizationId));
    for (const org of network.organizations) {
      if (org.kind === 'health_system' || org.id === network.convenerOrganizationId) continue;
      expect(served.has(org.id), org.name).toBe(true);
    }
    for (const service of generated) expect(scheduleProblems(service), service.name).toEqual([]);
    expect(generated.filter((s) => s.kind !== 'otp').every((s) => !s.medications.methadone.start)).toBe(true);
  });

  it('has the policy diversity and capacity freshness the walkthroughs need', () => {
    expect(of('Fresh Start Recovery Residences').every((s) => !s.medications.methadone.acceptsCurrent)).toBe(
      true,
    );
    expect(of('Cedar House Recovery Living').every((s) => s.medications.methadone.acceptsCurrent)).toBe(true);
    expect(of('Lakewood Recovery Homes')[0]?.policies.prerequisites).toContain('abstinence');
    expect(generated.some((s) => s.policies.walkIn)).toBe(true);
    expect(generated.some((s) => s.eligibility.languages.includes('es'))).toBe(true);
    const ages = generated.map((s) =>
      s.capacity ? (NOW.getTime() - s.capacity.updatedAt.getTime()) / DAY_MS : -1,
    );
    expect(ages.some((a) => a < 0)).toBe(true); // never reported
    expect(ages.some((a) => a >= 0 && a <= 7)).toBe(true); // fresh
    expect(ages.some((a) => a > 7)).toBe(true); // stale: shown as unknown
  });

  it('flags Fresh Start for a patient on methadone who needs housing, and keeps Cedar House', () => {
    const need = {
      medication: { name: 'methadone', phase: 'continue' } as const,
      otherNeeds: ['housing'] as const,
    };
    const results = matchServices(need, generated.map(asDirectory), { now: NOW, includeConflicts: true });
    const byOrg = (name: string) => results.filter((r) => orgName.get(r.service.organizationId) === name);
    for (const r of byOrg('Fresh Start Recovery Residences')) {
      expect(r.conflicts.map((c) => c.code)).toContain('medication_not_accepted');
    }
    expect(byOrg('Cedar House Recovery Living').every((r) => r.conflicts.length === 0)).toBe(true);
  });
});
