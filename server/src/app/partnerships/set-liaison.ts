/** Names a liaison or backup for one side; the person must be a member of that side. */
import { randomUUID } from 'node:crypto';
import { partnershipLiaisons } from '../../db/schema/index.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { isParty } from './access.ts';
import type { LiaisonInput } from './schemas.ts';
import { manageWorkspace, requireMembersOfParties } from './manage-workspace.ts';

export const setLiaison = (deps: Deps, actor: Actor, id: string, input: LiaisonInput) =>
  manageWorkspace(deps, actor, id, 'liaison', async (tx, now, p) => {
    if (!isParty(p, input.organizationId))
      throw invalid('organizationId', 'must be one of the two organizations');
    await requireMembersOfParties(tx, p, [input.userId], 'userId', input.organizationId);
    await tx
      .insert(partnershipLiaisons)
      .values({
        networkId: p.networkId,
        id: randomUUID(),
        partnershipId: p.id,
        organizationId: input.organizationId,
        userId: input.userId,
        role: input.role,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [
          partnershipLiaisons.networkId,
          partnershipLiaisons.partnershipId,
          partnershipLiaisons.userId,
        ],
        set: { role: input.role, organizationId: input.organizationId },
      });
  });
