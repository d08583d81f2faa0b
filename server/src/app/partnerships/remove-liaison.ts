/** Removes a liaison from a partnership. */
import { and, eq } from 'drizzle-orm';
import { partnershipLiaisons } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { manageWorkspace } from './manage-workspace.ts';

export const removeLiaison = (deps: Deps, actor: Actor, id: string, liaisonId: string) =>
  manageWorkspace(deps, actor, id, 'liaison.remove', async (tx, _now, p) => {
    const removed = await tx
      .delete(partnershipLiaisons)
      .where(
        and(
          eq(partnershipLiaisons.networkId, p.networkId),
          eq(partnershipLiaisons.partnershipId, p.id),
          eq(partnershipLiaisons.id, liaisonId),
        ),
      )
      .returning({ id: partnershipLiaisons.id });
    if (removed.length === 0) throw notFound('Liaison');
  });
