/**
 * Phase 2 of the demo history: each receiving organization's behaviour profile, as data. Within its group
 * (buprenorphine, OTP, support) each receiver gets the next profile of `PROFILE_ORDER` by its referral
 * volume, busiest first; the well-known OBOT is always first (`fast`) and recovery housing always `slow`.
 */
import type { HistoryContext } from './transitions-context.ts';
import type { Encounter } from './transitions-encounters.ts';
import type { PartnerProfile } from './transitions-types.ts';
import type { DemoOrganization } from './types.ts';

/** How a partner with a profile behaves. */
interface ProfileTraits {
  /** Hours from sending to the partner's first answer (then moved into working hours). */
  ackHours: readonly [number, number];
  /** Chance of declining. */
  decline: number;
  /** Chance of accepting and booking in one move. */
  bookAtOnce: number;
  /** Days from discharge (or from the answer, if later) to the earliest appointment offered. */
  leadDays: readonly [number, number];
  /** Added to the chance of attending. */
  attend: number;
  /** Chance of never answering (the hospital cancels and refers elsewhere). */
  silent: number;
}

export const TRAITS: Readonly<Record<PartnerProfile, ProfileTraits>> = {
  fast: {
    ackHours: [0.25, 2.5],
    decline: 0.07,
    bookAtOnce: 0.7,
    leadDays: [1, 3],
    attend: 0.06,
    silent: 0.01,
  },
  steady: {
    ackHours: [0.5, 9],
    decline: 0.12,
    bookAtOnce: 0.4,
    leadDays: [2, 7],
    attend: 0,
    silent: 0.03,
  },
  slow: {
    ackHours: [6, 40],
    decline: 0.15,
    bookAtOnce: 0.2,
    leadDays: [5, 12],
    attend: -0.05,
    silent: 0.07,
  },
  strained: {
    ackHours: [1, 20],
    decline: 0.38,
    bookAtOnce: 0.3,
    leadDays: [4, 9],
    attend: -0.03,
    silent: 0.04,
  },
};

/** Profiles handed out to the receivers of each group, busiest first (so every seed has each shape). */
const PROFILE_ORDER: Readonly<Record<'buprenorphine' | 'otp' | 'support', readonly PartnerProfile[]>> = {
  buprenorphine: ['fast', 'strained', 'steady', 'slow', 'steady', 'fast', 'slow'],
  otp: ['steady', 'slow', 'steady', 'fast'],
  support: ['fast', 'steady', 'fast', 'slow', 'steady'],
};

/** The profile of every organization that can receive referrals, by the encounters' planned referrals. */
export function assignProfiles(
  ctx: HistoryContext,
  encounters: readonly Encounter[],
): Record<string, PartnerProfile> {
  const { receivable, firstObot } = ctx;
  const profiles: Record<string, PartnerProfile> = {};
  const volume = new Map<string, number>();
  for (const e of encounters) {
    for (const r of e.referrals)
      volume.set(r.service.organizationId, (volume.get(r.service.organizationId) ?? 0) + 1);
  }
  const groupOf = (org: DemoOrganization): keyof typeof PROFILE_ORDER =>
    org.cboSubtype === 'otp'
      ? 'otp'
      : ['obot', 'bridge_clinic', 'fqhc', 'behavioral_health'].includes(org.cboSubtype ?? '')
        ? 'buprenorphine'
        : 'support';
  const receivers = receivable
    .map((c) => c.org)
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  for (const group of ['buprenorphine', 'otp', 'support'] as const) {
    // The well-known OBOT ranks first whatever its volume: the walkthroughs show a responsive partner.
    const rank = (o: DemoOrganization) =>
      o.id === firstObot ? Number.POSITIVE_INFINITY : (volume.get(o.id) ?? 0);
    const ranked = receivers
      .filter((o) => groupOf(o) === group)
      .sort((a, b) => rank(b) - rank(a) || (a.slug < b.slug ? -1 : 1));
    const order = PROFILE_ORDER[group];
    ranked.forEach((org, i) => {
      profiles[org.id] =
        org.cboSubtype === 'recovery_housing' ? 'slow' : (order[i % order.length] ?? 'steady');
    });
  }
  return profiles;
}
