/** Changes a partnership's status, start date or notes (optimistic locking with the version). */
import { and, eq } from 'drizzle-orm';
import { partnerships } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { partnershipFor, writeAudited } from './access.ts';
import type { UpdatePartnershipInput } from './schemas.ts';
import { getPartnership } from './get-partnership.ts';

export async function updatePartnership(
  deps: Deps,
  actor: Actor,
  args: { id: string; input: UpdatePartnershipInput; expectedVersion?: number | undefined },
) {
  const { member, partnership } = await partnershipFor(deps, actor, args.id, 'partnership.manage');
  if (args.expectedVersion !== undefined && args.expectedVersion !== partnership.version)
    throw new AppError(
      'precondition_failed',
      'The partnership changed since you read it; reload and try again',
    );
  try {
    await writeAudited(
      deps,
      member,
      {
        action: 'partnership.manage',
        partnershipId: partnership.id,
        details: { change: 'partnership', ...(args.input.status ? { status: args.input.status } : {}) },
      },
      async (tx, now) => {
        const [updated] = await tx
          .update(partnerships)
          .set({
            ...(args.input.status !== undefined ? { status: args.input.status } : {}),
            ...(args.input.startedOn !== undefined ? { startedOn: args.input.startedOn } : {}),
            ...(args.input.notes !== undefined ? { notes: args.input.notes } : {}),
            version: partnership.version + 1,
            updatedAt: now,
          })
          .where(
            and(
              eq(partnerships.networkId, member.networkId),
              eq(partnerships.id, partnership.id),
              eq(partnerships.version, partnership.version),
            ),
          )
          .returning({ id: partnerships.id });
        if (!updated)
          throw new AppError(
            'precondition_failed',
            'The partnership changed meanwhile; reload and try again',
          );
      },
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'conflict',
        'These two organizations already have another partnership that has not ended',
      );
    throw error;
  }
  return getPartnership(deps, member, partnership.id);
}
