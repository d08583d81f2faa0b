/**
 * The demo network's services: what each community organization (and each hospital's bridge clinic)
 * offers, with the policy diversity navigators meet in real life — OTPs that start methadone, recovery
 * houses that refuse it, abstinence-only programs, walk-in and appointment-only intake, Spanish and
 * English, Medicaid plans, sliding fees — and capacity reports of varied freshness (fresh, stale beyond
 * the 7-day limit, never reported).
 *
 * A few services are fixed, because the walkthroughs and browser journeys rely on them:
 * - the first OBOT's (Ohio City Recovery Medicine) first service: fresh `accepting`;
 * - Fresh Start Recovery Residences: does not accept people on methadone (fresh `accepting` otherwise);
 * - Cedar House Recovery Living: accepts people on any MOUD, fresh `accepting`, open every day;
 * - Lakewood Recovery Homes: abstinence required, no MOUD at all.
 * Pure: the same network, seed and `now` give the same services.
 */
import type { DirectoryService, MedicationPolicy, WeeklyHours } from '../directory/service.ts';
import type { CapacityStatus, Medication, ServiceKind } from '../directory/vocabulary.ts';
import type { CboSubtype } from '../identity/vocabulary.ts';
import { createPrng, type Prng } from './prng.ts';
import type { DemoNetwork, DemoOrganization, DemoSite } from './types.ts';

/** A generated service: the domain shape without the capacity report, plus the report as rows store it. */
export interface DemoService extends Omit<DirectoryService, 'capacity' | 'location'> {
  networkId: string;
  description: string;
  location: { lat: number; lon: number; serviceArea?: { radiusKm?: number; zips?: string[] } };
  phone: string;
  referralChannel: string;
  capacity: { status: CapacityStatus; updatedAt: Date; expectedWaitDays?: number } | undefined;
}

const DAY_MS = 86_400_000;
const NONE: MedicationPolicy = { start: false, continue: false, acceptsCurrent: false };
const ACCEPTS: MedicationPolicy = { start: false, continue: false, acceptsCurrent: true };
const PRESCRIBES: MedicationPolicy = { start: true, continue: true, acceptsCurrent: true };
const CONTINUES: MedicationPolicy = { start: false, continue: true, acceptsCurrent: true };

type Medications = Record<Medication, MedicationPolicy>;
const acceptsAll: Medications = { buprenorphine: ACCEPTS, methadone: ACCEPTS, naltrexone_xr: ACCEPTS };

const WEEKDAYS_9_5: WeeklyHours = {
  mon: ['09:00-17:00'],
  tue: ['09:00-17:00'],
  wed: ['09:00-17:00'],
  thu: ['09:00-17:00'],
  fri: ['09:00-17:00'],
};
const DOSING: WeeklyHours = {
  mon: ['06:00-11:00'],
  tue: ['06:00-11:00'],
  wed: ['06:00-11:00'],
  thu: ['06:00-11:00'],
  fri: ['06:00-11:00'],
  sat: ['07:00-10:00'],
};
const EVERY_DAY: WeeklyHours = {
  mon: ['08:00-20:00'],
  tue: ['08:00-20:00'],
  wed: ['08:00-20:00'],
  thu: ['08:00-20:00'],
  fri: ['08:00-20:00'],
  sat: ['10:00-16:00'],
  sun: ['10:00-16:00'],
};

interface Profile {
  kind: ServiceKind;
  label: string;
  medications: Medications;
  hours: WeeklyHours;
}

const PROFILES: Partial<Record<CboSubtype, Profile>> = {
  otp: {
    kind: 'otp',
    label: 'Methadone and buprenorphine treatment',
    medications: { buprenorphine: PRESCRIBES, methadone: PRESCRIBES, naltrexone_xr: ACCEPTS },
    hours: DOSING,
  },
  obot: {
    kind: 'obot',
    label: 'Office-based buprenorphine treatment',
    medications: { buprenorphine: PRESCRIBES, methadone: ACCEPTS, naltrexone_xr: PRESCRIBES },
    hours: WEEKDAYS_9_5,
  },
  bridge_clinic: {
    kind: 'bridge_clinic',
    label: 'Bridge clinic (walk-in buprenorphine)',
    medications: { buprenorphine: PRESCRIBES, methadone: ACCEPTS, naltrexone_xr: ACCEPTS },
    hours: { ...WEEKDAYS_9_5, sat: ['10:00-14:00'] },
  },
  fqhc: {
    kind: 'fqhc',
    label: 'Primary care with MOUD',
    medications: { buprenorphine: PRESCRIBES, methadone: ACCEPTS, naltrexone_xr: CONTINUES },
    hours: { ...WEEKDAYS_9_5, thu: ['09:00-19:00'] },
  },
  peer_recovery: {
    kind: 'peer_support',
    label: 'Peer recovery coaching',
    medications: acceptsAll,
    hours: EVERY_DAY,
  },
  harm_reduction: {
    kind: 'harm_reduction',
    label: 'Harm reduction drop-in',
    medications: acceptsAll,
    hours: EVERY_DAY,
  },
  recovery_housing: {
    kind: 'recovery_housing',
    label: 'Recovery residence',
    medications: acceptsAll,
    hours: WEEKDAYS_9_5,
  },
  residential_treatment: {
    kind: 'residential',
    label: 'Residential treatment',
    medications: { buprenorphine: CONTINUES, methadone: ACCEPTS, naltrexone_xr: PRESCRIBES },
    hours: WEEKDAYS_9_5,
  },
  withdrawal_management: {
    kind: 'withdrawal_management',
    label: 'Medically managed withdrawal',
    medications: { buprenorphine: PRESCRIBES, methadone: ACCEPTS, naltrexone_xr: ACCEPTS },
    hours: EVERY_DAY,
  },
  behavioral_health: {
    kind: 'behavioral_health',
    label: 'Outpatient counseling and MOUD continuation',
    medications: { buprenorphine: CONTINUES, methadone: ACCEPTS, naltrexone_xr: CONTINUES },
    hours: WEEKDAYS_9_5,
  },
  social_services: {
    kind: 'social_services',
    label: 'Benefits, ID and housing help',
    medications: acceptsAll,
    hours: WEEKDAYS_9_5,
  },
};

/** Policies that make named organizations the cases the journeys and walkthroughs show. */
function applyFixedPolicies(slug: string, service: DemoService): void {
  switch (slug) {
    case 'fresh-start-residences':
      service.medications = { ...service.medications, methadone: NONE };
      service.policies.harmReduction = 'neutral';
      service.description =
        'Sober living for men and women; residents on buprenorphine are welcome, methadone is not.';
      return;
    case 'cedar-house-recovery':
      service.medications = acceptsAll;
      service.policies = {
        ...service.policies,
        harmReduction: 'supportive',
        prerequisites: [],
        walkIn: false,
      };
      service.intakeHours = EVERY_DAY;
      service.description =
        'MOUD-friendly recovery residence: residents on methadone, buprenorphine or naltrexone welcome.';
      return;
    case 'lakewood-recovery-homes':
      service.medications = { buprenorphine: NONE, methadone: NONE, naltrexone_xr: ACCEPTS };
      service.policies.harmReduction = 'abstinence_only';
      service.policies.prerequisites = ['abstinence', 'photo_id'];
      service.eligibility.genders = ['male'];
      service.description = 'Abstinence-based sober house for men.';
      return;
    case 'chagrin-valley-residential':
      service.medications = { buprenorphine: NONE, methadone: NONE, naltrexone_xr: PRESCRIBES };
      service.policies.harmReduction = 'abstinence_only';
      service.policies.prerequisites = ['negative_drug_screen', 'insurance'];
      return;
  }
}

function capacityFor(rng: Prng, now: Date): DemoService['capacity'] {
  const roll = rng.next();
  if (roll < 0.15) return undefined; // never reported
  const stale = roll < 0.4;
  const ageDays = stale ? rng.int(9, 40) : rng.int(0, 5);
  const updatedAt = new Date(now.getTime() - ageDays * DAY_MS - rng.int(0, 20) * 3_600_000);
  const status = rng.pick<CapacityStatus>([
    'accepting',
    'accepting',
    'accepting',
    'waitlist',
    'not_accepting',
    'assessment_required',
  ]);
  return status === 'waitlist'
    ? { status, updatedAt, expectedWaitDays: rng.int(2, 21) }
    : { status, updatedAt };
}

/** The profile (kind, medications, hours) of an organization's services; undefined: it offers none. */
function profileOf(org: Pick<DemoOrganization, 'kind' | 'cboSubtype'>): Profile | undefined {
  if (org.kind === 'hospital') return PROFILES.bridge_clinic;
  return org.cboSubtype ? PROFILES[org.cboSubtype] : undefined;
}

/**
 * One service of an organization at one site, with randomized policies and capacity. Also used by the
 * directory benchmark to build large synthetic directories.
 */
export function demoServiceFor(
  rng: Prng,
  org: DemoOrganization,
  site: DemoSite,
  options: { spanish: boolean; now: Date },
): DemoService | undefined {
  const profile = profileOf(org);
  return profile ? serviceFor(rng, org, site, profile, options.spanish, options.now) : undefined;
}

function serviceFor(
  rng: Prng,
  org: DemoOrganization,
  site: DemoSite,
  profile: Profile,
  spanish: boolean,
  now: Date,
): DemoService {
  const medicaidPlans = rng.chance(0.3) ? ['Buckeye Health Plan', 'CareSource', 'Molina Healthcare'] : 'all';
  const service: DemoService = {
    networkId: org.networkId,
    id: rng.uuid(),
    organizationId: org.id,
    siteId: site.id,
    name: site.name === org.name ? profile.label : `${profile.label} — ${site.name}`,
    description: `${profile.label} at ${org.name}.`,
    kind: profile.kind,
    medications: { ...profile.medications },
    policies: {
      harmReduction: rng.pick(['supportive', 'supportive', 'neutral', 'unstated'] as const),
      prerequisites: rng.sample(
        ['photo_id', 'provider_referral', 'appointment_only'] as const,
        rng.int(0, 1),
      ),
      walkIn: rng.chance(0.6),
      sameDayIntake: rng.chance(0.5),
      nextDayIntake: rng.chance(0.7),
      telehealth: profile.kind === 'obot' || profile.kind === 'behavioral_health' ? rng.chance(0.7) : false,
    },
    eligibility: {
      minAge: 18,
      genders: 'any',
      insurance: {
        medicaid: medicaidPlans,
        medicare: 'all',
        ...(rng.chance(0.6) ? { commercial: 'all' as const } : {}),
        uninsured: rng.pick(['free', 'sliding_scale', 'sliding_scale', 'full_fee'] as const),
      },
      languages: spanish || rng.chance(0.25) ? ['en', 'es'] : ['en'],
      accessibility: rng.sample(
        ['wheelchair_accessible', 'interpreter_available', 'near_public_transit'] as const,
        2,
      ),
    },
    location: { lat: site.latitude, lon: site.longitude, serviceArea: { radiusKm: rng.pick([15, 25, 40]) } },
    timezone: site.timezone,
    intakeHours: profile.hours,
    holidays: ['2026-11-26', '2026-12-25', '2027-01-01'],
    acknowledgement: { amount: rng.pick([2, 4, 1]), unit: 'business_hours' },
    referralChannel: 'referral by secure e-mail or phone',
    phone: site.phone,
    capacity: capacityFor(rng, now),
  };
  applyFixedPolicies(org.slug, service);
  return service;
}

const FIXED_ACCEPTING = new Set(['fresh-start-residences', 'cedar-house-recovery']);

/** Services for every CBO site (the convener excepted) and a bridge clinic at each hospital's first site. */
export function generateDemoServices(network: DemoNetwork, now: Date): DemoService[] {
  const rng = createPrng(network.seed, 'services');
  const services: DemoService[] = [];
  let firstObotSeen = false;
  for (const org of network.organizations) {
    if (org.id === network.convenerOrganizationId) continue;
    const profile =
      org.kind === 'hospital'
        ? PROFILES.bridge_clinic
        : org.cboSubtype
          ? PROFILES[org.cboSubtype]
          : undefined;
    if (!profile) continue;
    const orgSites = network.sites.filter((s) => s.organizationId === org.id && s.active);
    const sitesToServe = org.kind === 'hospital' ? orgSites.slice(0, 1) : orgSites;
    const spanish = network.users.some(
      (u) =>
        u.locale === 'es' &&
        network.memberships.some((m) => m.userId === u.id && m.organizationId === org.id),
    );
    for (const [index, site] of sitesToServe.entries()) {
      const service = serviceFor(rng, org, site, profile, spanish, now);
      const fixed =
        FIXED_ACCEPTING.has(org.slug) || (org.cboSubtype === 'obot' && !firstObotSeen && index === 0);
      if (fixed) service.capacity = { status: 'accepting', updatedAt: new Date(now.getTime() - 3_600_000) };
      services.push(service);
    }
    if (org.cboSubtype === 'obot') firstObotSeen = true;
  }
  return services;
}
