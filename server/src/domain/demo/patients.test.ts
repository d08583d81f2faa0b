import { describe, expect, it } from 'vitest';
import { generateDemoNetwork } from './generate-demo-network.ts';
import { generateDemoPatients } from './patients.ts';

const NOW = new Date('2026-11-23T15:00:00Z');

describe('generateDemoPatients', () => {
  const demo = generateDemoNetwork(1);
  const hospitals = demo.organizations.filter((o) => o.kind === 'hospital');
  const cbos = demo.organizations.filter((o) => o.kind === 'cbo').map((o) => o.id);
  const partners = new Map(hospitals.map((h, i) => [h.id, cbos.slice(i, i + 3)]));
  const set = generateDemoPatients(demo, partners, NOW);

  it('is deterministic for a seed', () => {
    expect(generateDemoPatients(demo, partners, NOW)).toEqual(set);
  });

  it('gives every hospital patients, shares most of them with its partners only', () => {
    for (const h of hospitals) expect(set.patients.filter((p) => p.holderOrgId === h.id)).toHaveLength(6);
    for (const c of set.consents) {
      const allowed = new Set(partners.get(c.holderOrgId));
      const firstObot = demo.organizations.find((o) => o.cboSubtype === 'obot')?.id;
      for (const r of c.recipients)
        expect(allowed.has(r.organizationId) || r.organizationId === firstObot).toBe(true);
    }
    expect(set.consents.length).toBeGreaterThan(hospitals.length * 2);
  });

  it('shares the first hospital’s first patient with the first OBOT, and has a revoked and an expired case', () => {
    const firstObot = demo.organizations.find((o) => o.cboSubtype === 'obot')?.id;
    const first = set.patients[0];
    expect(set.consents.find((c) => c.patientId === first?.id)?.recipients[0]?.organizationId).toBe(
      firstObot,
    );
    expect(set.consents.some((c) => c.expiresOn !== null && c.expiresOn < '2026-11-23')).toBe(true);
    expect(set.consents.some((c) => c.recipients.some((r) => r.revokedAt !== null))).toBe(true);
  });

  it('writes disclosures only to recipients of the consent they cite, before now', () => {
    for (const d of set.disclosures) {
      const consent = set.consents.find((c) => c.id === d.consentId);
      expect(consent?.recipients.map((r) => r.organizationId)).toContain(d.recipientOrgId);
      expect(d.at.getTime()).toBeLessThan(NOW.getTime());
    }
  });
});
