/** Marks an action item done, or open again. */
import { and, eq } from 'drizzle-orm';
import { partnershipActionItems } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { manageWorkspace } from './manage-workspace.ts';

export const setActionItemDone = (deps: Deps, actor: Actor, id: string, itemId: string, done: boolean) =>
  manageWorkspace(deps, actor, id, 'action_item', async (tx, now, p) => {
    const updated = await tx
      .update(partnershipActionItems)
      .set({ doneAt: done ? now : null, updatedAt: now })
      .where(
        and(
          eq(partnershipActionItems.networkId, p.networkId),
          eq(partnershipActionItems.partnershipId, p.id),
          eq(partnershipActionItems.id, itemId),
        ),
      )
      .returning({ id: partnershipActionItems.id });
    if (updated.length === 0) throw notFound('Action item');
  });
