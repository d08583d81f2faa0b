/**
 * A partner reports a service's capacity (one click in the UI). The report is stamped with who and when,
 * kept in the capacity history, and is visible to every navigator's next search at once: the write
 * takes a new directory change number, which the match snapshot reads before each match.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { capacityReports, services } from '../../db/schema/index.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findNamedService } from './find-services.ts';
import type { CapacityInput } from './schemas.ts';
import { serviceView, type ServiceView } from './service-record.ts';
import { nextChangeSeq } from './write-service.ts';

export async function updateCapacity(
  deps: Deps,
  actor: Actor,
  args: { id: string; capacity: CapacityInput },
): Promise<ServiceView> {
  const member = requireMember(actor);
  const { row: current } = await findNamedService(deps.db, member.networkId, args.id);
  await authorize(deps, member, 'service.capacity', {
    what: 'Service',
    organizationId: current.organizationId,
    entityType: 'service',
    entityId: current.id,
  });
  const now = deps.clock.now();
  const { status, expectedWaitDays } = args.capacity;
  await deps.db.transaction(async (tx) => {
    const changeSeq = await nextChangeSeq(tx, member.networkId);
    await tx
      .update(services)
      .set({
        capacityStatus: status,
        capacityExpectedWaitDays: expectedWaitDays ?? null,
        capacityUpdatedAt: now,
        capacityUpdatedBy: member.userId,
        changeSeq,
      })
      .where(and(eq(services.networkId, member.networkId), eq(services.id, current.id)));
    await tx.insert(capacityReports).values({
      networkId: member.networkId,
      id: randomUUID(),
      serviceId: current.id,
      status,
      expectedWaitDays: expectedWaitDays ?? null,
      reportedBy: member.userId,
      reportedAt: now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'service.capacity',
      entityType: 'service',
      entityId: current.id,
      details: { organizationId: current.organizationId, status },
    });
  });
  const { row, names } = await findNamedService(deps.db, member.networkId, current.id);
  return serviceView(row, names, now, deps.config.capacityMaxAgeDays);
}
