/** Marks an emergency access to one of the organization's patients as reviewed, with a note (audited). */
import { and, eq, isNull } from 'drizzle-orm';
import { emergencyAccesses } from '../../db/schema/index.ts';
import type { EmergencyAccessView } from '../../domain/consent/views.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { emergencyAccessViews } from './emergency-access-view.ts';
import { isUuid } from '../../lib/uuid.ts';

export async function reviewEmergencyAccess(
  deps: Deps,
  actor: Actor,
  id: string,
  note: string,
): Promise<EmergencyAccessView & { patientName: string }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'emergency.review', {
    what: 'Emergency access',
    organizationId: member.organizationId,
  });
  const [row] = isUuid(id)
    ? await deps.db
        .select()
        .from(emergencyAccesses)
        .where(and(eq(emergencyAccesses.networkId, member.networkId), eq(emergencyAccesses.id, id)))
    : [];
  if (!row || row.holderOrgId !== member.organizationId) throw notFound('Emergency access');
  if (row.reviewedAt) throw new AppError('conflict', 'This emergency access is already reviewed');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Only an unreviewed row changes: of two reviews at the same moment, the second gets 409.
    const changed = await tx
      .update(emergencyAccesses)
      .set({ reviewedAt: now, reviewedBy: member.userId, reviewNote: note })
      .where(
        and(
          eq(emergencyAccesses.networkId, member.networkId),
          eq(emergencyAccesses.id, row.id),
          isNull(emergencyAccesses.reviewedAt),
        ),
      )
      .returning({ id: emergencyAccesses.id });
    if (changed.length === 0) throw new AppError('conflict', 'This emergency access is already reviewed');
    await appendAuditEvent(tx, member, now, {
      action: 'emergency.review',
      entityType: 'emergency_access',
      entityId: row.id,
      patientId: row.patientId,
    });
  });
  const [view] = await emergencyAccessViews(deps.db, member.networkId, { ids: [row.id] });
  if (!view) throw new Error('emergency access vanished');
  return view;
}
