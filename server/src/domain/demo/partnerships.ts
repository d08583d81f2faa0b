/**
 * The demo network's partnerships, generated from the seed: each hospital works with three CBOs (mostly
 * active, some exploring, paused or ended), with an MOU and often a QSOA whose expiry dates vary (some
 * inside the 60-day reminder window, one already expired), liaisons and backups from both sides, a
 * ledger of deliveries, monthly meetings with action items (some overdue), a shared goal and two
 * quarters of self-assessments. The pair of the first hospital and the first OBOT (the well-known
 * logins' organizations) is left free, so a journey can start that partnership itself.
 */
import type { AgreementKind, DeliveryKind, PartnershipStatus } from '../partnerships/vocabulary.ts';
import { ASSESSMENT_ITEMS, assessmentScore, quarterOf } from '../partnerships/vocabulary.ts';
import { createPrng, type Prng } from './prng.ts';
import type { DemoNetwork } from './types.ts';

export interface DemoPartnershipSet {
  partnerships: Array<{
    networkId: string;
    id: string;
    hospitalOrgId: string;
    cboOrgId: string;
    status: PartnershipStatus;
    startedOn: string;
    notes: string;
  }>;
  agreements: Array<{
    partnershipId: string;
    id: string;
    kind: AgreementKind;
    title: string;
    effectiveOn: string;
    expiresOn: string;
  }>;
  liaisons: Array<{
    partnershipId: string;
    id: string;
    organizationId: string;
    userId: string;
    role: 'primary' | 'backup';
  }>;
  deliveries: Array<{
    partnershipId: string;
    id: string;
    providerOrgId: string;
    kind: DeliveryKind;
    quantity: number;
    deliveredOn: string;
  }>;
  meetings: Array<{
    partnershipId: string;
    id: string;
    heldOn: string;
    title: string;
    attendees: string[];
    notes: string;
  }>;
  actionItems: Array<{
    partnershipId: string;
    id: string;
    meetingId: string;
    description: string;
    ownerUserId: string | null;
    dueOn: string;
    done: boolean;
  }>;
  goals: Array<{ partnershipId: string; id: string; metric: string; target: number; description: string }>;
  assessments: Array<{
    partnershipId: string;
    id: string;
    organizationId: string;
    quarter: string;
    answers: Record<string, number>;
    score: number;
  }>;
}

const DAY_MS = 86_400_000;
const dayOf = (now: Date, offsetDays: number) =>
  new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const STATUSES: readonly PartnershipStatus[] = [
  'active',
  'active',
  'exploring',
  'active',
  'paused',
  'active',
  'ended',
];
/** Days until the MOU expires, by partnership index: inside the reminder window, expired, or far. */
const MOU_EXPIRY_DAYS = [45, 300, -10, 20, 200, 365, 58, 150];

const CBO_DELIVERIES: readonly DeliveryKind[] = [
  'reserved_intake_slot',
  'in_reach_visit',
  'warm_handoff',
  'naloxone_kits',
];
const HOSPITAL_DELIVERIES: readonly DeliveryKind[] = ['bridge_prescription', 'training', 'transport'];

export function generateDemoPartnerships(demo: DemoNetwork, now: Date): DemoPartnershipSet {
  const rng = createPrng(demo.seed, 'partnerships');
  const set: DemoPartnershipSet = {
    partnerships: [],
    agreements: [],
    liaisons: [],
    deliveries: [],
    meetings: [],
    actionItems: [],
    goals: [],
    assessments: [],
  };
  const firstHospital = demo.logins.find(
    (l) => l.email === 'admin.hospital@demo.handoff.test',
  )?.organizationId;
  const firstObot = demo.logins.find((l) => l.email === 'admin.cbo@demo.handoff.test')?.organizationId;
  const hospitals = demo.organizations.filter((o) => o.kind === 'hospital');
  const cbos = demo.organizations.filter((o) => o.kind === 'cbo' && o.id !== demo.convenerOrganizationId);
  const staffOf = (organizationId: string) =>
    demo.memberships
      .filter((m) => m.organizationId === organizationId)
      .sort((a, b) => rank(a.roles) - rank(b.roles))
      .map((m) => m.userId);
  const nameOf = new Map(demo.users.map((u) => [u.id, u.displayName]));
  let index = 0;
  for (const hospital of hospitals) {
    const partners = rng
      .shuffle(cbos.filter((c) => !(hospital.id === firstHospital && c.id === firstObot)))
      .slice(0, 3);
    for (const cbo of partners) {
      const id = rng.uuid();
      const status = STATUSES[index % STATUSES.length] as PartnershipStatus;
      const startedDaysAgo = rng.int(120, 900);
      set.partnerships.push({
        networkId: demo.network.id,
        id,
        hospitalOrgId: hospital.id,
        cboOrgId: cbo.id,
        status,
        startedOn: dayOf(now, -startedDaysAgo),
        notes: `${hospital.name} refers patients started on MOUD to ${cbo.name}.`,
      });
      addRecords(set, rng, { id, hospital, cbo, index, startedDaysAgo, now, staffOf, nameOf });
      index++;
    }
  }
  return set;
}

function rank(roles: readonly string[]): number {
  if (roles.includes('liaison')) return 0;
  if (roles.includes('program_manager')) return 1;
  if (roles.includes('org_admin')) return 2;
  return 3;
}

function addRecords(
  set: DemoPartnershipSet,
  rng: Prng,
  p: {
    id: string;
    hospital: { id: string; name: string };
    cbo: { id: string; name: string };
    index: number;
    startedDaysAgo: number;
    now: Date;
    staffOf: (organizationId: string) => string[];
    nameOf: Map<string, string>;
  },
) {
  const { id, hospital, cbo, now } = p;
  const mouExpiry = MOU_EXPIRY_DAYS[p.index % MOU_EXPIRY_DAYS.length] ?? 365;
  set.agreements.push({
    partnershipId: id,
    id: rng.uuid(),
    kind: 'mou',
    title: `MOU: ${hospital.name} – ${cbo.name}`,
    effectiveOn: dayOf(now, -p.startedDaysAgo),
    expiresOn: dayOf(now, mouExpiry),
  });
  if (rng.chance(0.6)) {
    set.agreements.push({
      partnershipId: id,
      id: rng.uuid(),
      kind: 'qsoa',
      title: 'Qualified service organization agreement',
      effectiveOn: dayOf(now, -p.startedDaysAgo + 30),
      expiresOn: dayOf(now, rng.int(90, 700)),
    });
  }
  const people: string[] = [];
  for (const side of [hospital.id, cbo.id]) {
    const staff = p.staffOf(side).filter((u) => !people.includes(u)); // a cross-hired person stands for one side
    staff.slice(0, 2).forEach((userId, n) => {
      people.push(userId);
      set.liaisons.push({
        partnershipId: id,
        id: rng.uuid(),
        organizationId: side,
        userId,
        role: n === 0 ? 'primary' : 'backup',
      });
    });
  }
  for (let month = 1; month <= 3; month++) {
    const [providerOrgId, kinds] = rng.chance(0.65)
      ? [cbo.id, CBO_DELIVERIES]
      : [hospital.id, HOSPITAL_DELIVERIES];
    set.deliveries.push({
      partnershipId: id,
      id: rng.uuid(),
      providerOrgId,
      kind: rng.pick(kinds),
      quantity: rng.int(1, 12),
      deliveredOn: dayOf(now, -30 * month + rng.int(0, 10)),
    });
  }
  for (let m = 2; m >= 1; m--) {
    const meetingId = rng.uuid();
    const heldDaysAgo = 30 * m + rng.int(0, 5);
    set.meetings.push({
      partnershipId: id,
      id: meetingId,
      heldOn: dayOf(now, -heldDaysAgo),
      title: m === 2 ? 'Quarterly partnership review' : 'Monthly referral huddle',
      attendees: people.map((u) => p.nameOf.get(u) ?? ''),
      notes: 'Reviewed open referrals, intake slots and the next in-reach dates.',
    });
    const owner = people.length > 0 ? rng.pick(people) : null;
    set.actionItems.push({
      partnershipId: id,
      id: rng.uuid(),
      meetingId,
      description:
        m === 2 ? 'Update the same-day intake checklist' : 'Confirm reserved intake slots for next month',
      ownerUserId: owner,
      dueOn: dayOf(now, -heldDaysAgo + 21),
      done: m === 2 || rng.chance(0.4),
    });
  }
  set.goals.push({
    partnershipId: id,
    id: rng.uuid(),
    metric: 'intake_within_72h',
    target: rng.pick([50, 60, 70]),
    description: 'Intake within 72 hours of discharge',
  });
  for (const quarterDaysAgo of [95, 5]) {
    for (const side of [hospital.id, cbo.id]) {
      const answers = Object.fromEntries(ASSESSMENT_ITEMS.map((item) => [item, rng.int(2, 5)])) as Record<
        (typeof ASSESSMENT_ITEMS)[number],
        number
      >;
      set.assessments.push({
        partnershipId: id,
        id: rng.uuid(),
        organizationId: side,
        quarter: quarterOf(dayOf(now, -quarterDaysAgo)),
        answers,
        score: assessmentScore(answers),
      });
    }
  }
}
