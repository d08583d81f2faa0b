/** One patient's §2.24 list requests, through the decision point (holding organization only). */
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';
import type { Actor, Deps } from '../context.ts';
import { listRequestViews } from './list-request-view.ts';
import { openPatient } from './open-patient.ts';

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
