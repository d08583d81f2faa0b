/**
 * §2.24 list requests: the holder's worklist (open ones by default), or one patient's requests (through the
 * decision point, holder only).
 */
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { networkToday } from '../network/network-today.ts';
import { listRequestViews } from './list-request-view.ts';
import { openPatient } from './open-patient.ts';

export async function listListRequests(
  deps: Deps,
  actor: Actor,
  open: boolean,
): Promise<{ items: DisclosureListRequestView[] }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'disclosure.report', {
    what: 'Request',
    organizationId: member.organizationId,
  });
  const today = await networkToday(deps, member.networkId);
  return {
    items: await listRequestViews(
      deps.db,
      member.networkId,
      { holderOrgId: member.organizationId, open },
      today,
    ),
  };
}

export async function listPatientListRequests(
  deps: Deps,
  actor: Actor,
  patientId: string,
): Promise<{ items: DisclosureListRequestView[] }> {
  const { member, patient, today } = await openPatient(deps, actor, patientId, {
    action: 'disclosure.report',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Disclosure list requests',
    holderOnly: true,
  });
  return { items: await listRequestViews(deps.db, member.networkId, { patientId: patient.id }, today) };
}
