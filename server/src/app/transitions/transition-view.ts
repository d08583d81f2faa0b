/** Builds the hospital's view of a transition: patient, care team, MOUD plan, gap clock and referral lines. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organizations, referrals, services } from '../../db/schema/index.ts';
import type { ServiceKind } from '../../domain/directory/vocabulary.ts';
import { gapClock, type GapClock } from '../../domain/transitions/gap-clock.ts';
import { WAITING_FOR_ANSWER } from '../../domain/transitions/referral-states.ts';
import type {
  GapClockView,
  PersonRef,
  ReferralSummary,
  TransitionView,
} from '../../domain/transitions/views.ts';
import type {
  CareNeed,
  Disposition,
  EncounterType,
  OudIdentifiedBy,
  ReferralStatus,
  TransitionStatus,
  Urgency,
} from '../../domain/transitions/vocabulary.ts';
import type { PatientRow } from '../consent/load-access-facts.ts';
import { organizationNames, peopleOf } from './people.ts';
import type { TransitionRow } from './refresh-transition.ts';

export type ReferralRow = typeof referrals.$inferSelect;

export function gapView(clock: GapClock): GapClockView {
  return {
    state: clock.state,
    coverageEnd: clock.coverageEnd?.toISOString() ?? null,
    firstAppointmentAt: clock.firstAppointmentAt?.toISOString() ?? null,
    gapHours: clock.gapHours,
  };
}

export const transitionGap = (row: TransitionRow, now: Date): GapClockView =>
  gapView(
    gapClock({
      coverageEnd: row.coverageEnd,
      firstAppointmentAt: row.firstAppointmentAt,
      linked: row.status === 'linked',
      closed: row.status === 'closed',
      now,
    }),
  );

export const ackOverdue = (row: ReferralRow, now: Date): boolean =>
  WAITING_FOR_ANSWER.includes(row.status as ReferralStatus) &&
  row.ackDueAt !== null &&
  row.ackDueAt.getTime() < now.getTime();

export interface ServiceName {
  id: string;
  name: string;
  kind: string;
}

/** Summaries of referrals; `known` names (services, organizations) the caller holds are not read again. */
export async function referralSummaries(
  db: Queryable,
  networkId: string,
  rows: readonly ReferralRow[],
  now: Date,
  known: { services?: ServiceName[]; orgNames?: Map<string, string> } = {},
): Promise<ReferralSummary[]> {
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const serviceRows: ServiceName[] =
    known.services ??
    (serviceIds.length
      ? await db
          .select({ id: services.id, name: services.name, kind: services.kind })
          .from(services)
          .where(and(eq(services.networkId, networkId), inArray(services.id, serviceIds)))
      : []);
  const serviceById = new Map(serviceRows.map((s) => [s.id, s]));
  const orgNames =
    known.orgNames ??
    (await organizationNames(
      db,
      networkId,
      rows.map((r) => r.receiverOrgId),
    ));
  return rows.map((r) => {
    const service = serviceById.get(r.serviceId);
    return {
      id: r.id,
      version: r.version,
      receiver: { id: r.receiverOrgId, name: orgNames.get(r.receiverOrgId) ?? '' },
      service: {
        id: r.serviceId,
        name: service?.name ?? '',
        kind: (service?.kind ?? 'social_services') as ServiceKind,
      },
      status: r.status as ReferralStatus,
      urgency: r.urgency as Urgency,
      sentAt: r.sentAt?.toISOString() ?? null,
      ackDueAt: r.ackDueAt?.toISOString() ?? null,
      ackOverdue: ackOverdue(r, now),
      appointment: r.appointment ?? null,
      lastReason: r.lastReason ?? null,
    };
  });
}

export async function transitionView(
  db: Queryable,
  row: TransitionRow,
  patient: PatientRow,
  now: Date,
): Promise<TransitionView> {
  const team = await peopleOf(db, row.networkId, [
    row.navigatorMembershipId,
    row.peerMembershipId,
    row.clinicianMembershipId,
  ]);
  const ref = (id: string | null): PersonRef | null => {
    const person = id ? team.get(id) : undefined;
    return person ? { membershipId: person.membershipId, name: person.name } : null;
  };
  const [hospital] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.networkId, row.networkId), eq(organizations.id, row.hospitalOrgId)));
  const referralRows = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.networkId, row.networkId), eq(referrals.transitionId, row.id)))
    .orderBy(asc(referrals.createdAt));
  return {
    id: row.id,
    version: row.version,
    patient: {
      id: patient.id,
      name: `${patient.givenName} ${patient.familyName}`,
      birthDate: patient.birthDate,
    },
    hospital: { id: row.hospitalOrgId, name: hospital?.name ?? '' },
    encounterType: row.encounterType as EncounterType,
    admittedAt: row.admittedAt.toISOString(),
    expectedDischargeAt: row.expectedDischargeAt?.toISOString() ?? null,
    dischargedAt: row.dischargedAt?.toISOString() ?? null,
    oudIdentifiedBy: row.oudIdentifiedBy as OudIdentifiedBy,
    disposition: (row.disposition as Disposition | null) ?? null,
    careTeam: {
      navigator: ref(row.navigatorMembershipId),
      peer: ref(row.peerMembershipId),
      clinician: ref(row.clinicianMembershipId),
    },
    careNeeds: row.careNeeds as CareNeed[],
    status: row.status as TransitionStatus,
    moudPlan: row.moudPlan ?? null,
    gap: transitionGap(row, now),
    referrals: await referralSummaries(db, row.networkId, referralRows, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
