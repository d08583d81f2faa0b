/**
 * Ends an agreed restriction at the patient's written request or documented oral agreement (§2.26(b)(1)–
 * (2)); from that moment the decision point no longer applies it. Audited. A program-initiated termination
 * is not offered (see `RESTRICTION_TERMINATION_BASES`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { restrictions } from '../../db/schema/index.ts';
import type { RestrictionView } from '../../domain/consent/views.ts';
import type { RestrictionTerminationBasis } from '../../domain/consent/vocabulary.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { restrictionViews } from './restriction-view.ts';
import { openPatient } from './open-patient.ts';
import { isUuid } from '../../lib/uuid.ts';

export async function terminateRestriction(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { basis: RestrictionTerminationBasis; note: string },
): Promise<RestrictionView> {
  const member = requireMember(actor);
  const [row] = isUuid(id)
    ? await deps.db
        .select()
        .from(restrictions)
        .where(and(eq(restrictions.networkId, member.networkId), eq(restrictions.id, id)))
    : [];
  try {
    await openPatient(deps, actor, row?.patientId ?? id, {
      action: 'restriction.manage',
      category: 'demographics',
      purpose: 'TREAT',
      channel: 'web',
      description: 'Restriction termination',
      holderOnly: true,
      requested: { entityType: 'restriction', entityId: id },
    });
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw notFound('Restriction');
    throw error;
  }
  if (!row) throw notFound('Restriction');
  if (row.decision !== 'agreed')
    throw new AppError('conflict', 'Only an agreed restriction can be terminated');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const changed = await tx
      .update(restrictions)
      .set({
        terminatedAt: now,
        terminationBasis: input.basis,
        terminationNote: input.note,
        terminatedBy: member.userId,
      })
      .where(
        and(
          eq(restrictions.networkId, member.networkId),
          eq(restrictions.id, row.id),
          isNull(restrictions.terminatedAt),
        ),
      )
      .returning({ id: restrictions.id });
    if (changed.length === 0) throw new AppError('conflict', 'This restriction is already terminated');
    await appendAuditEvent(tx, member, now, {
      action: 'restriction.terminate',
      entityType: 'restriction',
      entityId: row.id,
      patientId: row.patientId,
      details: { basis: input.basis },
    });
  });
  const view = (await restrictionViews(deps, member.networkId, row.patientId)).find((v) => v.id === row.id);
  if (!view) throw new Error('restriction vanished');
  return view;
}
