/**
 * Replaces a service's description, policies, eligibility, place and hours (`PUT`). Capacity is not
 * part of it (see `update-capacity.ts`). With `expectedVersion` (from `If-Match`) a stale write is
 * refused (412) instead of overwriting someone else's change.
 */
import { and, eq } from 'drizzle-orm';
import { services } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findNamedService } from './find-services.ts';
import type { ServiceInput } from './schemas.ts';
import { serviceView, type ServiceView } from './service-record.ts';
import { nextChangeSeq, replaceService, siteOfOrganization } from './write-service.ts';

export async function updateService(
  deps: Deps,
  actor: Actor,
  args: { id: string; input: ServiceInput; expectedVersion?: number | undefined },
): Promise<ServiceView> {
  const member = requireMember(actor);
  const { row: current } = await findNamedService(deps.db, member.networkId, args.id);
  await authorize(deps, member, 'service.manage', {
    what: 'Service',
    organizationId: current.organizationId,
    entityType: 'service',
    entityId: current.id,
  });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(services)
      .where(and(eq(services.networkId, member.networkId), eq(services.id, current.id)))
      .for('update');
    if (!locked) throw new Error('service vanished');
    if (args.expectedVersion !== undefined && args.expectedVersion !== locked.version) {
      throw new AppError(
        'precondition_failed',
        'The service was changed by someone else; reload and try again',
      );
    }
    const site = await siteOfOrganization(tx, member.networkId, locked.organizationId, args.input.siteId);
    const changeSeq = await nextChangeSeq(tx, member.networkId);
    const updated = await replaceService(tx, { current: locked, input: args.input, site, changeSeq, now });
    await appendAuditEvent(tx, member, now, {
      action: 'service.update',
      entityType: 'service',
      entityId: current.id,
      details: { organizationId: current.organizationId, version: updated.version },
    });
  });
  const { row, names } = await findNamedService(deps.db, member.networkId, current.id);
  return serviceView(row, names, now, deps.config.capacityMaxAgeDays);
}
