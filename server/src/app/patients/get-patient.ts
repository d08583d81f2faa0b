/** Reads one patient through the decision point: the holder, a consented recipient, or an emergency access. */
import type { RequestPurpose } from '../../domain/consent/vocabulary.ts';
import type { PatientView } from '../../domain/patients/views.ts';
import type { Actor, Deps } from '../context.ts';
import { openPatient } from '../consent/open-patient.ts';
import type { DisclosureChannel } from '../consent/record-disclosure.ts';
import { patientView } from './patient-view.ts';

export const DEMOGRAPHICS_DESCRIPTION =
  'Demographics: name, date of birth, sex, contact details, address, insurance';

export async function getPatient(
  deps: Deps,
  actor: Actor,
  id: string,
  purpose: RequestPurpose,
  channel: DisclosureChannel,
): Promise<PatientView> {
  const opened = await openPatient(deps, actor, id, {
    action: 'patient.read',
    category: 'demographics',
    purpose,
    channel,
    description: DEMOGRAPHICS_DESCRIPTION,
  });
  return patientView(deps.db, opened.patient, opened.decision.basis, opened.notice);
}
