/**
 * Vocabulary codes the UI offers in forms and filters. They mirror
 * `server/src/domain/identity/vocabulary.ts` (the source of truth); an e2e check keeps them equal.
 * Human labels live in the i18n files under `vocab.*`.
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

/** Actions the session's `permissions` list may contain. */
export type Permission =
  | 'organization.read'
  | 'organization.create'
  | 'organization.update'
  | 'site.manage'
  | 'member.read'
  | 'member.invite'
  | 'member.update'
  | 'token.manage_own'
  | 'token.manage_org'
  | 'audit.read'
  | 'audit.verify'
  | 'directory.import'
  | 'patient.read'
  | 'patient.register'
  | 'consent.record'
  | 'consent.revoke'
  | 'restriction.manage'
  | 'disclosure.report'
  | 'emergency.access'
  | 'emergency.review';

/** Any of these makes the Admin area visible. */
export const ADMIN_PERMISSIONS: readonly Permission[] = [
  'organization.create',
  'organization.update',
  'site.manage',
  'member.read',
  'member.invite',
  'member.update',
  'token.manage_org',
  'audit.read',
  'directory.import',
];
