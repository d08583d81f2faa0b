/**
 * The demo network's history of transitions: 18 months (ending at `now`) of hospital encounters where
 * opioid use disorder was identified and MOUD started, each with its referrals to partner services and
 * their outcomes, so the worklists, the inbox and the outcome dashboards have a real shape.
 *
 * What is generated, per hospital and month: 6–14 encounters (ED more than inpatient, slowly growing),
 * each for a new demo patient (or, sometimes, a returning one) with a consent naming exactly the
 * organizations their referrals go to, recorded before the first referral was sent. MOUD plans are mostly
 * sublingual buprenorphine with a 3–14-day bridge prescription, some methadone under the 72-hour rule
 * (referred to an OTP), a few extended-release injections; naloxone is given to most. Referrals go to a
 * fitting service (checked with the directory's offer and eligibility rules), preferring the hospital's
 * partners, plus peer support, harm reduction or recovery housing for some patients. The first hospital
 * never refers to the first OBOT (that pair is left for the partnership walkthrough to start), and no one
 * refers to the second OBOT (the patients-and-consent walkthrough's fresh recipient).
 *
 * Outcomes vary by partner: each receiving organization gets a behaviour profile by its referral volume
 * (`PROFILE_ORDER`; the well-known OBOT is always `fast`): `fast` (answers within hours, books within 72 h),
 * `steady`, `slow` (answers late, books a week out) and `strained` (declines a third of referrals for
 * `no_capacity`). They vary by medication (methadone linkage is lower), by circumstances (unhoused patients
 * and patient-directed discharges miss more appointments and are harder to reach) and by the coverage gap (an
 * appointment after the bridge runs out is missed more often). A declined or unanswered MOUD referral is
 * usually followed by one to a backup service.
 *
 * Every referral's history is a path of legal moves (`checkMove`; the first event, from nothing to `sent`,
 * is the `draft → sent` move of a referral created and sent at once), in increasing time, cut at `now`:
 * recent transitions are still open (sent, accepted, scheduled), some at risk of a coverage gap. A
 * transition with an attended first visit is `linked`; one whose referrals all ended without one is
 * `closed` a month after discharge. Rows mirror what the server writes (`app/transitions/`): the packet is
 * the transition's current content as version 1, the partner gets a treating relationship when it accepts,
 * and reopening a referral resets its sending time and acknowledgement deadline.
 *
 * Pure and deterministic: the same network, seed and `now` give deeply equal output. The six hand-made
 * patients of `patients.ts` are left alone (their own PRNG stream; no transitions).
 *
 * This module is the entry point; the phases live beside it: `transitions-context.ts` (what they share),
 * `transitions-encounters.ts` with `transitions-patients.ts` and `transitions-plans.ts` (phase 1),
 * `transitions-partners.ts` (where referrals go), `transitions-profiles.ts` (phase 2),
 * `transitions-history.ts` with `transitions-referrals.ts` and `transitions-packets.ts` (phase 3).
 */
import { createPrng } from './prng.ts';
import { createHistoryContext } from './transitions-context.ts';
import { generateEncounters } from './transitions-encounters.ts';
import { writeHistory } from './transitions-history.ts';
import { planReferrals, serviceChooser } from './transitions-partners.ts';
import { assignProfiles } from './transitions-profiles.ts';
import type { DemoTransitionSet } from './transitions-types.ts';
import type { DemoNetwork } from './types.ts';

export { DEMO_HISTORY_MONTHS } from './transitions-context.ts';
export { CLOSE_AFTER_DAYS } from './transitions-history.ts';
export type {
  DemoHandoffPacket,
  DemoHistoryConsent,
  DemoHistoryPatient,
  DemoReferral,
  DemoReferralDisclosure,
  DemoReferralEvent,
  DemoTransition,
  DemoTransitionSet,
  DemoTreatingRelationship,
  PartnerProfile,
  ReferralRole,
} from './transitions-types.ts';

export function generateDemoTransitions(demo: DemoNetwork, now: Date): DemoTransitionSet {
  const rng = createPrng(demo.seed, 'transitions');
  const ctx = createHistoryContext(demo, now);
  // Phase 1: encounters, patients and plans, hospital by hospital, month by month; then the services each
  // encounter's referrals go to.
  const encounters = generateEncounters(rng, ctx);
  const choose = serviceChooser(rng, ctx);
  planReferrals(rng, ctx.nowMs, encounters, choose);
  // Phase 2: a behaviour profile per receiving organization, by volume within its group.
  const profiles = assignProfiles(ctx, encounters);
  // Phase 3: play each referral forward until now; write the rows.
  return writeHistory(rng, ctx, encounters, profiles, choose);
}
