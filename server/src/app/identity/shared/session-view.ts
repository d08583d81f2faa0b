/**
 * The session payload the web app works from: the user, every active membership (for the
 * organization switcher), the active one, its permitted actions, and the CSRF token.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import { memberships, organizations, users } from '../../../db/schema/index.ts';
import { ACTIONS, grantedScope, type Action } from '../../../domain/identity/permissions.ts';
import { isRole } from '../../../domain/identity/vocabulary.ts';
import { notFound } from '../../../lib/errors.ts';

export interface SessionView {
  user: { id: string; email: string; displayName: string; locale: string; totpEnabled: boolean };
  memberships: Array<{
    id: string;
    networkId: string;
    organization: { id: string; name: string; slug: string; kind: string; cboSubtype: string | null };
    roles: string[];
  }>;
  activeMembershipId: string | null;
  csrfToken: string;
  permissions: Action[];
  totpEnrollmentRequired: boolean;
}

export async function activeMemberships(db: Queryable, userId: string) {
  return db
    .select({
      id: memberships.id,
      networkId: memberships.networkId,
      roles: memberships.roles,
      organization: {
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        kind: organizations.kind,
        cboSubtype: organizations.cboSubtype,
      },
    })
    .from(memberships)
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, memberships.networkId),
        eq(organizations.id, memberships.organizationId),
      ),
    )
    .where(
      and(eq(memberships.userId, userId), eq(memberships.status, 'active'), eq(organizations.active, true)),
    )
    .orderBy(asc(memberships.createdAt), asc(organizations.name));
}

export async function buildSessionView(
  db: Queryable,
  input: { userId: string; membershipId: string | null; csrfToken: string; totpEnrollmentRequired: boolean },
): Promise<SessionView> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw notFound('User');
  const list = await activeMemberships(db, input.userId);
  const active = list.find((m) => m.id === input.membershipId);
  const roles = (active?.roles ?? []).filter(isRole);
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      totpEnabled: user.totpEnabledAt !== null,
    },
    memberships: list,
    activeMembershipId: active?.id ?? null,
    csrfToken: input.csrfToken,
    permissions: input.totpEnrollmentRequired
      ? []
      : ACTIONS.filter((a) => grantedScope(roles, a) !== undefined),
    totpEnrollmentRequired: input.totpEnrollmentRequired,
  };
}
