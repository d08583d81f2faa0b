/** The active organization's self-assessment for a quarter (default: this quarter); answering again replaces it. */
import { randomUUID } from 'node:crypto';
import { partnershipAssessments } from '../../db/schema/index.ts';
import { assessmentScore, quarterOf } from '../../domain/partnerships/vocabulary.ts';
import type { Actor, Deps } from '../context.ts';
import { partnershipFor } from './access.ts';
import type { AssessmentInput } from './schemas.ts';
import { networkToday } from '../network/network-today.ts';
import { manageWorkspace } from './manage-workspace.ts';

export async function submitAssessment(deps: Deps, actor: Actor, id: string, input: AssessmentInput) {
  const { member } = await partnershipFor(deps, actor, id, 'partnership.manage');
  const quarter = input.quarter ?? quarterOf(await networkToday(deps, member.networkId));
  return manageWorkspace(deps, actor, id, 'assessment', async (tx, now, p, by) => {
    const values = {
      answers: input.answers,
      score: assessmentScore(input.answers),
      comment: input.comment ?? null,
      submittedBy: by.userId,
      submittedAt: now,
    };
    await tx
      .insert(partnershipAssessments)
      .values({
        networkId: p.networkId,
        id: randomUUID(),
        partnershipId: p.id,
        organizationId: by.organizationId,
        quarter,
        ...values,
      })
      .onConflictDoUpdate({
        target: [
          partnershipAssessments.networkId,
          partnershipAssessments.partnershipId,
          partnershipAssessments.organizationId,
          partnershipAssessments.quarter,
        ],
        set: values,
      });
  });
}
