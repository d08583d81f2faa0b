/** The restriction requests (§2.26) of a patient, for the holding organization. */
import type { RestrictionView } from '../../domain/consent/views.ts';
import type { Actor, Deps } from '../context.ts';
import { openPatient } from './open-patient.ts';
import { restrictionViews } from './restriction-view.ts';

export async function listRestrictions(
  deps: Deps,
  actor: Actor,
  patientId: string,
): Promise<{ items: RestrictionView[] }> {
  const { member, patient } = await openPatient(deps, actor, patientId, {
    action: 'restriction.manage',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Restriction list',
    holderOnly: true,
  });
  return { items: await restrictionViews(deps, member.networkId, patient.id) };
}
