/**
 * Phase 1 of the demo history: the hospital encounters, hospital by hospital and month by month. Each month
 * has 6–14 (ED more than inpatient, slowly growing), each for a new patient or, sometimes, a returning one;
 * each gets its length of stay, how opioid use disorder was identified, the MOUD plan, the care team, when
 * consent is signed and when the first referral goes out, and the transition row as it stands now.
 */
import { haversineKm } from '../directory/geo.ts';
import { DAY_MS, MINUTE_MS, type ZoneClock } from '../directory/zoned-time.ts';
import { coverageEnd, type MoudPlan } from '../transitions/coverage.ts';
import type { CareNeed, Disposition, EncounterType, OudIdentifiedBy } from '../transitions/vocabulary.ts';
import { HEALTH_SYSTEMS } from './organizations.ts';
import type { Prng } from './prng.ts';
import { REGION_ZIPS, type RegionZip } from './region.ts';
import type { DemoService } from './services.ts';
import { DEMO_HISTORY_MONTHS, type HistoryContext, type Staff } from './transitions-context.ts';
import { clamp, weighted } from './transitions-helpers.ts';
import { makePatient } from './transitions-patients.ts';
import { makePlan, planAsOf, planView } from './transitions-plans.ts';
import { HOUR_MS, MONTH_MS, nextMorning, toMinute } from './transitions-time.ts';
import type { DemoHistoryPatient, DemoTransition, ReferralRole } from './transitions-types.ts';
import type { DemoOrganization } from './types.ts';

/** A referral the navigator sends: to which service, why, and when. */
export interface PlannedReferral {
  role: ReferralRole;
  service: DemoService;
  sentAt: number;
}

/** One encounter being built: everything but the referral outcomes. */
export interface Encounter {
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

/** Every encounter of the history, hospital by hospital (hospitals without navigators or a site have none). */
export function generateEncounters(rng: Prng, ctx: HistoryContext): Encounter[] {
  const { demo, nowMs, startMs, timeZone, clock, staffOf } = ctx;
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
  return encounters;
}

/** An encounter admitted at `input.admittedAt`, or none if the navigator has not recorded it by now. */
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

/** Kilometres from a point to a ZIP code's centre. */
function distance(a: { lat: number; lon: number }, zip: RegionZip): number {
  return haversineKm(a, { lat: zip.latitude, lon: zip.longitude });
}
