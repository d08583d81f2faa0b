/** Adds a service to an organization's directory entry (its admins and program managers, conveners). */
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findOrganization } from '../organizations/get-organization.ts';
import { findNamedService } from './find-services.ts';
import type { CreateServiceInput } from './schemas.ts';
import { serviceView, type ServiceView } from './service-record.ts';
import { insertService, nextChangeSeq, siteOfOrganization } from './write-service.ts';

export async function createService(
  deps: Deps,
  actor: Actor,
  input: CreateServiceInput,
): Promise<ServiceView> {
  const member = requireMember(actor);
  const org = await findOrganization(deps.db, member.networkId, input.organizationId);
  await authorize(deps, member, 'service.manage', {
    what: 'Organization',
    organizationId: org.id,
    entityType: 'organization',
    entityId: org.id,
  });
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const site = await siteOfOrganization(tx, member.networkId, org.id, input.siteId);
    const changeSeq = await nextChangeSeq(tx, member.networkId);
    const row = await insertService(tx, {
      networkId: member.networkId,
      organizationId: org.id,
      input,
      site,
      changeSeq,
      now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'service.create',
      entityType: 'service',
      entityId: row.id,
      details: { organizationId: org.id },
    });
    return row.id;
  });
  const { row, names } = await findNamedService(deps.db, member.networkId, id);
  return serviceView(row, names, now, deps.config.capacityMaxAgeDays);
}
