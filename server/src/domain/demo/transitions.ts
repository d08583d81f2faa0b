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
 */
import { localDay } from '../../lib/local-day.ts';
import { nameKey } from '../patients/name-key.ts';
import { haversineKm } from '../directory/geo.ts';
import type { MatchNeed } from '../directory/need.ts';
import type { Findings } from '../directory/reasons.ts';
import { checkEligibility } from '../directory/rules-eligibility.ts';
import { checkOffer } from '../directory/rules-offer.ts';
import type { DirectoryService } from '../directory/service.ts';
import { WEEKDAYS, type OtherNeed, type ServiceKind } from '../directory/vocabulary.ts';
import {
  createZoneClock,
  DAY_MS,
  formatLocalDate,
  MINUTE_MS,
  startOfWallDay,
  wallWeekdayIndex,
  type ZoneClock,
} from '../directory/zoned-time.ts';
import { ackDeadline } from '../transitions/ack-deadline.ts';
import { coverageEnd, INJECTION_DAYS, type MoudPlan } from '../transitions/coverage.ts';
import { checkMove, LINKED, TERMINAL, type Requirement, type Side } from '../transitions/referral-states.ts';
import type {
  CancelReason,
  CareNeed,
  DeclineReason,
  Disposition,
  EncounterType,
  FailureReason,
  Formulation,
  Medication,
  OudIdentifiedBy,
  ReferralStatus,
  TransitionStatus,
  Urgency,
} from '../transitions/vocabulary.ts';
import type {
  AppointmentView,
  ContactView,
  MoudPlanView,
  PacketView,
  ReasonView,
} from '../transitions/views.ts';
import { FIRST_NAMES, LAST_NAMES, LATINO_FIRST_NAMES, LATINO_LAST_NAMES } from './names.ts';
import { HEALTH_SYSTEMS } from './organizations.ts';
import { generateDemoPartnerships } from './partnerships.ts';
import { createPrng, type Prng } from './prng.ts';
import { REGION_ZIPS, type RegionZip } from './region.ts';
import { generateDemoServices, type DemoService } from './services.ts';
import type { DemoMembership, DemoNetwork, DemoOrganization, DemoUser } from './types.ts';

/** How far back the history goes. */
export const DEMO_HISTORY_MONTHS = 18;
/** How often a navigator refers to a fitting partner of the hospital rather than to any fitting service. */
const PARTNER_PREFERENCE = 0.75;
/** A transition whose referrals all ended without a first visit is closed this long after discharge. */
export const CLOSE_AFTER_DAYS = 30;

const HOUR_MS = 3_600_000;
const MONTH_MS = Math.round((365.25 / 12) * DAY_MS);

// ---------------------------------------------------------------------------------------------------------
// Output shapes: the rows of the patient, consent and transition tables, minus what the seeder adds
// (network id where it is the same for every row, derived timestamps).
// ---------------------------------------------------------------------------------------------------------

export interface DemoHistoryPatient {
  id: string;
  holderOrgId: string;
  givenName: string;
  familyName: string;
  nameKey: string;
  birthDate: string;
  sex: 'female' | 'male';
  phones: Array<{ number: string; use: 'mobile'; voicemailOk: boolean; textOk: boolean }>;
  address: { street: string; city: string; state: string; postalCode: string } | null;
  unhoused: boolean;
  preferredLanguage: string;
  insurance: {
    kind: 'medicaid' | 'medicare' | 'commercial' | 'uninsured';
    payerName: string | null;
    memberId: string | null;
  };
  part2: boolean;
  createdBy: string;
  createdAt: Date;
  mrn: string;
}

export interface DemoHistoryConsent {
  id: string;
  patientId: string;
  holderOrgId: string;
  recordedBy: string;
  recordedAt: Date;
  expiresOn: null;
  expiryEvent: string;
  signerName: string;
  signedOn: string;
  language: 'en' | 'es';
  recipients: Array<{ id: string; organizationId: string; revokedAt: null }>;
}

export interface DemoTransition {
  id: string;
  patientId: string;
  hospitalOrgId: string;
  encounterType: EncounterType;
  admittedAt: Date;
  expectedDischargeAt: Date | null;
  dischargedAt: Date | null;
  oudIdentifiedBy: OudIdentifiedBy;
  disposition: Disposition | null;
  navigatorMembershipId: string;
  peerMembershipId: string | null;
  clinicianMembershipId: string | null;
  careNeeds: CareNeed[];
  status: TransitionStatus;
  moudPlan: MoudPlanView;
  coverageEnd: Date | null;
  firstAppointmentAt: Date | null;
  packetVersion: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Why a referral went to this service: the MOUD itself, a backup after a decline, or a support service. */
export type ReferralRole = 'moud' | 'backup' | 'support';

export interface DemoReferral {
  id: string;
  transitionId: string;
  patientId: string;
  senderOrgId: string;
  receiverOrgId: string;
  serviceId: string;
  status: ReferralStatus;
  urgency: Urgency;
  sentAt: Date;
  ackDueAt: Date;
  acknowledgedAt: Date | null;
  appointment: AppointmentView | null;
  appointmentAt: Date | null;
  lastReason: ReasonView | null;
  consentId: string;
  packetVersion: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Not stored: what the referral was for (tests and statistics). */
  role: ReferralRole;
}

export interface DemoReferralEvent {
  referralId: string;
  seq: number;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  side: Side;
  actorMembershipId: string;
  actorOrgId: string;
  at: Date;
  reason: ReasonView | null;
  appointment: AppointmentView | null;
  note: string | null;
}

export interface DemoHandoffPacket {
  transitionId: string;
  version: number;
  content: Omit<PacketView, 'version' | 'createdAt' | 'patient'>;
  createdBy: string;
  createdAt: Date;
}

export interface DemoTreatingRelationship {
  patientId: string;
  organizationId: string;
  basis: 'referral_accepted';
  startedAt: Date;
  endedAt: null;
}

/**
 * A partner's read of a referral under the patient's consent, as the ledger records it (treatment data, for
 * treatment): its intake staff opening the referral and packet before the first answer. (The server also
 * records each later read; the demo keeps one per referral.)
 */
export interface DemoReferralDisclosure {
  id: string;
  patientId: string;
  holderOrgId: string;
  recipientOrgId: string;
  recipientUserId: string;
  consentId: string;
  at: Date;
}

export type PartnerProfile = 'fast' | 'steady' | 'slow' | 'strained';

export interface DemoTransitionSet {
  patients: DemoHistoryPatient[];
  consents: DemoHistoryConsent[];
  transitions: DemoTransition[];
  referrals: DemoReferral[];
  /** Every referral's history, in order (seq from 1). */
  events: DemoReferralEvent[];
  packets: DemoHandoffPacket[];
  treatingRelationships: DemoTreatingRelationship[];
  disclosures: DemoReferralDisclosure[];
  /** Not stored: each receiving organization's behaviour profile. */
  profiles: Record<string, PartnerProfile>;
}

// ---------------------------------------------------------------------------------------------------------
// Behaviour, as data.
// ---------------------------------------------------------------------------------------------------------

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

const TRAITS: Readonly<Record<PartnerProfile, ProfileTraits>> = {
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

/** Services that may continue each medication after the hospital, by kind. */
const MOUD_KINDS: Readonly<Record<Medication, readonly ServiceKind[]>> = {
  buprenorphine: ['obot', 'bridge_clinic', 'fqhc'],
  methadone: ['otp'],
  naltrexone_xr: ['obot', 'fqhc', 'behavioral_health'],
};

const SUPPORT_KIND: Readonly<Partial<Record<OtherNeed, ServiceKind>>> = {
  peer_support: 'peer_support',
  harm_reduction: 'harm_reduction',
  housing: 'recovery_housing',
};

const MEDICAID_PLANS = ['CareSource', 'Buckeye Health Plan', 'Molina Healthcare', 'AmeriHealth Caritas Ohio'];

const DECLINE_TEXT: Readonly<Record<DeclineReason, readonly string[]>> = {
  no_capacity: [
    'No intake slots this week; our waitlist is about two weeks.',
    'Prescriber panel is full until next month.',
    'At capacity: no new admissions this week.',
  ],
  not_eligible: ['Needs a higher level of care than we offer.', 'Outside our age or program criteria.'],
  insurance_not_accepted: [
    'We are not in network with this plan.',
    'No sliding-scale slots left this month.',
  ],
  medication_not_offered: ['Our prescriber is on leave; we cannot continue this medication right now.'],
  outside_service_area: ['The patient lives outside our service area; try a clinic closer to home.'],
  patient_declined: ['Patient told our intake worker they prefer another program.'],
  unable_to_contact: ['Three calls and a text without an answer; voicemail full.'],
  other: ['Duplicate of a referral we already received from the ED.'],
};

const CANCEL_TEXT: Readonly<Record<CancelReason, string>> = {
  patient_declined: 'Patient changed their mind about this program.',
  referred_elsewhere: 'No answer from the partner; referred to another clinic.',
  patient_readmitted: 'Patient readmitted before the appointment.',
  patient_moved: 'Patient moved out of the county.',
  patient_died: 'Patient died.',
  duplicate: 'Sent twice by mistake.',
  other: 'Patient asked us to hold the referral.',
};

const FAILURE_TEXT: Readonly<Record<FailureReason, string>> = {
  unable_to_contact: 'Phone disconnected; no answer to calls or texts for a week.',
  patient_declined: 'Stopped coming after the first visits.',
  repeated_no_show: 'Missed two intake appointments.',
  other: 'Patient incarcerated.',
};

// ---------------------------------------------------------------------------------------------------------
// Generation.
// ---------------------------------------------------------------------------------------------------------

interface Staff {
  navigators: DemoMembership[];
  peers: DemoMembership[];
  clinicians: DemoMembership[];
  intake: DemoMembership[];
}

interface Candidate {
  service: DemoService;
  org: DemoOrganization;
}

interface PlannedReferral {
  role: ReferralRole;
  service: DemoService;
  sentAt: number;
}

/** One encounter being built: everything but the referral outcomes. */
interface Encounter {
  hospital: DemoOrganization;
  hospitalPoint: { lat: number; lon: number };
  patient: DemoHistoryPatient;
  home: { lat: number; lon: number };
  age: number;
  transition: DemoTransition;
  plan: MoudPlan;
  ama: boolean;
  identifiedBy: OudIdentifiedBy;
  consentAt: number;
  /** When the first referral goes out; null: not yet (the navigator is still working on it). */
  firstSentAt: number | null;
  referrals: PlannedReferral[];
  /** Discharge, or the expected one: when the community part of the plan starts. */
  releaseAt: number;
}

export function generateDemoTransitions(demo: DemoNetwork, now: Date): DemoTransitionSet {
  const rng = createPrng(demo.seed, 'transitions');
  const nowMs = now.getTime();
  const startMs = nowMs - DEMO_HISTORY_MONTHS * MONTH_MS;
  const timeZone = demo.network.timezone;
  const clock = createZoneClock(timeZone, startMs - 10 * DAY_MS, nowMs + 90 * DAY_MS);
  if (!clock) throw new Error(`unknown time zone ${timeZone}`);

  const services = generateDemoServices(demo, now);
  const partnerships = generateDemoPartnerships(demo, now).partnerships;
  const orgById = new Map(demo.organizations.map((o) => [o.id, o]));
  const siteById = new Map(demo.sites.map((s) => [s.id, s]));
  const userById = new Map(demo.users.map((u) => [u.id, u]));
  const userOfMembership = new Map(demo.memberships.map((m) => [m.id, m.userId]));
  const firstObot = demo.logins.find((l) => l.email === 'admin.cbo@demo.handoff.test')?.organizationId;
  const firstHospital = demo.logins.find(
    (l) => l.email === 'admin.hospital@demo.handoff.test',
  )?.organizationId;
  // The second OBOT receives nothing: the patients-and-consent walkthrough shares a fresh patient with it and
  // expects to find them in its patient list, which shows only the first 50 shared patients, in no order.
  const secondObot = demo.organizations.filter((o) => o.cboSubtype === 'obot')[1]?.id;
  const staff = staffing(demo);
  const staffOf = (orgId: string): Staff =>
    staff.get(orgId) ?? { navigators: [], peers: [], clinicians: [], intake: [] };

  /** CBO services that can receive referrals (the hospitals' own bridge clinics are not partners). */
  const receivable: Candidate[] = services.flatMap((service) => {
    const org = orgById.get(service.organizationId);
    return org && org.kind === 'cbo' && org.id !== demo.convenerOrganizationId ? [{ service, org }] : [];
  });

  const set: DemoTransitionSet = {
    patients: [],
    consents: [],
    transitions: [],
    referrals: [],
    events: [],
    packets: [],
    treatingRelationships: [],
    disclosures: [],
    profiles: {},
  };

  // Phase 1: encounters, patients and plans, hospital by hospital, month by month.
  const encounters: Encounter[] = [];
  const hospitals = demo.organizations.filter((o) => o.kind === 'hospital');
  for (const hospital of hospitals) {
    const team = staffOf(hospital.id);
    if (team.navigators.length === 0) continue;
    const site = demo.sites.find((s) => s.organizationId === hospital.id);
    if (!site) continue;
    const hospitalPoint = { lat: site.latitude, lon: site.longitude };
    const nearby = [...REGION_ZIPS]
      .sort((a, b) => distance(hospitalPoint, a) - distance(hospitalPoint, b))
      .slice(0, 7);
    const spanish = HEALTH_SYSTEMS.some((s) =>
      s.hospitals.some((h) => h.slug === hospital.slug && h.spanish),
    );
    const mrns = new Set<string>();
    const people = new Set<string>();
    const seen: {
      patient: DemoHistoryPatient;
      lastAt: number;
      home: { lat: number; lon: number };
      age: number;
    }[] = [];
    const base = rng.float(8.5, 12);
    for (let month = 0; month < DEMO_HISTORY_MONTHS; month++) {
      const growth = 0.85 + (0.3 * month) / (DEMO_HISTORY_MONTHS - 1);
      const total = clamp(Math.round(base * growth + rng.float(-1.5, 1.5)), 6, 14);
      const inpatient = Math.round(total * rng.float(0.25, 0.38));
      const observation = rng.chance(0.4) ? 1 : 0;
      const types: EncounterType[] = Array.from({ length: total }, (_, i) =>
        i < inpatient ? 'inpatient' : i < inpatient + observation ? 'observation' : 'ed',
      );
      const admissions = types
        .map((type) => ({ type, at: toMinute(startMs + month * MONTH_MS + rng.next() * MONTH_MS) }))
        .sort((a, b) => a.at - b.at);
      for (const { type, at } of admissions) {
        if (at > nowMs - 2 * HOUR_MS) continue;
        // A returning patient (a readmission) now and then; otherwise a new one.
        const returning = rng.chance(0.12) ? seen.filter((s) => s.lastAt < at - 21 * DAY_MS) : [];
        let who = returning.length > 0 ? rng.pick(returning) : undefined;
        if (!who) {
          const made = makePatient(rng, { hospital, nearby, spanish, at, team, mrns, people });
          who = { ...made, lastAt: at };
          seen.push(who);
        }
        who.lastAt = at;
        const encounter = makeEncounter(rng, {
          hospital,
          hospitalPoint,
          team,
          patient: who.patient,
          home: who.home,
          age: who.age + Math.floor((at - who.patient.createdAt.getTime()) / (365.25 * DAY_MS)),
          type,
          admittedAt: at,
          nowMs,
          timeZone,
          clock,
        });
        if (encounter) encounters.push(encounter);
      }
    }
  }

  // Which services fit a patient, preferring the hospital's partners in force at the time.
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
  const choose = (
    e: Encounter,
    kinds: readonly ServiceKind[],
    otherNeed: OtherNeed | undefined,
    atMs: number,
    exclude: ReadonlySet<string>,
  ): DemoService | undefined => {
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

  // The services each encounter's referrals go to: the MOUD first, then peer support, harm reduction or housing.
  for (const e of encounters) {
    const firstSent = e.firstSentAt;
    if (firstSent === null) continue;
    const moud = choose(e, MOUD_KINDS[e.plan.medication], undefined, firstSent, new Set());
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

  // Phase 2: a behaviour profile per receiving organization, by volume within its group.
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
      set.profiles[org.id] =
        org.cboSubtype === 'recovery_housing' ? 'slow' : (order[i % order.length] ?? 'steady');
    });
  }

  // Phase 3: play each referral forward until now; write the rows.
  const related = new Map<string, DemoTreatingRelationship>();
  for (const e of encounters) {
    const t = e.transition;
    const hospitalTeam = staffOf(e.hospital.id);
    const navigator =
      hospitalTeam.navigators.find((m) => m.id === t.navigatorMembershipId) ?? hospitalTeam.navigators[0];
    if (!navigator) continue;
    const consentId = rng.uuid();
    const queue = [...e.referrals];
    const referrals: { row: DemoReferral; events: DemoReferralEvent[] }[] = [];
    let backupSent = false;
    while (queue.length > 0) {
      const planned = queue.shift() as PlannedReferral;
      const org = orgById.get(planned.service.organizationId);
      if (!org) continue;
      const played = playReferral(rng, {
        planned,
        org,
        profile: set.profiles[org.id] ?? 'steady',
        encounter: e,
        navigator,
        senders: hospitalTeam.navigators,
        intake: staffOf(org.id).intake,
        site: siteById.get(planned.service.siteId),
        consentId,
        nowMs,
        clock,
      });
      referrals.push(played);
      // A declined or unanswered MOUD referral: the navigator tries a backup service (once).
      const last = played.events[played.events.length - 1];
      const wantsBackup =
        planned.role === 'moud' &&
        !backupSent &&
        last !== undefined &&
        (last.toStatus === 'declined' ||
          (last.toStatus === 'cancelled' && last.reason?.code === 'referred_elsewhere'));
      if (wantsBackup && rng.chance(0.7)) {
        const sentAt = last.at.getTime() + rng.int(30, 20 * 60) * MINUTE_MS;
        const exclude = new Set(referrals.map((r) => r.row.receiverOrgId));
        const backup = choose(e, MOUD_KINDS[e.plan.medication], undefined, sentAt, exclude);
        if (backup && sentAt <= nowMs) {
          queue.push({ role: 'backup', service: backup, sentAt });
          backupSent = true;
        }
      }
    }

    // The consent names exactly the organizations the referrals went to, recorded before the first one.
    if (referrals.length > 0) {
      const receiversInOrder = [...new Set(referrals.map((r) => r.row.receiverOrgId))];
      set.consents.push({
        id: consentId,
        patientId: e.patient.id,
        holderOrgId: e.hospital.id,
        recordedBy: navigator.userId,
        recordedAt: new Date(e.consentAt),
        expiresOn: null,
        expiryEvent: 'end of treatment',
        signerName: `${e.patient.givenName} ${e.patient.familyName}`,
        signedOn: localDay(new Date(e.consentAt), timeZone),
        language: e.patient.preferredLanguage === 'es' ? 'es' : 'en',
        recipients: receiversInOrder.map((organizationId) => ({
          id: rng.uuid(),
          organizationId,
          revokedAt: null,
        })),
      });
    }

    // Transition status, appointment and coverage fields, from the referrals as they stand now.
    const linked = referrals.some((r) =>
      r.events.some((ev) => (LINKED as readonly string[]).includes(ev.toStatus)),
    );
    const allEnded = referrals.every((r) => (TERMINAL as readonly string[]).includes(r.row.status));
    const releasedLongAgo = e.releaseAt < nowMs - CLOSE_AFTER_DAYS * DAY_MS;
    t.status = linked ? 'linked' : allEnded && releasedLongAgo ? 'closed' : 'open';
    const booked = referrals
      .filter((r) => r.row.status === 'scheduled' && r.row.appointmentAt)
      .map((r) => (r.row.appointmentAt as Date).getTime());
    t.firstAppointmentAt = booked.length > 0 ? new Date(Math.min(...booked)) : null;
    const lastEventAt = Math.max(
      t.createdAt.getTime(),
      t.dischargedAt?.getTime() ?? 0,
      ...referrals.flatMap((r) => r.events.map((ev) => ev.at.getTime())),
    );
    t.updatedAt = new Date(Math.min(nowMs, lastEventAt));
    t.version = 1 + (t.dischargedAt ? 1 : 0) + (t.status === 'open' ? 0 : 1);

    // One packet version, written when the transition was created, with the content as it stands now (what
    // the server's refresh would write: it adds a version only when that content changes).
    t.packetVersion = 1;
    set.packets.push({
      transitionId: t.id,
      version: 1,
      content: packetContent(e, hospitalTeam, userById),
      createdBy: navigator.userId,
      createdAt: t.createdAt,
    });
    set.transitions.push(t);
    for (const { row, events } of referrals) {
      set.referrals.push(row);
      set.events.push(...events);
      // The ledger: the partner's intake opened the referral and its packet before answering.
      const answer = events.find((ev) => ev.side === 'receiver');
      const reader = answer ? userOfMembership.get(answer.actorMembershipId) : undefined;
      if (answer && reader) {
        set.disclosures.push({
          id: rng.uuid(),
          patientId: row.patientId,
          holderOrgId: row.senderOrgId,
          recipientOrgId: row.receiverOrgId,
          recipientUserId: reader,
          consentId,
          at: new Date(
            Math.max(row.createdAt.getTime() + MINUTE_MS, answer.at.getTime() - rng.int(1, 10) * MINUTE_MS),
          ),
        });
      }
      const acceptance = events.find((ev) => ev.toStatus === 'accepted' || ev.toStatus === 'scheduled');
      const key = `${row.patientId}|${row.receiverOrgId}`;
      if (acceptance && !related.has(key)) {
        related.set(key, {
          patientId: row.patientId,
          organizationId: row.receiverOrgId,
          basis: 'referral_accepted',
          startedAt: acceptance.at,
          endedAt: null,
        });
      }
    }
  }
  set.treatingRelationships = [...related.values()];
  // The patients with at least one transition, in order of their first.
  set.patients = [...new Map(encounters.map((e) => [e.patient.id, e.patient])).values()];
  return set;
}

// ---------------------------------------------------------------------------------------------------------
// Patients and encounters.
// ---------------------------------------------------------------------------------------------------------

function staffing(demo: DemoNetwork): Map<string, Staff> {
  const out = new Map<string, Staff>();
  for (const m of demo.memberships) {
    const s = out.get(m.organizationId) ?? { navigators: [], peers: [], clinicians: [], intake: [] };
    if (m.roles.includes('navigator')) s.navigators.push(m);
    if (m.roles.includes('peer_specialist')) s.peers.push(m);
    if (m.roles.includes('clinician')) s.clinicians.push(m);
    if (m.roles.includes('cbo_intake')) s.intake.push(m);
    out.set(m.organizationId, s);
  }
  // Organizations without intake staff answer through their liaison or anyone else.
  for (const m of demo.memberships) {
    const s = out.get(m.organizationId);
    if (s && s.intake.length === 0 && m.roles.includes('liaison')) s.intake.push(m);
  }
  for (const m of demo.memberships) {
    const s = out.get(m.organizationId);
    if (s && s.intake.length === 0) s.intake.push(m);
  }
  return out;
}

function makePatient(
  rng: Prng,
  input: {
    hospital: DemoOrganization;
    nearby: readonly RegionZip[];
    spanish: boolean;
    at: number;
    team: Staff;
    mrns: Set<string>;
    people: Set<string>;
  },
): { patient: DemoHistoryPatient; home: { lat: number; lon: number }; age: number } {
  const { hospital } = input;
  const latino = rng.chance(input.spanish ? 0.55 : 0.14);
  const age = Math.round(clamp(rng.float(19, 45) + rng.float(0, 20) * rng.next(), 19, 64));
  const year = new Date(input.at).getUTCFullYear() - age - 1;
  const birthDate = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  let givenName = '';
  let familyName = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    givenName = rng.pick(latino ? LATINO_FIRST_NAMES : FIRST_NAMES);
    familyName = rng.pick(latino ? LATINO_LAST_NAMES : LAST_NAMES);
    if (!input.people.has(`${nameKey(givenName, familyName)}|${birthDate}`)) break;
  }
  input.people.add(`${nameKey(givenName, familyName)}|${birthDate}`);
  const unhoused = rng.chance(0.25);
  const zip = rng.pick(input.nearby);
  const street = rng.pick(zip.streets);
  const insuranceRoll = rng.next();
  const insurance: DemoHistoryPatient['insurance'] =
    insuranceRoll < 0.72
      ? {
          kind: 'medicaid',
          payerName: rng.pick(MEDICAID_PLANS),
          memberId: `M${rng.int(1_000_000, 9_999_999)}`,
        }
      : insuranceRoll < 0.9
        ? { kind: 'uninsured', payerName: null, memberId: null }
        : insuranceRoll < 0.97
          ? {
              kind: 'commercial',
              payerName: 'Lakeshore Health Plan',
              memberId: `L${rng.int(1_000_000, 9_999_999)}`,
            }
          : {
              kind: 'medicare',
              payerName: 'Medicare',
              memberId: `${rng.int(1, 9)}EG${rng.int(1000, 9999)}MK${rng.int(10, 99)}`,
            };
  // Seven digits: never the same as a hand-made patient's six-digit MRN.
  const newMrn = () => `${hospital.slug.slice(0, 3).toUpperCase()}-${rng.int(1_000_000, 9_999_999)}`;
  let mrn = newMrn();
  while (input.mrns.has(mrn)) mrn = newMrn();
  input.mrns.add(mrn);
  const registrar = rng.pick(input.team.navigators);
  const patient: DemoHistoryPatient = {
    id: rng.uuid(),
    holderOrgId: hospital.id,
    givenName,
    familyName,
    nameKey: nameKey(givenName, familyName),
    birthDate,
    sex: rng.chance(0.66) ? 'male' : 'female',
    phones: [
      {
        number: `+1 ${zip.areaCode} 555 01${pad(rng.int(0, 99))}`,
        use: 'mobile',
        voicemailOk: rng.chance(0.5),
        textOk: rng.chance(0.75),
      },
    ],
    address: unhoused
      ? null
      : {
          street: `${rng.int(street.from, street.to)} ${street.name}`,
          city: zip.city,
          state: 'OH',
          postalCode: zip.zip,
        },
    unhoused,
    preferredLanguage: latino && rng.chance(0.55) ? 'es' : 'en',
    insurance,
    part2: hospital.part2Program,
    createdBy: registrar.userId,
    createdAt: new Date(input.at),
    mrn,
  };
  return { patient, home: { lat: zip.latitude, lon: zip.longitude }, age };
}

function makeEncounter(
  rng: Prng,
  input: {
    hospital: DemoOrganization;
    hospitalPoint: { lat: number; lon: number };
    team: Staff;
    patient: DemoHistoryPatient;
    home: { lat: number; lon: number };
    age: number;
    type: EncounterType;
    admittedAt: number;
    nowMs: number;
    timeZone: string;
    clock: ZoneClock;
  },
): Encounter | undefined {
  const { type, admittedAt: admitted, nowMs, patient } = input;
  const inpatient = type === 'inpatient';
  const ama = rng.chance(inpatient ? 0.16 : type === 'observation' ? 0.1 : 0.07);
  const identifiedBy = weighted<OudIdentifiedBy>(
    rng,
    inpatient
      ? [
          ['clinician', 45],
          ['screening', 25],
          ['adt_diagnosis', 15],
          ['self_report', 10],
          ['overdose', 5],
        ]
      : [
          ['overdose', 30],
          ['clinician', 35],
          ['screening', 15],
          ['self_report', 12],
          ['adt_diagnosis', 8],
        ],
  );

  // Length of stay and the first dose.
  const stayHours = inpatient
    ? ama
      ? rng.float(20, 72)
      : rng.float(48, 216)
    : type === 'observation'
      ? rng.float(18, 40)
      : rng.float(4, 16);
  const firstDose = toMinute(admitted + (inpatient ? rng.float(3, 20) : rng.float(1, 4)) * HOUR_MS);
  const discharge = toMinute(Math.max(admitted + stayHours * HOUR_MS, firstDose + 1.5 * HOUR_MS));
  // The navigator records the transition once MOUD has been started.
  const created = toMinute(
    Math.max(
      admitted + (inpatient ? rng.float(2, 28) : rng.float(0.5, 3)) * HOUR_MS,
      firstDose + 10 * MINUTE_MS,
    ),
  );
  if (created > nowMs) return undefined;

  // When the navigator gets consent and sends: in the ED right after the first dose (now and then the next
  // morning, after discharge); on the ward part-way through the stay.
  let sent: number;
  if (inpatient)
    sent =
      Math.max(admitted + rng.float(0.35, 0.85) * (discharge - admitted), created, firstDose) +
      rng.float(0.5, 2) * HOUR_MS;
  else if (rng.chance(0.15)) sent = nextMorning(input.clock, discharge, rng);
  else
    sent = Math.min(Math.max(created, firstDose) + rng.float(0.5, 2.5) * HOUR_MS, discharge - 10 * MINUTE_MS);
  sent = toMinute(Math.max(sent, created + 20 * MINUTE_MS, firstDose + 20 * MINUTE_MS));
  // Consent is signed in the hospital, before the referral goes out.
  const consentAt = toMinute(
    Math.max(created + 5 * MINUTE_MS, Math.min(sent, discharge) - rng.float(10, 90) * MINUTE_MS),
  );

  const plan = makePlan(rng, { inpatient, admitted, firstDose, discharge, ama });
  const discharged = discharge <= nowMs;
  const expected = inpatient ? toMinute(discharge + (ama ? rng.float(24, 96) * HOUR_MS : 0)) : null;
  // The plan as it stands now: a patient still in hospital has had the doses up to now only.
  const planNow = planAsOf(plan, Math.min(discharge, nowMs));
  const disposition: Disposition | null = !discharged
    ? null
    : ama
      ? 'ama'
      : patient.unhoused
        ? rng.chance(0.5)
          ? 'shelter'
          : 'street'
        : weighted<Disposition>(rng, [
            ['home', 88],
            ['residential_treatment', 4],
            ['post_acute', inpatient ? 4 : 0],
            ['correctional', 1],
            ['other', 3],
          ]);
  const careNeeds: CareNeed[] = [];
  if (patient.unhoused || rng.chance(0.05)) careNeeds.push('housing');
  if (rng.chance(0.3)) careNeeds.push('transportation');
  if (rng.chance(patient.unhoused ? 0.45 : 0.15)) careNeeds.push('phone');
  if (patient.insurance.kind === 'uninsured') careNeeds.push('insurance_enrollment');
  if (rng.chance(0.3)) careNeeds.push('mental_health');
  if (rng.chance(patient.unhoused ? 0.3 : 0.08)) careNeeds.push('food');
  if (patient.unhoused && rng.chance(0.3)) careNeeds.push('identification');
  if (rng.chance(0.06)) careNeeds.push('wound_care');

  const navigator = rng.pick(input.team.navigators);
  const peer = input.team.peers.length > 0 && rng.chance(0.6) ? rng.pick(input.team.peers) : undefined;
  const clinician = input.team.clinicians.length > 0 ? rng.pick(input.team.clinicians) : undefined;
  const dischargedAt = discharged ? new Date(discharge) : null;
  const expectedDischargeAt = expected !== null ? new Date(expected) : null;
  const transition: DemoTransition = {
    id: rng.uuid(),
    patientId: patient.id,
    hospitalOrgId: input.hospital.id,
    encounterType: type,
    admittedAt: new Date(admitted),
    expectedDischargeAt,
    dischargedAt,
    oudIdentifiedBy: identifiedBy,
    disposition,
    navigatorMembershipId: navigator.id,
    peerMembershipId: peer?.id ?? null,
    clinicianMembershipId: clinician?.id ?? null,
    careNeeds,
    status: 'open',
    moudPlan: planView(planNow),
    coverageEnd: coverageEnd({ plan: planNow, dischargedAt, expectedDischargeAt, timeZone: input.timeZone }),
    firstAppointmentAt: null,
    packetVersion: 0,
    version: 1,
    createdBy: navigator.userId,
    createdAt: new Date(created),
    updatedAt: new Date(created),
  };
  return {
    hospital: input.hospital,
    hospitalPoint: input.hospitalPoint,
    patient,
    home: patient.unhoused ? input.hospitalPoint : input.home,
    age: input.age,
    transition,
    plan,
    ama,
    identifiedBy,
    consentAt,
    firstSentAt: sent <= nowMs ? sent : null,
    referrals: [],
    releaseAt: discharge,
  };
}

function makePlan(
  rng: Prng,
  input: { inpatient: boolean; admitted: number; firstDose: number; discharge: number; ama: boolean },
): MoudPlan {
  const { inpatient, firstDose, discharge } = input;
  const roll = rng.next();
  const methadoneShare = inpatient ? 0.2 : 0.11;
  const naloxoneGiven = rng.chance(0.86);
  /** The last of the daily doses given from the first one, at least an hour before discharge. */
  const lastDaily = () => {
    const days = Math.max(0, Math.floor((discharge - HOUR_MS - firstDose) / DAY_MS));
    return firstDose + days * DAY_MS;
  };
  if (roll < methadoneShare) {
    const mg = inpatient ? rng.pick([30, 40, 40, 50, 60]) : rng.pick([20, 30, 30, 40]);
    return {
      medication: 'methadone',
      formulation: 'oral_liquid',
      dose: `${mg} mg daily`,
      firstDoseAt: new Date(firstDose),
      lastDoseAt: new Date(inpatient ? lastDaily() : firstDose),
      bridge: { kind: 'methadone_72h', days: null, doses: rng.pick([1, 2, 2, 3, 3]) },
      naloxoneGiven,
      notes: rng.chance(0.3) ? 'Dispensed under the 72-hour rule while linking to an OTP.' : null,
    };
  }
  if (roll < methadoneShare + 0.035) {
    const weekly = rng.chance(0.6);
    const formulation: Formulation = weekly ? 'er_injection_weekly' : 'er_injection_monthly';
    return {
      medication: 'buprenorphine',
      formulation,
      dose: weekly ? '24 mg weekly injection' : '300 mg monthly injection',
      firstDoseAt: new Date(firstDose),
      lastDoseAt: new Date(firstDose),
      bridge: { kind: 'injection', days: null, doses: null },
      naloxoneGiven,
      notes: 'Tolerated a sublingual test dose before the injection.',
    };
  }
  if (roll < methadoneShare + 0.035 + (inpatient ? 0.05 : 0.01)) {
    return {
      medication: 'naltrexone_xr',
      formulation: 'er_injection_monthly',
      dose: '380 mg monthly injection',
      firstDoseAt: new Date(firstDose),
      lastDoseAt: new Date(firstDose),
      bridge: { kind: 'injection', days: null, doses: null },
      naloxoneGiven,
      notes: 'Opioid-free for more than 7 days; naloxone challenge negative.',
    };
  }
  const mg = rng.pick([8, 12, 16, 16, 16, 24, 24]);
  const days = inpatient ? rng.pick([3, 5, 7, 7, 10, 14, 14]) : rng.pick([3, 3, 5, 7, 7, 7, 7, 10, 14]);
  const edSecondDose = !inpatient && rng.chance(0.4) ? toMinute(rng.float(1, 3) * HOUR_MS) : 0;
  return {
    medication: 'buprenorphine',
    formulation: rng.chance(0.88) ? 'sublingual_film' : 'sublingual_tablet',
    dose: `${mg} mg daily`,
    firstDoseAt: new Date(firstDose),
    lastDoseAt: new Date(
      inpatient ? lastDaily() : Math.min(firstDose + edSecondDose, discharge - 30 * MINUTE_MS),
    ),
    bridge: { kind: 'prescription', days, doses: null },
    naloxoneGiven,
    notes: null,
  };
}

/** The plan as it stood at `at`: daily doses given after `at` are not yet given. */
function planAsOf(plan: MoudPlan, at: number): MoudPlan {
  const last = plan.lastDoseAt?.getTime();
  const first = plan.firstDoseAt?.getTime();
  if (
    last === undefined ||
    first === undefined ||
    last <= at ||
    INJECTION_DAYS[plan.formulation] !== undefined
  ) {
    return plan;
  }
  const days = Math.max(0, Math.floor((at - first) / DAY_MS));
  return { ...plan, lastDoseAt: new Date(Math.min(last, first + days * DAY_MS)) };
}

function planView(plan: MoudPlan): MoudPlanView {
  return {
    medication: plan.medication,
    formulation: plan.formulation,
    dose: plan.dose,
    firstDoseAt: plan.firstDoseAt?.toISOString() ?? null,
    lastDoseAt: plan.lastDoseAt?.toISOString() ?? null,
    bridge: { ...plan.bridge },
    naloxoneGiven: plan.naloxoneGiven,
    notes: plan.notes,
  };
}

/** The packet content of a transition as it stands (the same fields, in the same form, as the server's refresh). */
function packetContent(
  e: Encounter,
  team: Staff,
  userById: ReadonlyMap<string, DemoUser>,
): DemoHandoffPacket['content'] {
  const t = e.transition;
  const members = [...team.navigators, ...team.peers, ...team.clinicians];
  const contact = (membershipId: string | null, role: string): ContactView[] => {
    const m = members.find((x) => x.id === membershipId);
    const u = m ? userById.get(m.userId) : undefined;
    return u ? [{ name: u.displayName, role, email: u.email }] : [];
  };
  return {
    hospital: { id: e.hospital.id, name: e.hospital.name },
    encounterType: t.encounterType,
    dischargedAt: t.dischargedAt?.toISOString() ?? null,
    expectedDischargeAt: t.expectedDischargeAt?.toISOString() ?? null,
    moudPlan: t.moudPlan,
    coverageEnd: t.coverageEnd?.toISOString() ?? null,
    careNeeds: [...t.careNeeds],
    senderContacts: [
      ...contact(t.navigatorMembershipId, 'navigator'),
      ...contact(t.peerMembershipId, 'peer_specialist'),
      ...contact(t.clinicianMembershipId, 'clinician'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Referral outcomes.
// ---------------------------------------------------------------------------------------------------------

interface PlayInput {
  planned: PlannedReferral;
  org: DemoOrganization;
  profile: PartnerProfile;
  encounter: Encounter;
  navigator: DemoMembership;
  senders: readonly DemoMembership[];
  intake: readonly DemoMembership[];
  site: { name: string; street: string; city: string } | undefined;
  consentId: string;
  nowMs: number;
  clock: ZoneClock;
}

/** Ends the story of a referral: it reached an end, or its next move would come after `now`. */
class Cut extends Error {}

function playReferral(rng: Prng, input: PlayInput): { row: DemoReferral; events: DemoReferralEvent[] } {
  const { planned, org, encounter: e, nowMs, clock } = input;
  const service = planned.service;
  const traits = TRAITS[input.profile];
  const t = e.transition;
  const events: DemoReferralEvent[] = [];
  const id = rng.uuid();
  const receiver = input.intake.length > 0 ? rng.pick(input.intake) : undefined;
  const everyDay = Boolean(service.intakeHours?.sat || service.intakeHours?.sun);
  let status: ReferralStatus | null = null;
  let appointment: AppointmentView | null = null;
  let lastReason: ReasonView | null = null;

  const emit = (
    to: ReferralStatus,
    side: Side,
    atMs: number,
    extra: { reason?: ReasonView; appointment?: AppointmentView; note?: string } = {},
  ) => {
    const previous = events[events.length - 1];
    const at = Math.max(toMinute(atMs), previous ? previous.at.getTime() + MINUTE_MS : 0);
    if (at > nowMs) throw new Cut();
    const provided = new Set<Requirement>();
    if (extra.reason)
      provided.add(
        to === 'declined' ? 'decline_reason' : to === 'cancelled' ? 'cancel_reason' : 'failure_reason',
      );
    if (extra.appointment) provided.add('appointment');
    if (extra.note) provided.add('note');
    const check = checkMove(status ?? 'draft', to, side, provided);
    if (!check.ok) throw new Error(`demo referral move ${status ?? 'draft'} → ${to} by ${side} is not legal`);
    const actor =
      side === 'sender'
        ? rng.chance(0.8)
          ? input.navigator
          : rng.pick(input.senders)
        : receiver && rng.chance(0.85)
          ? receiver
          : rng.pick(input.intake.length > 0 ? input.intake : [input.navigator]);
    events.push({
      referralId: id,
      seq: events.length + 1,
      fromStatus: status,
      toStatus: to,
      side,
      actorMembershipId: actor.id,
      actorOrgId: actor.organizationId,
      at: new Date(at),
      reason: extra.reason ?? null,
      appointment: extra.appointment ?? null,
      note: extra.note ?? null,
    });
    status = to;
    if (extra.appointment) appointment = extra.appointment;
    if (extra.reason) lastReason = extra.reason;
    return at;
  };
  const working = (ms: number) => workingTime(clock, ms, everyDay, rng);
  /** An appointment at the first intake opening at or after `earliest`. */
  const book = (earliest: number): AppointmentView => {
    const at = intakeSlot(clock, service, earliest, rng);
    return {
      at: new Date(at).toISOString(),
      place: input.site ? `${input.site.name}, ${input.site.street}, ${input.site.city}` : null,
      notes: rng.chance(0.35)
        ? rng.pick(
            service.kind === 'otp'
              ? [
                  'Arrive 30 minutes early for intake and the first dose.',
                  'Bring photo ID; intake takes about three hours.',
                ]
              : [
                  'Bring photo ID and insurance card.',
                  'Ask for the intake coordinator at the front desk.',
                  'Peer will meet the patient in the lobby.',
                ],
          )
        : null,
    };
  };
  const reason = (code: string, text: string): ReasonView => ({ code, text });
  /** The first visit offered: the profile's lead time after discharge, never sooner than 2 hours from booking. */
  const firstVisit = (bookingAt: number) =>
    book(
      Math.max(
        bookingAt + 2 * HOUR_MS,
        e.releaseAt + rng.int(traits.leadDays[0], traits.leadDays[1]) * DAY_MS + rng.float(0, 6) * HOUR_MS,
      ),
    );

  const urgent =
    e.plan.medication === 'methadone' || e.ama || e.identifiedBy === 'overdose'
      ? rng.chance(0.5)
      : rng.chance(0.08);
  const urgency: Urgency = planned.role === 'support' ? 'routine' : urgent ? 'urgent' : 'routine';
  const deadlineFrom = (at: Date) =>
    ackDeadline({
      sentAt: at,
      urgency,
      promise: service.acknowledgement,
      timeZone: service.timezone,
      holidays: service.holidays,
    });
  const hardToReach = (e.patient.unhoused ? 0.12 : 0) + (e.ama ? 0.1 : 0);
  // Created and sent at once (planned times are never after now).
  const sentAt = emit(
    'sent',
    'sender',
    planned.sentAt,
    planned.role === 'backup'
      ? { note: 'Backup referral after the first partner could not take the patient.' }
      : {},
  );
  const ackDueAt = deadlineFrom(new Date(sentAt));

  try {
    // The hospital withdraws before any answer (rare), or the partner never answers.
    if (rng.chance(0.015)) {
      const code = rng.pick<CancelReason>(['patient_readmitted', 'duplicate', 'patient_declined']);
      emit('cancelled', 'sender', sentAt + rng.float(1, 30) * HOUR_MS, {
        reason: reason(code, CANCEL_TEXT[code]),
      });
      throw new Cut();
    }
    if (rng.chance(traits.silent)) {
      emit('cancelled', 'sender', ackDueAt.getTime() + rng.float(1, 5) * DAY_MS, {
        reason: reason('referred_elsewhere', CANCEL_TEXT.referred_elsewhere),
      });
      throw new Cut();
    }

    let answerAt = working(sentAt + rng.float(traits.ackHours[0], traits.ackHours[1]) * HOUR_MS);
    const declineChance =
      traits.decline +
      (e.patient.insurance.kind === 'uninsured' ? 0.05 : 0) +
      (planned.role === 'support' ? -0.03 : 0);
    if (rng.chance(declineChance)) {
      const code: DeclineReason =
        input.profile === 'strained' && rng.chance(0.85)
          ? 'no_capacity'
          : weighted<DeclineReason>(rng, [
              ['not_eligible', 20],
              ['insurance_not_accepted', e.patient.insurance.kind === 'uninsured' ? 30 : 10],
              ['unable_to_contact', 20 + hardToReach * 100],
              ['patient_declined', 15],
              ['outside_service_area', 8],
              ['no_capacity', 10],
              ['other', 4],
            ]);
      answerAt = emit('declined', 'receiver', answerAt, {
        reason: reason(code, rng.pick(DECLINE_TEXT[code])),
      });
      if (!rng.chance(0.04)) throw new Cut();
      // Declined by mistake: the partner reopens it and carries on.
      answerAt = emit('sent', 'receiver', answerAt + rng.float(1, 5) * HOUR_MS, {
        note: 'Reopened: a slot opened up after all.',
      });
    }

    // Accept (and book now or later), or accept and then lose the patient before booking.
    let bookedAt: number;
    let visit: AppointmentView;
    if (rng.chance(traits.bookAtOnce)) {
      visit = firstVisit(answerAt);
      bookedAt = emit('scheduled', 'receiver', answerAt, { appointment: visit });
    } else {
      const acceptedAt = emit(
        'accepted',
        'receiver',
        answerAt,
        rng.chance(0.2) ? { note: 'Intake will call the patient today.' } : {},
      );
      if (rng.chance(0.05 + hardToReach + (e.plan.medication === 'methadone' ? 0.05 : 0))) {
        emit('failed', 'receiver', working(acceptedAt + rng.float(3, 10) * DAY_MS), {
          reason: reason('unable_to_contact', FAILURE_TEXT.unable_to_contact),
        });
        throw new Cut();
      }
      if (rng.chance(0.015)) {
        emit('declined', 'receiver', working(acceptedAt + rng.float(4, 48) * HOUR_MS), {
          reason: reason('not_eligible', 'Intake assessment: needs residential treatment first.'),
        });
        throw new Cut();
      }
      const when = working(acceptedAt + rng.float(2, 30) * HOUR_MS);
      visit = firstVisit(when);
      bookedAt = emit('scheduled', 'receiver', when, { appointment: visit });
    }

    for (let attempt = 0; ; attempt++) {
      let visitAt = Date.parse(visit.at);
      // The partner moves the appointment now and then.
      if (rng.chance(0.07) && visitAt - bookedAt > 6 * HOUR_MS) {
        const movedAt = bookedAt + rng.float(0.2, 0.8) * (visitAt - bookedAt);
        visit = book(visitAt + rng.int(1, 3) * DAY_MS);
        bookedAt = emit('scheduled', 'receiver', movedAt, {
          appointment: visit,
          note: 'Provider out sick; moved to the next opening.',
        });
        visitAt = Date.parse(visit.at);
      }
      // The hospital cancels a booked visit (rare).
      if (rng.chance(0.015)) {
        const code = rng.pick<CancelReason>([
          'patient_readmitted',
          'patient_moved',
          'referred_elsewhere',
          'patient_died',
        ]);
        emit('cancelled', 'sender', bookedAt + rng.float(0.1, 0.9) * (visitAt - bookedAt), {
          reason: reason(code, CANCEL_TEXT[code]),
        });
        throw new Cut();
      }
      const coverage = t.coverageEnd?.getTime();
      let attend =
        0.82 +
        traits.attend -
        0.015 * Math.max(0, (visitAt - e.releaseAt) / DAY_MS - 4) -
        (e.plan.medication === 'methadone' ? 0.14 : 0) -
        (e.patient.unhoused ? 0.12 : 0) -
        (e.ama ? 0.12 : 0) -
        (coverage !== undefined && visitAt > coverage ? 0.06 : 0) +
        (planned.role === 'support' ? 0.04 : 0);
      if (attempt > 0) attend -= 0.12;
      const reportedAt = visitAt + rng.float(0.5, 6) * HOUR_MS;
      if (rng.chance(clamp(attend, 0.2, 0.95))) {
        emit(
          'attended',
          'receiver',
          reportedAt,
          rng.chance(0.25) ? { note: attendedNote(service.kind) } : {},
        );
        // Still in treatment a month later, or left at `attended` (not `failed`: the server's refresh would
        // then take the transition's link away, though the first visit did happen).
        if (rng.chance(0.62)) emit('engaged', 'receiver', visitAt + rng.float(28, 35) * DAY_MS);
        throw new Cut();
      }
      const missedAt = emit('no_show', 'receiver', reportedAt);
      const rebook = attempt < 2 && rng.chance((e.patient.unhoused ? 0.4 : 0.55) - attempt * 0.2);
      if (!rebook) {
        const code: FailureReason = attempt > 0 ? 'repeated_no_show' : 'unable_to_contact';
        emit('failed', 'receiver', working(missedAt + rng.float(3, 10) * DAY_MS), {
          reason: reason(code, FAILURE_TEXT[code]),
        });
        throw new Cut();
      }
      const when = working(missedAt + rng.float(4, 48) * HOUR_MS);
      visit = book(when + rng.float(1, 6) * DAY_MS);
      bookedAt = emit('scheduled', 'receiver', when, {
        appointment: visit,
        note: 'Rebooked after the missed visit.',
      });
    }
  } catch (error) {
    if (!(error instanceof Cut)) throw error;
  }

  const first = events[0] as DemoReferralEvent;
  const last = events[events.length - 1] as DemoReferralEvent;
  const answered = events.find((ev) => ev.side === 'receiver');
  // Reopening sends it again: a new sending time and acknowledgement deadline (as the server does).
  const lastSent = events.filter((ev) => ev.toStatus === 'sent').pop() ?? first;
  const row: DemoReferral = {
    id,
    transitionId: t.id,
    patientId: e.patient.id,
    senderOrgId: e.hospital.id,
    receiverOrgId: org.id,
    serviceId: service.id,
    status: last.toStatus,
    urgency,
    sentAt: lastSent.at,
    ackDueAt: lastSent === first ? ackDueAt : deadlineFrom(lastSent.at),
    acknowledgedAt: answered?.at ?? null,
    appointment,
    appointmentAt: appointment ? new Date((appointment as AppointmentView).at) : null,
    lastReason,
    consentId: input.consentId,
    packetVersion: 1,
    version: events.length,
    createdBy: input.navigator.userId,
    createdAt: first.at,
    updatedAt: last.at,
    role: planned.role,
  };
  return { row, events };
}

const ATTENDED_NOTE: Readonly<Partial<Record<ServiceKind, string>>> = {
  otp: 'Intake done; first dose given, dosing daily.',
  peer_support: 'Met with a peer; naloxone kit refreshed.',
  harm_reduction: 'Met with a peer; naloxone kit refreshed.',
  recovery_housing: 'Moved in today.',
};

function attendedNote(kind: ServiceKind): string {
  return ATTENDED_NOTE[kind] ?? 'Seen by the prescriber; prescription renewed, next visit in one week.';
}

// ---------------------------------------------------------------------------------------------------------
// Time helpers (local time of the network's zone).
// ---------------------------------------------------------------------------------------------------------

/** Moves an instant into working hours (08:00–18:00 local; weekdays unless the service works weekends). */
function workingTime(clock: ZoneClock, ms: number, everyDay: boolean, rng: Prng): number {
  const wall = clock.toWall(ms);
  const minutes = (wall - startOfWallDay(wall)) / MINUTE_MS;
  const workday = (w: number) => everyDay || wallWeekdayIndex(w) < 5;
  if (workday(wall) && minutes >= 8 * 60 && minutes < 18 * 60) return ms;
  let day = startOfWallDay(wall) + (minutes >= 18 * 60 || !workday(wall) ? DAY_MS : 0);
  if (minutes < 8 * 60 && workday(wall)) day = startOfWallDay(wall);
  while (!workday(day)) day += DAY_MS;
  return clock.toInstant(day + 8 * HOUR_MS + rng.int(0, 150) * MINUTE_MS, 'later');
}

/** The next morning (08:00–11:00 local) after an instant: the navigator's follow-up call. */
function nextMorning(clock: ZoneClock, ms: number, rng: Prng): number {
  const wall = clock.toWall(ms);
  return clock.toInstant(startOfWallDay(wall) + DAY_MS + 8 * HOUR_MS + rng.int(0, 180) * MINUTE_MS, 'later');
}

/** An appointment time in the service's intake hours at or after `earliest` (15-minute grid; holidays skipped). */
function intakeSlot(clock: ZoneClock, service: DemoService, earliest: number, rng: Prng): number {
  const wall = clock.toWall(earliest);
  const holidays = new Set(service.holidays);
  for (let d = 0; d < 21; d++) {
    const day = startOfWallDay(wall) + d * DAY_MS;
    if (holidays.has(formatLocalDate(day))) continue;
    const ranges =
      service.intakeHours?.[WEEKDAYS[wallWeekdayIndex(day)] ?? 'mon'] ??
      (service.intakeHours ? [] : ['09:00-17:00']);
    for (const range of ranges) {
      const [from, to] = range.split('-').map(minutesOf);
      if (from === undefined || to === undefined) continue;
      const open = day + from * MINUTE_MS;
      const close = day + to * MINUTE_MS - 30 * MINUTE_MS;
      const start = Math.ceil(Math.max(open, wall) / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
      if (start > close) continue;
      const slots = Math.floor(Math.min(close - start, 3 * HOUR_MS) / (15 * MINUTE_MS));
      return clock.toInstant(start + rng.int(0, slots) * 15 * MINUTE_MS, 'later');
    }
  }
  return toMinute(earliest);
}

function minutesOf(hhmm: string): number | undefined {
  const [h, m] = hhmm.split(':').map(Number);
  return h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m) ? undefined : h * 60 + m;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers.
// ---------------------------------------------------------------------------------------------------------

function fits(need: MatchNeed, service: DemoService): boolean {
  const { capacity: _capacity, ...rest } = service;
  const asDirectory: DirectoryService = rest;
  const findings: Findings = { fits: [], conflicts: [], warnings: [] };
  checkOffer(need, asDirectory, findings);
  checkEligibility(need, asDirectory, findings);
  return findings.conflicts.length === 0;
}

function distance(a: { lat: number; lon: number }, zip: RegionZip): number {
  return haversineKm(a, { lat: zip.latitude, lon: zip.longitude });
}

function weighted<T>(rng: Prng, options: readonly (readonly [T, number])[]): T {
  return weightedPick(
    rng,
    options.map(([value]) => value),
    options.map(([, weight]) => weight),
  );
}

function weightedPick<T>(rng: Prng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  let roll = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    roll -= Math.max(0, weights[i] ?? 0);
    if (roll < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
/** Instants are kept to the whole minute, as people record them. */
const toMinute = (ms: number) => Math.round(ms / MINUTE_MS) * MINUTE_MS;
const pad = (n: number) => String(n).padStart(2, '0');
