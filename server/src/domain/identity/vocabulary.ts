/**
 * The identity vocabulary: organization kinds, CBO subtypes, Part 2 legal statuses and roles.
 * Codes are stable (stored in the database and used by the API); labels live in the UI's i18n files.
 */
export const ORGANIZATION_KINDS = ['health_system', 'hospital', 'cbo'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const CBO_SUBTYPES = [
  'otp',
  'obot',
  'bridge_clinic',
  'fqhc',
  'peer_recovery',
  'harm_reduction',
  'recovery_housing',
  'residential_treatment',
  'withdrawal_management',
  'behavioral_health',
  'social_services',
  'other',
] as const;
export type CboSubtype = (typeof CBO_SUBTYPES)[number];

/**
 * Legal status of an organization for 42 CFR Part 2 redisclosure. The default is `part2_program`,
 * the most restrictive reading (fail closed): an organization nobody has classified is treated as a
 * Part 2 program.
 */
export const PART2_LEGAL_STATUSES = [
  'part2_program',
  'covered_entity',
  'business_associate',
  'lawful_holder',
] as const;
export type Part2LegalStatus = (typeof PART2_LEGAL_STATUSES)[number];

export const ROLES = [
  'navigator',
  'peer_specialist',
  'clinician',
  'cbo_intake',
  'liaison',
  'program_manager',
  'org_admin',
  'network_convener',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
