/** The consents of a patient, for the organization that holds the record ("who can see what, until when"). */
import type { ConsentView } from '../../domain/consent/views.ts';
import type { Actor, Deps } from '../context.ts';
import { consentViews } from './consent-view.ts';
import { openPatient } from './open-patient.ts';

export async function listConsents(
  deps: Deps,
  actor: Actor,
  patientId: string,
): Promise<{ items: ConsentView[] }> {
  const { member, patient, today } = await openPatient(deps, actor, patientId, {
    action: 'patient.read',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Consent list',
    holderOnly: true,
  });
  return {
    items: await consentViews(deps.db, member.networkId, { patientId: patient.id }, deps.clock.now(), today),
  };
}
