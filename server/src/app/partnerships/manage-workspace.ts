/**
 * What every change to a partnership's workspace shares: the party check for `partnership.manage`, one
 * transaction with its audit event (and the partnership's "last changed"), the view returned; and the
 * check that the people named are members of one of the two organizations.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { memberships, partnerships } from '../../db/schema/index.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { partnershipFor, writeAudited, type PartnershipRow } from './access.ts';
import { getPartnership } from './get-partnership.ts';

/** Checks that every user is an active member of one of the partnership's organizations. */
export async function requireMembersOfParties(
  tx: Tx,
  p: PartnershipRow,
  userIds: string[],
  field: string,
  organizationId?: string,
) {
  if (userIds.length === 0) return;
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.userId, userIds),
        eq(memberships.status, 'active'),
        inArray(
          memberships.organizationId,
          organizationId ? [organizationId] : [p.hospitalOrgId, p.cboOrgId],
        ),
      ),
    );
  const found = new Set(rows.map((r) => r.userId));
  if (userIds.some((id) => !found.has(id)))
    throw invalid(
      field,
      organizationId
        ? 'must be a member of that organization'
        : 'must be a member of one of the two organizations',
    );
}

export type WorkspaceChange = (
  tx: Tx,
  now: Date,
  p: PartnershipRow,
  actor: { userId: string; organizationId: string },
) => Promise<void>;

/** Loads the partnership for `partnership.manage`, applies the change with its audit event, returns the view. */
export async function manageWorkspace(
  deps: Deps,
  actor: Actor,
  id: string,
  change: string,
  apply: WorkspaceChange,
) {
  const { member, partnership } = await partnershipFor(deps, actor, id, 'partnership.manage');
  await writeAudited(
    deps,
    member,
    { action: 'partnership.manage', partnershipId: partnership.id, details: { change } },
    async (tx, now) => {
      await apply(tx, now, partnership, member);
      // The workspace changed: the partnership's "last changed" follows (its version does not: that
      // guards status and notes only).
      await tx
        .update(partnerships)
        .set({ updatedAt: now })
        .where(and(eq(partnerships.networkId, partnership.networkId), eq(partnerships.id, partnership.id)));
    },
  );
  return getPartnership(deps, member, partnership.id);
}
