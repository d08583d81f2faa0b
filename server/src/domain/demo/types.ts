/**
 * The shape of a generated demo network: plain objects whose fields match the identity tables
 * (network, organization, site, app_user, membership) minus what the database or the caller adds
 * (timestamps, version, password hash). Generation is pure; `seedDemoNetwork` writes these rows.
 */
import type { CboSubtype, OrganizationKind, Part2LegalStatus, Role } from '../identity/vocabulary.ts';

export interface DemoNetworkRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}

export interface DemoOrganization {
  networkId: string;
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  cboSubtype: CboSubtype | null;
  /** Hospitals: their health system. Everything else: null. */
  parentId: string | null;
  part2Program: boolean;
  part2LegalStatus: Part2LegalStatus;
  totpRequiredRoles: Role[];
  street: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  website: string;
  active: boolean;
}

export interface DemoSite {
  networkId: string;
  id: string;
  organizationId: string;
  name: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  timezone: string;
  phone: string;
  active: boolean;
}

export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  locale: 'en' | 'es';
  status: 'active';
}

export interface DemoMembership {
  networkId: string;
  id: string;
  userId: string;
  organizationId: string;
  roles: Role[];
  title: string;
  status: 'active';
}

/** One membership of a well-known login, resolved to its organization. */
export interface DemoLogin {
  email: string;
  displayName: string;
  roles: Role[];
  organizationId: string;
  organization: string;
}

export interface DemoNetwork {
  seed: number;
  network: DemoNetworkRow;
  /** Health systems first, then hospitals (after their parents, for the parent foreign key), then CBOs. */
  organizations: DemoOrganization[];
  sites: DemoSite[];
  /** Well-known logins first, then generated staff. */
  users: DemoUser[];
  memberships: DemoMembership[];
  /** The convener organization (a CBO of subtype `other`). */
  convenerOrganizationId: string;
  /** The well-known logins, one entry per membership (the cross-hired login has two). */
  logins: DemoLogin[];
}
