/** Adds a shared goal: a metric and a target percentage. */
import { randomUUID } from 'node:crypto';
import { partnershipGoals } from '../../db/schema/index.ts';
import type { Actor, Deps } from '../context.ts';
import type { GoalInput } from './schemas.ts';
import { manageWorkspace } from './manage-workspace.ts';

export const addGoal = (deps: Deps, actor: Actor, id: string, input: GoalInput) =>
  manageWorkspace(deps, actor, id, 'goal', async (tx, now, p) => {
    await tx.insert(partnershipGoals).values({
      networkId: p.networkId,
      id: randomUUID(),
      partnershipId: p.id,
      metric: input.metric,
      target: input.target,
      description: input.description ?? null,
      createdAt: now,
      updatedAt: now,
    });
  });
