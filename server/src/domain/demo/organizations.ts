/**
 * The demo network's roster of organizations, as data: four safety-net health systems with seven
 * hospitals between them, and 29 community organizations covering every CBO subtype. Names are
 * fictional (any likeness to a real organization is accidental); e-mail and web domains use the
 * reserved `.test` top-level domain. The roster does not depend on the seed, so "the first hospital"
 * and "the first OBOT" are the same organizations in every generated network; the seed varies the
 * addresses, coordinates, phone lines, staff and ids.
 */
import type { CboSubtype, Part2LegalStatus } from '../identity/vocabulary.ts';

interface OrgTemplateBase {
  slug: string;
  name: string;
  /** Main location first; extra sites go to the following ZIPs. */
  zips: readonly [string, ...string[]];
  /** Serves a largely Spanish-speaking community: more staff with Spanish names, some with the `es` UI. */
  spanish?: boolean;
}

export interface HospitalTemplate extends OrgTemplateBase {
  /**
   * The hospital's addiction consult service is an identified unit that holds itself out as providing
   * SUD treatment and referral, so the hospital is recorded as a Part 2 program (part2-privacy.md, P1).
   */
  part2ConsultService?: boolean;
}

export interface HealthSystemTemplate extends OrgTemplateBase {
  /** E-mail and web domain shared by the system and its hospitals. */
  domain: string;
  hospitals: readonly HospitalTemplate[];
}

export interface CboTemplate extends OrgTemplateBase {
  subtype: CboSubtype;
  domain: string;
  /** Overrides the subtype's usual Part 2 legal status. */
  legalStatus?: Part2LegalStatus;
  /** The network's neutral convener (health department coalition). Exactly one CBO has it. */
  convener?: boolean;
  /** How many sites (default 1; the generator may add one more where a second ZIP is listed). */
  maxSites?: 1 | 2;
}

export const DEMO_NETWORK_NAME = 'Greater Cleveland Opioid Transitions Network';
export const DEMO_NETWORK_SLUG = 'demo';

export const HEALTH_SYSTEMS: readonly HealthSystemTemplate[] = [
  {
    slug: 'erie-shore-health',
    name: 'Erie Shore Health System',
    domain: 'erieshorehealth.test',
    zips: ['44109'],
    hospitals: [
      { slug: 'erie-shore-medical-center', name: 'Erie Shore Medical Center', zips: ['44109', '44144'] },
      { slug: 'erie-shore-west-park', name: 'Erie Shore West Park Hospital', zips: ['44111', '44135'] },
    ],
  },
  {
    slug: 'riverbend-health',
    name: 'Riverbend Health Partners',
    domain: 'riverbendhealth.test',
    zips: ['44106'],
    hospitals: [
      {
        slug: 'riverbend-university-hospital',
        name: 'Riverbend University Hospital',
        zips: ['44106', '44118'],
        part2ConsultService: true,
      },
      { slug: 'riverbend-parma', name: 'Riverbend Parma Medical Center', zips: ['44134'] },
    ],
  },
  {
    slug: 'forest-hill-health',
    name: 'Forest Hill Community Health System',
    domain: 'foresthillhealth.test',
    zips: ['44112'],
    hospitals: [
      { slug: 'forest-hill-hospital', name: 'Forest Hill Hospital', zips: ['44112', '44108'] },
      { slug: 'forest-hill-euclid', name: 'Forest Hill Euclid Medical Center', zips: ['44117', '44110'] },
    ],
  },
  {
    slug: 'northcoast-health',
    name: 'Northcoast Safety-Net Health',
    domain: 'northcoasthealth.test',
    zips: ['44115'],
    hospitals: [
      {
        slug: 'northcoast-community-hospital',
        name: 'Northcoast Community Hospital',
        zips: ['44102', '44113'],
        spanish: true,
      },
    ],
  },
];

export const CBOS: readonly CboTemplate[] = [
  // Opioid treatment programs (methadone).
  {
    subtype: 'otp',
    slug: 'broadway-otp',
    name: 'Broadway Opioid Treatment Program',
    domain: 'broadwayotp.test',
    zips: ['44127', '44105'],
    maxSites: 2,
  },
  {
    subtype: 'otp',
    slug: 'westshore-medication-recovery',
    name: 'Westshore Medication Recovery Clinic',
    domain: 'westshorerecovery.test',
    zips: ['44107'],
  },
  {
    subtype: 'otp',
    slug: 'st-clair-methadone-clinic',
    name: 'St. Clair Methadone Clinic',
    domain: 'stclairclinic.test',
    zips: ['44103'],
  },
  {
    subtype: 'otp',
    slug: 'harvard-road-treatment',
    name: 'Harvard Road Treatment Services',
    domain: 'harvardroadtreatment.test',
    zips: ['44128', '44125'],
    maxSites: 2,
  },
  // Office-based opioid treatment (buprenorphine).
  {
    subtype: 'obot',
    slug: 'ohio-city-recovery-medicine',
    name: 'Ohio City Recovery Medicine',
    domain: 'ohiocityrecovery.test',
    zips: ['44113', '44102'],
    maxSites: 2,
  },
  {
    subtype: 'obot',
    slug: 'buckeye-family-medicine',
    name: 'Buckeye Road Family Medicine & Recovery',
    domain: 'buckeyefamilymed.test',
    zips: ['44120'],
  },
  {
    subtype: 'obot',
    slug: 'ridge-road-addiction-medicine',
    name: 'Ridge Road Addiction Medicine',
    domain: 'ridgeroadmed.test',
    zips: ['44134', '44144'],
    maxSites: 2,
  },
  {
    subtype: 'obot',
    slug: 'collinwood-recovery-health',
    name: 'Collinwood Recovery Health',
    domain: 'collinwoodrecovery.test',
    zips: ['44110'],
  },
  // Bridge clinic.
  {
    subtype: 'bridge_clinic',
    slug: 'prospect-bridge-clinic',
    name: 'Prospect Avenue Bridge Clinic',
    domain: 'prospectbridge.test',
    zips: ['44115'],
  },
  // Federally qualified health centers.
  {
    subtype: 'fqhc',
    slug: 'clark-fulton-community-health',
    name: 'Clark-Fulton Community Health Center',
    domain: 'clarkfultonhealth.test',
    zips: ['44102', '44109'],
    maxSites: 2,
    spanish: true,
  },
  {
    subtype: 'fqhc',
    slug: 'hough-neighborhood-health',
    name: 'Hough Neighborhood Health Center',
    domain: 'houghhealth.test',
    zips: ['44103', '44108'],
    maxSites: 2,
  },
  {
    subtype: 'fqhc',
    slug: 'slavic-village-family-health',
    name: 'Slavic Village Family Health Center',
    domain: 'svfamilyhealth.test',
    zips: ['44105'],
  },
  // Peer recovery organizations.
  {
    subtype: 'peer_recovery',
    slug: 'lakefront-peer-recovery',
    name: 'Lakefront Peer Recovery Collective',
    domain: 'lakefrontpeers.test',
    zips: ['44114'],
  },
  {
    subtype: 'peer_recovery',
    slug: 'camino-peer-recovery',
    name: 'Camino Peer Recovery Network',
    domain: 'caminopeers.test',
    zips: ['44102'],
    spanish: true,
  },
  {
    subtype: 'peer_recovery',
    slug: 'eastside-recovery-allies',
    name: 'Eastside Recovery Allies',
    domain: 'eastsideallies.test',
    zips: ['44108', '44112'],
    maxSites: 2,
    // Holds itself out as providing referral for SUD treatment: a Part 2 program.
    legalStatus: 'part2_program',
  },
  {
    subtype: 'peer_recovery',
    slug: 'west-park-peer-support',
    name: 'West Park Peer Support Center',
    domain: 'westparkpeers.test',
    zips: ['44111'],
    // Under contract to a health system for emergency-department peer coverage.
    legalStatus: 'business_associate',
  },
  // Harm reduction.
  {
    subtype: 'harm_reduction',
    slug: 'safe-passage-harm-reduction',
    name: 'Safe Passage Harm Reduction',
    domain: 'safepassagehr.test',
    zips: ['44113', '44103'],
    maxSites: 2,
  },
  {
    subtype: 'harm_reduction',
    slug: 'kinsman-street-outreach',
    name: 'Kinsman Street Outreach Project',
    domain: 'kinsmanoutreach.test',
    zips: ['44104'],
  },
  // Recovery housing.
  {
    subtype: 'recovery_housing',
    slug: 'fresh-start-residences',
    name: 'Fresh Start Recovery Residences',
    domain: 'freshstartresidences.test',
    zips: ['44102', '44111'],
    maxSites: 2,
  },
  {
    subtype: 'recovery_housing',
    slug: 'cedar-house-recovery',
    name: 'Cedar House Recovery Living',
    domain: 'cedarhouse.test',
    zips: ['44106'],
  },
  {
    subtype: 'recovery_housing',
    slug: 'lakewood-recovery-homes',
    name: 'Lakewood Recovery Homes',
    domain: 'lakewoodrecoveryhomes.test',
    zips: ['44107'],
  },
  // Residential treatment.
  {
    subtype: 'residential_treatment',
    slug: 'brooklyn-centre-residential',
    name: 'Brooklyn Centre Residential Recovery',
    domain: 'brooklyncentre.test',
    zips: ['44109'],
  },
  {
    subtype: 'residential_treatment',
    slug: 'chagrin-valley-residential',
    name: 'Chagrin Valley Residential Treatment',
    domain: 'chagrinvalleytx.test',
    zips: ['44128'],
  },
  // Withdrawal management.
  {
    subtype: 'withdrawal_management',
    slug: 'woodland-withdrawal-management',
    name: 'Woodland Avenue Withdrawal Management',
    domain: 'woodlandwm.test',
    zips: ['44104'],
  },
  // Behavioral health.
  {
    subtype: 'behavioral_health',
    slug: 'near-west-behavioral-health',
    name: 'Near West Behavioral Health',
    domain: 'nearwestbh.test',
    zips: ['44113', '44102'],
    maxSites: 2,
    // Runs an outpatient SUD counseling program.
    legalStatus: 'part2_program',
  },
  {
    subtype: 'behavioral_health',
    slug: 'heights-counseling',
    name: 'Heights Counseling & Wellness',
    domain: 'heightscounseling.test',
    zips: ['44118'],
  },
  // Social services.
  {
    subtype: 'social_services',
    slug: 'glenville-resource-center',
    name: 'Glenville Neighborhood Resource Center',
    domain: 'glenvilleresources.test',
    zips: ['44108'],
  },
  {
    subtype: 'social_services',
    slug: 'garfield-family-services',
    name: 'Garfield Heights Family Services',
    domain: 'garfieldfamily.test',
    zips: ['44125', '44105'],
    maxSites: 2,
  },
  // The convener.
  {
    subtype: 'other',
    slug: 'cuyahoga-overdose-prevention',
    name: 'Cuyahoga Overdose Prevention Collaborative',
    domain: 'cuyahogaopc.test',
    zips: ['44115'],
    convener: true,
  },
];

/**
 * The usual Part 2 legal status of each CBO subtype (part2-privacy.md, P1): treatment programs are
 * Part 2 programs; FQHCs and behavioral health agencies are HIPAA covered entities; peer, harm
 * reduction, housing and social-service organizations are usually lawful holders.
 */
export const CBO_LEGAL_STATUS: Readonly<Record<CboSubtype, Part2LegalStatus>> = {
  otp: 'part2_program',
  obot: 'part2_program',
  bridge_clinic: 'part2_program',
  fqhc: 'covered_entity',
  peer_recovery: 'lawful_holder',
  harm_reduction: 'lawful_holder',
  recovery_housing: 'lawful_holder',
  residential_treatment: 'part2_program',
  withdrawal_management: 'part2_program',
  behavioral_health: 'covered_entity',
  social_services: 'lawful_holder',
  other: 'lawful_holder',
};

/** What a site of each kind of organization is called after its neighborhood ("Ohio City Office"). */
export const CBO_SITE_NOUN: Readonly<Record<CboSubtype, string>> = {
  otp: 'Clinic',
  obot: 'Office',
  bridge_clinic: 'Bridge Clinic',
  fqhc: 'Health Center',
  peer_recovery: 'Recovery Community Center',
  harm_reduction: 'Drop-In Center',
  recovery_housing: 'Residence',
  residential_treatment: 'Campus',
  withdrawal_management: 'Unit',
  behavioral_health: 'Counseling Center',
  social_services: 'Resource Center',
  other: 'Office',
};
