/**
 * Where the demo history's referrals go: a fitting service (checked with the directory's offer and
 * eligibility rules), preferring the hospital's partners in force at the time, for the MOUD and for the peer
 * support, harm reduction or recovery housing some patients get. The first hospital never refers to the
 * first OBOT (that pair is left for the partnership walkthrough to start), and no one refers to the second
 * OBOT (the patients-and-consent walkthrough's fresh recipient).
 */
import { haversineKm } from '../directory/geo.ts';
import type { MatchNeed } from '../directory/need.ts';
import type { Findings } from '../directory/reasons.ts';
import { checkEligibility } from '../directory/rules-eligibility.ts';
import { checkOffer } from '../directory/rules-offer.ts';
import type { DirectoryService } from '../directory/service.ts';
import type { OtherNeed, ServiceKind } from '../directory/vocabulary.ts';
import { DAY_MS, MINUTE_MS } from '../directory/zoned-time.ts';
import type { Medication } from '../transitions/vocabulary.ts';
import type { Prng } from './prng.ts';
import type { DemoService } from './services.ts';
import type { HistoryContext } from './transitions-context.ts';
import type { Encounter } from './transitions-encounters.ts';
import { weightedPick } from './transitions-helpers.ts';

/** How often a navigator refers to a fitting partner of the hospital rather than to any fitting service. */
const PARTNER_PREFERENCE = 0.75;

/** Services that may continue each medication after the hospital, by kind. */
const MOUD_KINDS: Readonly<Record<Medication, readonly ServiceKind[]>> = {
  buprenorphine: ['obot', 'bridge_clinic', 'fqhc'],
  methadone: ['otp'],
  naltrexone_xr: ['obot', 'fqhc', 'behavioral_health'],
};

/** The kind of service each supporting need is referred to. */
const SUPPORT_KIND: Readonly<Partial<Record<OtherNeed, ServiceKind>>> = {
  peer_support: 'peer_support',
  harm_reduction: 'harm_reduction',
  housing: 'recovery_housing',
};

/** Picks a fitting service of one of `kinds` for an encounter at `atMs`, from organizations not in `exclude`. */
export type ChooseService = (
  e: Encounter,
  kinds: readonly ServiceKind[],
  otherNeed: OtherNeed | undefined,
  atMs: number,
  exclude: ReadonlySet<string>,
) => DemoService | undefined;

/** Which services fit a patient, preferring the hospital's partners in force at the time. */
export function serviceChooser(rng: Prng, ctx: HistoryContext): ChooseService {
  const { partnerships, nowMs, receivable, secondObot, firstHospital, firstObot } = ctx;
  const partnersAt = (hospitalId: string, atMs: number): Set<string> => {
    const out = new Set<string>();
    for (const p of partnerships) {
      if (p.hospitalOrgId !== hospitalId || Date.parse(p.startedOn) > atMs) continue;
      const inForce =
        p.status === 'active' ||
        (p.status === 'paused' && atMs < nowMs - 90 * DAY_MS) ||
        (p.status === 'ended' && atMs < nowMs - 180 * DAY_MS);
      if (inForce) out.add(p.cboOrgId);
    }
    return out;
  };
  return (e, kinds, otherNeed, atMs, exclude) => {
    const need: MatchNeed = {
      medication: { name: e.plan.medication, phase: 'continue' },
      ...(otherNeed ? { otherNeeds: [otherNeed] } : {}),
      insurance: [
        e.patient.insurance.kind === 'uninsured'
          ? { kind: 'uninsured' }
          : {
              kind: e.patient.insurance.kind,
              ...(e.patient.insurance.payerName ? { plan: e.patient.insurance.payerName } : {}),
            },
      ],
      age: e.age,
      gender: e.patient.sex,
      language: e.patient.preferredLanguage,
    };
    const fitting = (withLanguage: boolean) =>
      receivable.filter(({ service, org }) => {
        if (!kinds.includes(service.kind) || exclude.has(org.id)) return false;
        if (org.id === secondObot || (e.hospital.id === firstHospital && org.id === firstObot)) return false;
        return fits(withLanguage ? need : { ...need, language: undefined }, service);
      });
    let candidates = fitting(true);
    if (candidates.length === 0) candidates = fitting(false);
    if (candidates.length === 0) return undefined;
    // A partner that fits gets most referrals; otherwise the nearer services are more likely.
    const partners = partnersAt(e.hospital.id, atMs);
    const partnered = candidates.filter(({ org }) => partners.has(org.id));
    const pool = partnered.length > 0 && rng.chance(PARTNER_PREFERENCE) ? partnered : candidates;
    const weights = pool.map(({ service }) => 1 / (1 + haversineKm(e.home, service.location) / 6));
    return weightedPick(rng, pool, weights).service;
  };
}

/** The MOUD service of an encounter (the first one, or a backup after a decline): by the plan's medication. */
export function chooseMoud(
  choose: ChooseService,
  e: Encounter,
  atMs: number,
  exclude: ReadonlySet<string>,
): DemoService | undefined {
  return choose(e, MOUD_KINDS[e.plan.medication], undefined, atMs, exclude);
}

/** The services each encounter's referrals go to: the MOUD first, then peer support, harm reduction or housing. */
export function planReferrals(
  rng: Prng,
  nowMs: number,
  encounters: readonly Encounter[],
  choose: ChooseService,
): void {
  for (const e of encounters) {
    const firstSent = e.firstSentAt;
    if (firstSent === null) continue;
    const moud = chooseMoud(choose, e, firstSent, new Set());
    if (moud) e.referrals.push({ role: 'moud', service: moud, sentAt: firstSent });
    const needs: OtherNeed[] = [];
    if (rng.chance(e.identifiedBy === 'overdose' ? 0.55 : 0.33)) needs.push('peer_support');
    if (rng.chance(e.patient.unhoused ? 0.35 : 0.12)) needs.push('harm_reduction');
    if (e.transition.careNeeds.includes('housing') && rng.chance(0.3)) needs.push('housing');
    let at = firstSent;
    for (const need of needs) {
      const kind = SUPPORT_KIND[need];
      if (!kind) continue;
      const used = new Set(e.referrals.map((r) => r.service.organizationId));
      const support = choose(e, [kind], need, firstSent, used);
      at += rng.int(3, 40) * MINUTE_MS;
      if (support && at <= nowMs) e.referrals.push({ role: 'support', service: support, sentAt: at });
    }
  }
}

/** Whether the service's offer and eligibility rules admit the need (as the directory's matching checks them). */
function fits(need: MatchNeed, service: DemoService): boolean {
  const { capacity: _capacity, ...rest } = service;
  const asDirectory: DirectoryService = rest;
  const findings: Findings = { fits: [], conflicts: [], warnings: [] };
  checkOffer(need, asDirectory, findings);
  checkEligibility(need, asDirectory, findings);
  return findings.conflicts.length === 0;
}
