/** Creates an organization in the actor's network (network conveners onboard new partners). */
import { randomUUID } from 'node:crypto';
import { organizations } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from './get-organization.ts';
import { organizationView, type CreateOrganizationInput, type OrganizationView } from './schemas.ts';

export async function createOrganization(
  deps: Deps,
  actor: Actor,
  input: CreateOrganizationInput,
  /** For the CLI operator, who belongs to no network: where to create it. */
  operatorNetworkId?: string,
): Promise<OrganizationView> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first');
  await authorize(deps, actor, 'organization.create', { what: 'Organization' });
  const networkId = actor.kind === 'member' ? actor.networkId : operatorNetworkId;
  if (!networkId) throw invalid('network', 'is required');
  const now = deps.clock.now();
  if (input.parentId) {
    const parent = await findOrganization(deps.db, networkId, input.parentId).catch(() => undefined);
    if (!parent) throw invalid('parentId', 'is not an organization of this network');
  }
  try {
    const row = await deps.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(organizations)
        .values({
          ...input,
          cboSubtype: input.cboSubtype ?? null,
          parentId: input.parentId ?? null,
          networkId,
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error('insert returned nothing');
      await appendAuditEvent(tx, actor, now, {
        networkId,
        action: 'organization.create',
        entityType: 'organization',
        entityId: created.id,
        details: { kind: created.kind, part2LegalStatus: created.part2LegalStatus },
      });
      return created;
    });
    return organizationView(row);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'An organization with this slug already exists', {
        errors: [{ field: 'slug', message: 'is already taken' }],
      });
    }
    throw err;
  }
}
