/**
 * The transitions benchmark's data: a seeded, deterministic history of hospital transitions (three years,
 * 100,000 by default, 40 % at the busy hospital of the demo navigator, the rest spread over the other
 * hospitals), each with one or two referrals to partner services whose statuses follow from their age (a
 * recent referral is still sent, accepted or scheduled; an old one ended engaged, attended, declined,
 * cancelled or failed). The derived columns are filled as `refreshTransition` would: coverage end from the
 * MOUD plan (`coverageEnd`), the first appointment from the `scheduled` referrals, status `linked` after an
 * attended visit, `closed` when every referral ended without one two weeks after discharge. Patients, their
 * consents (naming every organization they are referred to) and the treating relationships of accepted
 * referrals come with them; packets, referral history and messages do not (no list reads them). Written
 * with bulk inserts, not through the API. One partner (the demo intake's OBOT) receives a large share of
 * the referrals: the inbox of a busy CBO.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../server/src/app/context.ts';
import { bulkInsert } from '../../server/src/db/bulk.ts';
import {
  consentRecipients,
  consents,
  memberships,
  organizations,
  patients,
  referrals,
  services,
  transitions,
  treatingRelationships,
} from '../../server/src/db/schema/index.ts';
import { createPrng } from '../../server/src/domain/demo/prng.ts';
import {
  CARE_NEEDS,
  OUD_IDENTIFIED_BY,
  type ReferralStatus,
} from '../../server/src/domain/transitions/vocabulary.ts';
import { patientRow, tpoConsentRows, type PatientInsert } from './transition-people.ts';
import { referralOutcome } from './referral-outcome.ts';
import { drawPlan, planCoverageEnd } from './transition-plan.ts';

const TRANSITIONS = Number(process.env.BENCH_TRANSITIONS ?? 100_000);
const BUSY_SHARE = 0.4;
/** The share of first referrals that go to the inbox organization (the busy partner). */
const INBOX_SHARE = 0.15;
const HISTORY_HOURS = 3 * 365 * 24;
const HOUR_MS = 3_600_000;

type TransitionInsert = typeof transitions.$inferInsert;
type ReferralInsert = typeof referrals.$inferInsert;
type TreatingInsert = typeof treatingRelationships.$inferInsert;

interface Member {
  membershipId: string;
  userId: string;
}

export interface TransitionNetwork {
  networkId: string;
  /** The navigator's hospital: holds `BUSY_SHARE` of the transitions. */
  busyHospital: string;
  otherHospitals: string[];
  /** Hospital → its members (care teams, who registers patients and sends referrals). */
  staff: Map<string, Member[]>;
  /** The measured navigator: on the care team of one in six of the busy hospital's transitions. */
  navigator: Member;
  /** Active services of partner organizations. */
  services: { id: string; organizationId: string }[];
  /** The busy partner whose inbox is measured. */
  inboxOrg: string;
}

export async function loadTransitionNetwork(
  deps: Deps,
  navigator: { networkId: string; organizationId: string; membershipId: string; userId: string },
  inboxOrg: string,
): Promise<TransitionNetwork> {
  const { networkId } = navigator;
  const orgs = await deps.db
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.networkId, networkId))
    .orderBy(organizations.slug);
  const hospitals = orgs.filter((o) => o.kind === 'hospital').map((o) => o.id);
  const partners = new Set(
    orgs.filter((o) => o.kind !== 'hospital' && o.kind !== 'health_system').map((o) => o.id),
  );
  const members = await deps.db
    .select({ membershipId: memberships.id, userId: memberships.userId, org: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), inArray(memberships.organizationId, hospitals)))
    .orderBy(memberships.id);
  const staff = new Map<string, Member[]>(hospitals.map((h) => [h, []]));
  for (const m of members) staff.get(m.org)?.push({ membershipId: m.membershipId, userId: m.userId });
  const active = await deps.db
    .select({ id: services.id, organizationId: services.organizationId })
    .from(services)
    .where(and(eq(services.networkId, networkId), eq(services.status, 'active')))
    .orderBy(services.id);
  return {
    networkId,
    busyHospital: navigator.organizationId,
    otherHospitals: hospitals.filter((h) => h !== navigator.organizationId),
    staff,
    navigator: { membershipId: navigator.membershipId, userId: navigator.userId },
    services: active.filter((s) => partners.has(s.organizationId)),
    inboxOrg,
  };
}

export interface TransitionRows {
  patients: PatientInsert[];
  consents: (typeof consents.$inferInsert)[];
  recipients: (typeof consentRecipients.$inferInsert)[];
  transitions: TransitionInsert[];
  referrals: ReferralInsert[];
  treating: TreatingInsert[];
}

const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

/** The transitions, referrals, patients and consents, drawn from a fixed seed relative to `now`. */
export function generateTransitions(network: TransitionNetwork, now: Date): TransitionRows {
  const rng = createPrng(43_000, 'bench-transitions');
  const rows: TransitionRows = {
    patients: [],
    consents: [],
    recipients: [],
    transitions: [],
    referrals: [],
    treating: [],
  };
  const { networkId } = network;
  const staffOf = (hospital: string) => network.staff.get(hospital) ?? [];
  const pickStaff = (hospital: string) =>
    rng.pick(staffOf(hospital).length ? staffOf(hospital) : [network.navigator]);
  const inboxServices = network.services.filter((s) => s.organizationId === network.inboxOrg);
  const otherServices = network.services.filter((s) => s.organizationId !== network.inboxOrg);
  /** Patient id → its row, the organizations it is referred to and its first referral. */
  const people = new Map<string, { row: PatientInsert; receivers: Set<string>; firstSent: Date | null }>();
  const byHospital = new Map<string, string[]>();
  const treated = new Set<string>();
  const busyCount = Math.round(TRANSITIONS * BUSY_SHARE);

  for (let i = 0; i < TRANSITIONS; i++) {
    const hospital =
      i < busyCount
        ? network.busyHospital
        : (network.otherHospitals[i % network.otherHospitals.length] ?? network.busyHospital);
    const admittedAt = new Date(now.getTime() - rng.float(0, HISTORY_HOURS) * HOUR_MS);
    const known = byHospital.get(hospital) ?? [];
    let patientId: string;
    if (known.length > 0 && rng.chance(0.1)) patientId = rng.pick(known);
    else {
      const row = patientRow(rng, networkId, hospital, pickStaff(hospital).userId, admittedAt);
      patientId = row.id as string;
      people.set(patientId, { row, receivers: new Set(), firstSent: null });
      byHospital.set(hospital, [...known.slice(-500), patientId]);
    }
    const person = people.get(patientId);
    if (!person) throw new Error('patient vanished');

    const encounter = rng.pick(['ed', 'ed', 'ed', 'ed', 'inpatient', 'inpatient', 'observation'] as const);
    const stayHours =
      encounter === 'ed'
        ? rng.float(3, 14)
        : encounter === 'observation'
          ? rng.float(20, 40)
          : rng.float(48, 168);
    const dischargeAt = hoursAfter(admittedAt, stayHours);
    const discharged = dischargeAt.getTime() <= now.getTime();
    const plan = drawPlan(rng, admittedAt, dischargeAt, now);
    const end = planCoverageEnd(plan, discharged ? dischargeAt : null, discharged ? null : dischargeAt);

    const id = rng.uuid();
    const sent: { status: ReferralStatus; appointmentAt: Date | null; updatedAt: Date }[] = [];
    const count = rng.chance(0.4) ? 2 : 1;
    let firstOrg = '';
    let sentAt = new Date(
      Math.min(hoursAfter(admittedAt, rng.float(1, stayHours)).getTime(), now.getTime() - 60_000),
    );
    for (let r = 0; r < count; r++) {
      const toInbox = r === 0 && inboxServices.length > 0 && rng.chance(INBOX_SHARE);
      let service = rng.pick(toInbox ? inboxServices : otherServices);
      while (r > 0 && service.organizationId === firstOrg) service = rng.pick(network.services);
      firstOrg ||= service.organizationId;
      if (r > 0)
        sentAt = new Date(Math.min(hoursAfter(sentAt, rng.float(0, 72)).getTime(), now.getTime() - 60_000));
      const urgent = rng.chance(0.2);
      const outcome = referralOutcome(rng, sentAt, now);
      const sender = pickStaff(hospital);
      person.receivers.add(service.organizationId);
      if (!person.firstSent || sentAt < person.firstSent) person.firstSent = sentAt;
      if (outcome.accepted) {
        const key = `${patientId}:${service.organizationId}`;
        if (!treated.has(key)) {
          treated.add(key);
          rows.treating.push({
            networkId,
            patientId,
            organizationId: service.organizationId,
            basis: 'referral_accepted',
            startedAt: outcome.acknowledgedAt ?? sentAt,
            endedAt: null,
          });
        }
      }
      sent.push({
        status: outcome.status,
        appointmentAt: outcome.appointmentAt,
        updatedAt: outcome.updatedAt,
      });
      rows.referrals.push({
        networkId,
        id: rng.uuid(),
        transitionId: id,
        patientId,
        senderOrgId: hospital,
        receiverOrgId: service.organizationId,
        serviceId: service.id,
        status: outcome.status,
        urgency: urgent ? 'urgent' : 'routine',
        sentAt,
        ackDueAt: hoursAfter(sentAt, urgent ? 4 : 24),
        acknowledgedAt: outcome.acknowledgedAt,
        appointment: outcome.appointmentAt
          ? { at: outcome.appointmentAt.toISOString(), place: 'Main clinic, 2nd floor', notes: null }
          : null,
        appointmentAt: outcome.appointmentAt,
        lastReason: outcome.reason,
        consentId: null,
        packetVersion: 1,
        version: outcome.moves,
        createdBy: sender.userId,
        createdAt: sentAt,
        updatedAt: outcome.updatedAt,
      });
    }

    const linked = sent.some((s) => s.status === 'attended' || s.status === 'engaged');
    const ended = sent.every((s) => ['declined', 'cancelled', 'failed'].includes(s.status));
    const status = linked
      ? 'linked'
      : ended && now.getTime() - dischargeAt.getTime() > 14 * 24 * HOUR_MS
        ? 'closed'
        : 'open';
    const booked = sent
      .filter((s) => s.status === 'scheduled' && s.appointmentAt)
      .map((s) => s.appointmentAt?.getTime() ?? 0);
    const busy = hospital === network.busyHospital;
    const navigator = rng.chance(0.1)
      ? null
      : busy && rng.chance(1 / 6)
        ? network.navigator
        : pickStaff(hospital);
    const createdAt = new Date(Math.min(hoursAfter(admittedAt, 0.5).getTime(), now.getTime()));
    rows.transitions.push({
      networkId,
      id,
      patientId,
      hospitalOrgId: hospital,
      encounterType: encounter,
      admittedAt,
      expectedDischargeAt: encounter === 'ed' ? null : dischargeAt,
      dischargedAt: discharged ? dischargeAt : null,
      oudIdentifiedBy: rng.pick(OUD_IDENTIFIED_BY),
      disposition: discharged
        ? rng.pick(['home', 'home', 'home', 'shelter', 'ama', 'street', 'residential_treatment'])
        : null,
      navigatorMembershipId: navigator?.membershipId ?? null,
      peerMembershipId: rng.chance(0.2) ? pickStaff(hospital).membershipId : null,
      clinicianMembershipId: rng.chance(0.5) ? pickStaff(hospital).membershipId : null,
      careNeeds: rng.sample(CARE_NEEDS, rng.int(0, 3)),
      status,
      moudPlan: plan,
      coverageEnd: end,
      firstAppointmentAt: booked.length > 0 ? new Date(Math.min(...booked)) : null,
      packetVersion: 1,
      version: 1 + count,
      createdBy: pickStaff(hospital).userId,
      createdAt,
      updatedAt: new Date(Math.max(createdAt.getTime(), ...sent.map((s) => s.updatedAt.getTime()))),
    });
  }

  const consentOf = new Map<string, string>();
  for (const [patientId, person] of people) {
    const recordedAt = new Date((person.firstSent ?? person.row.createdAt ?? now).getTime() - HOUR_MS);
    const written = tpoConsentRows(rng, person.row, [...person.receivers], person.row.createdBy, recordedAt);
    rows.patients.push(person.row);
    rows.consents.push(written.consent);
    rows.recipients.push(...written.recipients);
    consentOf.set(patientId, written.consent.id as string);
  }
  for (const referral of rows.referrals) referral.consentId = consentOf.get(referral.patientId) ?? null;
  return rows;
}

/** Patients of the busy hospital with a consent naming the inbox organization (for new referrals). */
export function referralPatients(
  network: TransitionNetwork,
  count: number,
  now: Date,
): Pick<TransitionRows, 'patients' | 'consents' | 'recipients'> {
  const rng = createPrng(43_001, 'bench-transitions-referrals');
  const out: Pick<TransitionRows, 'patients' | 'consents' | 'recipients'> = {
    patients: [],
    consents: [],
    recipients: [],
  };
  const by = network.navigator.userId;
  for (let i = 0; i < count; i++) {
    const row = patientRow(
      rng,
      network.networkId,
      network.busyHospital,
      by,
      new Date(now.getTime() - 2 * HOUR_MS),
    );
    const written = tpoConsentRows(rng, row, [network.inboxOrg], by, new Date(now.getTime() - HOUR_MS));
    out.patients.push(row);
    out.consents.push(written.consent);
    out.recipients.push(...written.recipients);
  }
  return out;
}

export async function seedTransitions(deps: Deps, rows: Partial<TransitionRows>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await bulkInsert(tx, patients, rows.patients ?? []);
    await bulkInsert(tx, consents, rows.consents ?? []);
    await bulkInsert(tx, consentRecipients, rows.recipients ?? []);
    await bulkInsert(tx, treatingRelationships, rows.treating ?? []);
    await bulkInsert(tx, transitions, rows.transitions ?? []);
    await bulkInsert(tx, referrals, rows.referrals ?? []);
  });
  // Vacuumed and analyzed, as autovacuum would have them on a database in use (and so that it does not
  // start in the middle of a measurement).
  for (const table of [patients, consents, consentRecipients, treatingRelationships, transitions, referrals])
    await deps.db.execute(sql`vacuum analyze ${table}`);
}
