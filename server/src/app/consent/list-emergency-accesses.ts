/**
 * The emergency accesses to the organization's patients, for its privacy review (P19); open ones by default.
 * The list names the holder's own patients, so reading it is audited (the patient ids in the details).
 */
import type { EmergencyAccessView } from '../../domain/consent/views.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { emergencyAccessViews } from './emergency-access-view.ts';

export async function listEmergencyAccesses(
  deps: Deps,
  actor: Actor,
  open: boolean,
): Promise<{ items: (EmergencyAccessView & { patientName: string })[] }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'emergency.review', {
    what: 'Emergency access',
    organizationId: member.organizationId,
  });
  const items = await emergencyAccessViews(deps.db, member.networkId, {
    holderOrgId: member.organizationId,
    open,
  });
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, deps.clock.now(), {
      action: 'emergency.review_list',
      details: { open, patients: [...new Set(items.map((i) => i.patientId))] },
    }),
  );
  return { items };
}
