/**
 * The signed-in session for pages inside the app frame, plus helpers that read the active
 * membership and the permissions the server granted it.
 */
import { createContext, useContext } from 'react';
import type { Session, SessionMembership } from '../api/types.ts';
import type { Permission } from '../vocabulary.ts';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a signed-in page');
  return session;
}

export function activeMembership(session: Session): SessionMembership | undefined {
  return session.memberships.find((m) => m.id === session.activeMembershipId);
}

export interface Access {
  can: (permission: Permission) => boolean;
  /** The active membership has network-wide scope (a network convener). */
  networkWide: boolean;
  activeOrganizationId: string | undefined;
  /** True when the actor may act on this organization with the permission (own org, or network-wide). */
  canFor: (permission: Permission, organizationId: string) => boolean;
}

export function useAccess(): Access {
  const session = useSession();
  const membership = activeMembership(session);
  const networkWide = membership?.roles.includes('network_convener') ?? false;
  const activeOrganizationId = membership?.organization.id;
  const can = (permission: Permission) => session.permissions.includes(permission);
  return {
    can,
    networkWide,
    activeOrganizationId,
    canFor: (permission, organizationId) =>
      can(permission) && (networkWide || organizationId === activeOrganizationId),
  };
}
