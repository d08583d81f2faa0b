/** Checks that the care team named on a transition are active members of the hospital. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { memberships } from '../../db/schema/index.ts';
import { invalid } from '../../lib/errors.ts';
import type { MemberActor } from '../context.ts';

export interface CareTeamIds {
  navigatorMembershipId?: string | null | undefined;
  peerMembershipId?: string | null | undefined;
  clinicianMembershipId?: string | null | undefined;
}

export async function checkCareTeam(db: Queryable, member: MemberActor, team: CareTeamIds): Promise<void> {
  const entries = Object.entries(team).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (entries.length === 0) return;
  const found = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.networkId, member.networkId),
        eq(memberships.organizationId, member.organizationId),
        eq(memberships.status, 'active'),
        inArray(
          memberships.id,
          entries.map(([, id]) => id),
        ),
      ),
    );
  const known = new Set(found.map((f) => f.id));
  for (const [field, id] of entries) {
    if (!known.has(id)) throw invalid(`careTeam.${field}`, 'is not an active member of this organization');
  }
}
