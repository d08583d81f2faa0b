/** Shapes of the REST API's payloads, as documented in `/api/openapi.json`. */
import type { CboSubtype, OrganizationKind, Part2LegalStatus } from '../vocabulary.ts';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  totpEnabled: boolean;
}

export interface MembershipOrganization {
  id: string;
  name: string;
  slug: string;
  kind: OrganizationKind;
  cboSubtype: CboSubtype | null;
}

export interface SessionMembership {
  id: string;
  networkId: string;
  organization: MembershipOrganization;
  roles: string[];
}

export interface Session {
  user: SessionUser;
  memberships: SessionMembership[];
  activeMembershipId: string | null;
  csrfToken: string;
  permissions: string[];
  totpEnrollmentRequired: boolean;
}

export interface Network {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}

export interface Organization {
  id: string;
  networkId: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  cboSubtype: CboSubtype | null;
  parentId: string | null;
  part2Program: boolean;
  part2LegalStatus: Part2LegalStatus;
  totpRequiredRoles: string[];
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
  website: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type OrganizationInput = Partial<
  Omit<Organization, 'id' | 'networkId' | 'version' | 'createdAt' | 'updatedAt'>
>;

export interface Site {
  id: string;
  organizationId: string;
  name: string;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  timezone: string | null;
  phone: string | null;
  active: boolean;
}

export type SiteInput = Partial<Omit<Site, 'id' | 'organizationId'>>;

export type MemberStatus = 'active' | 'inactive';

export interface Member {
  membershipId: string;
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  title: string | null;
  status: MemberStatus;
}

export interface Invitation {
  id: string;
  email: string;
  roles: string[];
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface InvitationPreview {
  email: string;
  organizationName: string;
  roles: string[];
  existingUser: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Only on an organization's token list. */
  userEmail?: string;
}

export interface CreatedToken extends ApiToken {
  token: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  actorUserId: string | null;
  actorOrganizationId: string | null;
  via: string | null;
  requestId: string | null;
}

export interface ChainVerification {
  chain: string;
  events: number;
  ok: boolean;
  firstBroken?: number | string | null;
}

export interface Items<T> {
  items: T[];
  total?: number;
}
