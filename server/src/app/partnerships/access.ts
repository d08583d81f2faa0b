/**
 * The party check of the partnership workspace, in one place: a partnership is found only in the actor's
 * network and only by members of one of its two organizations — for everyone else (the convener
 * included, who sees aggregates only) it does not exist. Writes go through `writeAudited`, which runs the
 * change and its audit event in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { partnerships } from '../../db/schema/index.ts';
import type { Action } from '../../domain/identity/permissions.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps, MemberActor } from '../context.ts';
import { isUuid } from '../../lib/uuid.ts';

export type PartnershipRow = typeof partnerships.$inferSelect;

export const isParty = (p: PartnershipRow, organizationId: string) =>
  p.hospitalOrgId === organizationId || p.cboOrgId === organizationId;

/** The partnership, if the actor may perform `action` on it; otherwise not found (or forbidden). */
export async function partnershipFor(
  deps: Deps,
  actor: Actor,
  id: string,
  action: Action,
): Promise<{ member: MemberActor; partnership: PartnershipRow }> {
  const member = requireMember(actor);
  const [partnership] = isUuid(id)
    ? await deps.db
        .select()
        .from(partnerships)
        .where(and(eq(partnerships.networkId, member.networkId), eq(partnerships.id, id)))
    : [];
  // A non-party is checked against an organization that is not its own: the matrix answers not found.
  await authorize(deps, member, action, {
    what: 'Partnership',
    organizationId:
      partnership && isParty(partnership, member.organizationId)
        ? member.organizationId
        : (partnership?.hospitalOrgId ?? id),
    entityType: 'partnership',
    entityId: partnership?.id ?? id,
  });
  if (!partnership) throw notFound('Partnership');
  return { member, partnership };
}

/** Runs a change and its audit event in one transaction. */
export async function writeAudited<T>(
  deps: Deps,
  member: MemberActor,
  audit: { action: Action; partnershipId: string; details?: Record<string, unknown> },
  change: (tx: Tx, now: Date) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const result = await change(tx, now);
    await appendAuditEvent(tx, member, now, {
      action: audit.action,
      entityType: 'partnership',
      entityId: audit.partnershipId,
      ...(audit.details ? { details: audit.details } : {}),
    });
    return result;
  });
}
