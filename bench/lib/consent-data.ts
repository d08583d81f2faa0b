/**
 * The consent benchmark's data: the demo network's organizations and clinicians, and a seeded, deterministic
 * population of patients with consents (recipients, revocations, expiries, suspensions), restrictions,
 * emergency accesses, treating relationships and MRNs, written with bulk inserts.
 */
import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../server/src/app/context.ts';
import { bulkInsert } from '../../server/src/db/bulk.ts';
import {
  consentRecipients,
  consents,
  emergencyAccesses,
  memberships,
  networks,
  organizations,
  patientIdentifiers,
  patients,
  restrictions,
  treatingRelationships,
} from '../../server/src/db/schema/index.ts';
import type {
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
} from '../../server/src/domain/consent/vocabulary.ts';
import { DEMO_NETWORK_SLUG } from '../../server/src/domain/demo/organizations.ts';
import { FIRST_NAMES, LAST_NAMES } from '../../server/src/domain/demo/names.ts';
import { createPrng, type Prng } from '../../server/src/domain/demo/prng.ts';
import { nameKey } from '../../server/src/domain/patients/name-key.ts';
import { INSURANCE_KINDS } from '../../server/src/domain/patients/vocabulary.ts';

const PATIENTS = Number(process.env.BENCH_CONSENT_PATIENTS ?? 5_000);
const DAY_MS = 86_400_000;

type PatientInsert = typeof patients.$inferInsert;
type ConsentInsert = typeof consents.$inferInsert;
type RecipientInsert = typeof consentRecipients.$inferInsert;
type RestrictionInsert = typeof restrictions.$inferInsert;
type EmergencyInsert = typeof emergencyAccesses.$inferInsert;
type TreatingInsert = typeof treatingRelationships.$inferInsert;
type IdentifierInsert = typeof patientIdentifiers.$inferInsert;

interface Clinician {
  membershipId: string;
  userId: string;
  organizationId: string;
}

export interface Network {
  networkId: string;
  hospitals: string[];
  /** Organizations a consent can name (every organization but health systems). */
  recipients: string[];
  /** Hospital → user ids of its members (who register patients and record consents). */
  staff: Map<string, string[]>;
  clinicians: Clinician[];
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const daysFrom = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

export async function loadNetwork(deps: Deps): Promise<Network> {
  const [network] = await deps.db.select().from(networks).where(eq(networks.slug, DEMO_NETWORK_SLUG));
  if (!network) throw new Error('no demo network');
  const orgs = await deps.db
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.networkId, network.id))
    .orderBy(organizations.slug);
  const hospitals = orgs.filter((o) => o.kind === 'hospital').map((o) => o.id);
  if (hospitals.length === 0) throw new Error('the demo network has no hospital');
  const members = await deps.db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organizationId: memberships.organizationId,
      roles: memberships.roles,
    })
    .from(memberships)
    .where(and(eq(memberships.networkId, network.id), inArray(memberships.organizationId, hospitals)))
    .orderBy(memberships.id);
  const staff = new Map<string, string[]>();
  for (const m of members) staff.set(m.organizationId, [...(staff.get(m.organizationId) ?? []), m.userId]);
  const clinicians = await deps.db
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      organizationId: memberships.organizationId,
    })
    .from(memberships)
    .where(and(eq(memberships.networkId, network.id), arrayContains(memberships.roles, ['clinician'])))
    .orderBy(memberships.id);
  return {
    networkId: network.id,
    hospitals,
    recipients: orgs.filter((o) => o.kind !== 'health_system').map((o) => o.id),
    staff,
    clinicians,
  };
}

export interface Seeded {
  patientIds: string[];
  rows: {
    patients: PatientInsert[];
    identifiers: IdentifierInsert[];
    consents: ConsentInsert[];
    recipients: RecipientInsert[];
    restrictions: RestrictionInsert[];
    emergencies: EmergencyInsert[];
    treating: TreatingInsert[];
  };
}

const TPO: ConsentPurpose[] = ['TREAT', 'HPAYMT', 'HOPERAT'];
const SPECIFIC_PURPOSES: ConsentPurpose[][] = [
  ['TREAT', 'CAREMGT'],
  ['CAREMGT'],
  ['TREAT', 'PATRQT'],
  ['HRESCH'],
  ['HLEGAL'],
];
const CATEGORIES: DataCategory[][] = [['demographics', 'treatment'], ['demographics'], ['treatment']];

/** The patients and their consent facts, drawn from a fixed seed relative to `now`. */
export function generate(network: Network, readerOrg: string, now: Date, emergencyMs: number): Seeded {
  const rng: Prng = createPrng(42_000, 'bench-consent');
  const rows: Seeded['rows'] = {
    patients: [],
    identifiers: [],
    consents: [],
    recipients: [],
    restrictions: [],
    emergencies: [],
    treating: [],
  };
  const { networkId } = network;
  const stampOf = (days: number) => daysFrom(now, -days);
  const staffOf = (org: string) => rng.pick(network.staff.get(org) ?? [...network.staff.values()].flat());
  /** An organization other than the excluded ones (the holder, those a consent already names). */
  const otherOrg = (excluded: ReadonlySet<string>) => {
    for (;;) {
      const org = rng.pick(network.recipients);
      if (!excluded.has(org)) return org;
    }
  };
  const patientIds: string[] = [];
  for (let i = 0; i < PATIENTS; i++) {
    const holder = network.hospitals[i % network.hospitals.length] as string;
    const id = rng.uuid();
    patientIds.push(id);
    const given = rng.pick(FIRST_NAMES);
    const family = rng.pick(LAST_NAMES);
    const registered = stampOf(rng.int(1, 900));
    rows.patients.push({
      networkId,
      id,
      holderOrgId: holder,
      givenName: given,
      familyName: family,
      nameKey: nameKey(given, family),
      birthDate: isoDay(daysFrom(now, -rng.int(18 * 365, 75 * 365))),
      sex: rng.pick(['female', 'male', 'other', 'unknown']),
      genderIdentity: null,
      phones: [
        {
          number: `216-555-${String(rng.int(0, 9999)).padStart(4, '0')}`,
          use: 'mobile',
          voicemailOk: rng.chance(0.7),
          textOk: rng.chance(0.6),
        },
      ],
      address: rng.chance(0.85)
        ? { street: `${rng.int(1, 9999)} Euclid Ave`, city: 'Cleveland', state: 'OH', postalCode: '44115' }
        : null,
      unhoused: rng.chance(0.12),
      preferredLanguage: rng.chance(0.15) ? 'es' : 'en',
      insurance: { kind: rng.pick(INSURANCE_KINDS), payerName: null, memberId: null },
      part2: true,
      version: 1,
      createdBy: staffOf(holder),
      createdAt: registered,
      updatedAt: registered,
    });
    rows.identifiers.push({
      networkId,
      patientId: id,
      organizationId: holder,
      value: `BENCH-${String(100_000 + i)}`,
      createdAt: registered,
    });

    // Treating relationships: what class and general-designation recipients need (P6).
    if (rng.chance(0.15)) {
      rows.treating.push({
        networkId,
        patientId: id,
        organizationId: readerOrg,
        basis: 'referral',
        startedAt: registered,
        endedAt: rng.chance(0.2) ? stampOf(rng.int(0, 30)) : null,
      });
    }
    if (rng.chance(0.2)) {
      const org = otherOrg(new Set([holder]));
      if (org !== readerOrg)
        rows.treating.push({
          networkId,
          patientId: id,
          organizationId: org,
          basis: 'referral',
          startedAt: registered,
          endedAt: null,
        });
    }

    const consentCount = rng.pick([0, 1, 1, 1, 2, 2, 3]);
    for (let c = 0; c < consentCount; c++) {
      const consentId = rng.uuid();
      const roll = rng.next();
      const type: ConsentType = roll < 0.6 ? 'tpo' : roll < 0.9 ? 'specific' : 'counseling_notes';
      const purposes: ConsentPurpose[] =
        type === 'tpo'
          ? rng.chance(0.8)
            ? TPO
            : ['TREAT']
          : type === 'specific'
            ? rng.pick(SPECIFIC_PURPOSES)
            : ['TREAT'];
      const categories: DataCategory[] =
        type === 'counseling_notes' ? ['counseling_notes'] : rng.pick(CATEGORIES);
      const recordedAt = stampOf(rng.int(0, 720));
      const expiryRoll = rng.next();
      // A date (most of them: 15 % already past), or an event (a fifth of which has occurred).
      const byDate = expiryRoll < 0.75;
      const expiresOn = byDate
        ? isoDay(daysFrom(now, rng.chance(0.2) ? -rng.int(1, 365) : rng.int(1, 730)))
        : null;
      const eventAt = !byDate && rng.chance(0.2) ? stampOf(rng.int(0, 60)) : null;
      const revoked = rng.chance(0.1);
      const suspended = rng.chance(0.03);
      rows.consents.push({
        networkId,
        id: consentId,
        patientId: id,
        holderOrgId: holder,
        type,
        status: rng.chance(0.02) ? 'entered_in_error' : 'active',
        information: 'Name, date of birth, contact details, OUD treatment and medication, discharge plan',
        categories,
        purposes,
        purposeDescription: 'To arrange and continue treatment after discharge',
        revocationHow: 'In writing to the hospital program at any time',
        expiresOn,
        expiryEvent: byDate ? null : 'When I complete the treatment program',
        expiryEventAt: eventAt,
        expiryEventOn: eventAt ? isoDay(eventAt) : null,
        signatureMethod: rng.pick(['drawn', 'typed', 'paper_scan']),
        signerName: `${given} ${family}`,
        signerCapacity: 'patient',
        signerAuthority: null,
        signatureImage: null,
        signatureContentType: null,
        signedOn: isoDay(recordedAt),
        redisclosureStatement: true,
        refusalConsequences: type === 'tpo' ? 'Treatment does not depend on signing this consent' : null,
        hipaaRedisclosureStatement: type === 'tpo',
        programFundraises: false,
        fundraisingOptOutStatement: false,
        intermediary: false,
        language: 'en',
        noticeVersion: '2024-02',
        recordedBy: staffOf(holder),
        recordedAt,
        revokedAt: revoked ? daysFrom(recordedAt, rng.int(1, 60)) : null,
        suspendedAt: suspended ? stampOf(rng.int(0, 30)) : null,
        suspendedReason: suspended ? 'Signature does not match the record' : null,
        version: 1,
      });
      const recipientCount = rng.int(1, 4);
      const named = new Set<string>([holder]);
      let position = 0;
      for (let r = 0; r < recipientCount; r++) {
        const kindRoll = rng.next();
        const kind: RecipientKind =
          kindRoll < 0.85 ? 'organization' : kindRoll < 0.95 ? 'class' : 'general_designation';
        // The reader's organization is the first named recipient of about half the consents.
        const organizationId =
          kind !== 'organization' ? null : rng.chance(r === 0 ? 0.6 : 0.1) ? readerOrg : otherOrg(named);
        if (organizationId !== null && named.has(organizationId)) continue;
        if (organizationId !== null) named.add(organizationId);
        rows.recipients.push({
          networkId,
          id: rng.uuid(),
          consentId,
          patientId: id,
          position: position++,
          kind,
          organizationId,
          description: kind === 'organization' ? null : 'My treating providers in the network',
          revokedAt: rng.chance(0.1) ? daysFrom(recordedAt, rng.int(1, 30)) : null,
        });
      }
    }

    if (rng.chance(0.08)) {
      const decidedAt = stampOf(rng.int(0, 400));
      const scopeRoll = rng.next();
      rows.restrictions.push({
        networkId,
        id: rng.uuid(),
        patientId: id,
        description: 'Do not disclose to my employer-sponsored program',
        organizationId: scopeRoll < 0.3 ? readerOrg : scopeRoll < 0.5 ? null : otherOrg(new Set([holder])),
        purposes: rng.chance(0.5) ? ['TREAT'] : ['HPAYMT', 'HOPERAT'],
        receivedOn: isoDay(decidedAt),
        decision: rng.chance(0.7) ? 'agreed' : 'declined',
        paidInFull: false,
        itemOrService: null,
        paidBy: null,
        decidedBy: staffOf(holder),
        decidedAt,
        terminatedAt: rng.chance(0.2) ? daysFrom(decidedAt, rng.int(1, 30)) : null,
      });
    }

    const emergencyCount = rng.chance(0.04) ? rng.int(1, 2) : 0;
    for (let e = 0; e < emergencyCount && network.clinicians.length > 0; e++) {
      const clinician = rng.pick(network.clinicians);
      if (clinician.organizationId === holder) continue;
      // Most emergency accesses are over; a few are still open.
      const at = rng.chance(0.1)
        ? new Date(now.getTime() - rng.int(0, emergencyMs / 2))
        : stampOf(rng.int(1, 300));
      rows.emergencies.push({
        networkId,
        id: rng.uuid(),
        patientId: id,
        holderOrgId: holder,
        membershipId: clinician.membershipId,
        userId: clinician.userId,
        organizationId: clinician.organizationId,
        recipientName: 'Emergency department physician',
        recipientAffiliation: 'Emergency department',
        nature: 'Unresponsive on arrival; medication history needed',
        at,
        expiresAt: new Date(at.getTime() + emergencyMs),
        reviewedAt: null,
        reviewedBy: null,
        reviewNote: null,
      });
    }
  }
  return { patientIds, rows };
}

export async function seed(deps: Deps, seeded: Seeded): Promise<void> {
  const { rows } = seeded;
  await deps.db.transaction(async (tx) => {
    await bulkInsert(tx, patients, rows.patients);
    await bulkInsert(tx, patientIdentifiers, rows.identifiers);
    await bulkInsert(tx, treatingRelationships, rows.treating);
    await bulkInsert(tx, consents, rows.consents);
    await bulkInsert(tx, consentRecipients, rows.recipients);
    await bulkInsert(tx, restrictions, rows.restrictions);
    await bulkInsert(tx, emergencyAccesses, rows.emergencies);
  });
  // Statistics for every seeded table, as autovacuum would have them on a database in use.
  for (const table of [
    patients,
    patientIdentifiers,
    treatingRelationships,
    consents,
    consentRecipients,
    restrictions,
    emergencyAccesses,
  ]) {
    await deps.db.execute(sql`analyze ${table}`);
  }
}
