/**
 * Updates an organization's profile, Part 2 status and second-factor policy. With `expectedVersion`
 * (from `If-Match`) a stale update is refused (412) instead of overwriting someone else's change.
 */
import { and, eq } from 'drizzle-orm';
import { organizations } from '../../db/schema/index.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { touchOrganizationServices } from '../directory/write-service.ts';
import { findOrganization } from './get-organization.ts';
import { organizationView, type OrganizationView, type UpdateOrganizationInput } from './schemas.ts';

export async function updateOrganization(
  deps: Deps,
  actor: Actor,
  input: { id: string; changes: UpdateOrganizationInput; expectedVersion?: number | undefined },
): Promise<OrganizationView> {
  const member = requireMember(actor);
  const current = await findOrganization(deps.db, member.networkId, input.id);
  await authorize(deps, member, 'organization.update', {
    what: 'Organization',
    organizationId: current.id,
    entityType: 'organization',
    entityId: current.id,
  });
  if (input.changes.cboSubtype && current.kind !== 'cbo') throw invalid('cboSubtype', 'is only for CBOs');
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.networkId, member.networkId), eq(organizations.id, current.id)))
      .for('update');
    if (!locked) throw new Error('organization vanished');
    if (input.expectedVersion !== undefined && input.expectedVersion !== locked.version) {
      throw new AppError(
        'precondition_failed',
        'The organization was changed by someone else; reload and try again',
      );
    }
    const [updated] = await tx
      .update(organizations)
      .set({ ...input.changes, version: locked.version + 1, updatedAt: now })
      .where(and(eq(organizations.networkId, member.networkId), eq(organizations.id, current.id)))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    // Matching leaves out the services of an inactive organization and shows the organization's name
    // with each result: tell the match snapshots.
    if (updated.active !== locked.active || updated.name !== locked.name)
      await touchOrganizationServices(tx, member.networkId, current.id);
    await appendAuditEvent(tx, member, now, {
      action: 'organization.update',
      entityType: 'organization',
      entityId: current.id,
      details: { fields: Object.keys(input.changes).sort(), version: updated.version },
    });
    return updated;
  });
  return organizationView(row);
}
