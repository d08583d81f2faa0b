/** The emergency accesses to the organization's patients, for its privacy review (P19); open ones by default. */
import type { EmergencyAccessView } from '../../domain/consent/views.ts';
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
  return {
    items: await emergencyAccessViews(deps.db, member.networkId, {
      holderOrgId: member.organizationId,
      open,
    }),
  };
}
