/** Records what one side actually delivered to the other (the partnership's ledger). */
import { randomUUID } from 'node:crypto';
import { partnershipDeliveries } from '../../db/schema/index.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { isParty } from './access.ts';
import type { DeliveryInput } from './schemas.ts';
import { manageWorkspace } from './manage-workspace.ts';

export const recordDelivery = (deps: Deps, actor: Actor, id: string, input: DeliveryInput) =>
  manageWorkspace(deps, actor, id, 'delivery', async (tx, now, p, by) => {
    if (!isParty(p, input.providerOrganizationId))
      throw invalid('providerOrganizationId', 'must be one of the two organizations');
    await tx.insert(partnershipDeliveries).values({
      networkId: p.networkId,
      id: randomUUID(),
      partnershipId: p.id,
      providerOrgId: input.providerOrganizationId,
      kind: input.kind,
      quantity: input.quantity,
      deliveredOn: input.deliveredOn,
      note: input.note ?? null,
      recordedBy: by.userId,
      createdAt: now,
    });
  });
