/**
 * The demo network's follow-up pathways (`domain/followup/demo-pathways.ts`): every hospital's default is
 * the CATCH-style pathway; every partnership that is not ended has one — Relay-style when the partner is a
 * peer-recovery or harm-reduction organization, CA Bridge-style otherwise. Version 1 each, deterministic ids.
 */
import { DEMO_PATHWAYS, type DemoPathwaySlug } from '../followup/demo-pathways.ts';
import type { PathwayStep } from '../followup/pathway.ts';
import { createPrng } from './prng.ts';
import type { DemoNetwork } from './types.ts';

export interface DemoPathwayRow {
  networkId: string;
  id: string;
  hospitalOrgId: string;
  partnershipId: string | null;
  name: string;
  description: string;
  steps: PathwayStep[];
}

const PEER_SUBTYPES = new Set(['peer_recovery', 'harm_reduction']);

function template(slug: DemoPathwaySlug) {
  const found = DEMO_PATHWAYS.find((p) => p.slug === slug);
  if (!found) throw new Error(`demo pathway ${slug} missing`);
  return found;
}

export function generateDemoPathways(
  demo: DemoNetwork,
  partnerships: readonly { id: string; hospitalOrgId: string; cboOrgId: string; status: string }[],
): DemoPathwayRow[] {
  const rng = createPrng(demo.seed, 'pathways');
  const networkId = demo.network.id;
  const row = (hospitalOrgId: string, partnershipId: string | null, slug: DemoPathwaySlug, suffix = '') => {
    const t = template(slug);
    return {
      networkId,
      id: rng.uuid(),
      hospitalOrgId,
      partnershipId,
      name: `${t.name}${suffix}`,
      description: t.description,
      steps: t.steps.map((s) => ({ ...s })),
    };
  };
  const rows = demo.organizations.filter((o) => o.kind === 'hospital').map((h) => row(h.id, null, 'catch'));
  const subtypeOf = new Map(demo.organizations.map((o) => [o.id, o.cboSubtype]));
  const nameOf = new Map(demo.organizations.map((o) => [o.id, o.name]));
  for (const p of partnerships) {
    if (p.status === 'ended') continue;
    const slug = PEER_SUBTYPES.has(subtypeOf.get(p.cboOrgId) ?? '') ? 'relay' : 'ca_bridge';
    rows.push(row(p.hospitalOrgId, p.id, slug, ` — ${nameOf.get(p.cboOrgId) ?? ''}`));
  }
  return rows;
}
