/** Names (and work e-mails) of memberships, for care teams, histories and threads: staff, never patients. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships, organizations, users } from '../../db/schema/index.ts';

export interface Person {
  membershipId: string;
  name: string;
  email: string;
  organizationId: string;
  organizationName: string;
  roles: string[];
}

export async function peopleOf(
  db: Queryable,
  networkId: string,
  membershipIds: readonly (string | null | undefined)[],
): Promise<Map<string, Person>> {
  const ids = [...new Set(membershipIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.displayName,
      email: users.email,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, memberships.networkId),
        eq(organizations.id, memberships.organizationId),
      ),
    )
    .where(and(eq(memberships.networkId, networkId), inArray(memberships.id, ids)));
  return new Map(rows.map((r) => [r.membershipId, { ...r, roles: [...r.roles] }]));
}

/** Organization names by id. */
export async function organizationNames(
  db: Queryable,
  networkId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.networkId, networkId), inArray(organizations.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
