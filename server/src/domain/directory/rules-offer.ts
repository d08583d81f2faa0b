/**
 * Matching rules about *what* a service offers: the medication phase, the other needs, whether it
 * accepts people on the patient's medication, and its harm-reduction stance.
 *
 * Rules and strictness choices, written down:
 * - The need has components: the medication phase (if a medication is given) and each other need. A
 *   service that offers none of them is ruled out (`medication_not_offered` / `need_not_offered`, one
 *   conflict per missing component). A service that offers at least one is kept: the navigator combines
 *   services (an OTP for methadone, a recovery house for housing); each offered component is a fit.
 * - Methadone for opioid use disorder is offered only by an OTP. A non-OTP that says it starts or
 *   continues methadone is read as not offering it (the data is wrong or the service is not legal).
 * - `start` and `continue` are separate: a clinic that only continues buprenorphine does not offer a start.
 * - `acceptsCurrent = false` is a hard conflict ("does not accept patients on methadone") for every
 *   service, prescribers included, because the patient will be taking the medication while using the
 *   service. One exception: for a `start` need, the service that itself starts the medication is not
 *   checked (it is the one putting the patient on it).
 * - Harm-reduction stance: `abstinence_only` is a warning for everyone with opioid use disorder (a return
 *   to use may mean discharge); `supportive` is a fit when the need names a medication or harm reduction.
 *   `unstated` is neither.
 */
import type { MatchNeed } from './need.ts';
import { MEDICATION_LABELS, OTHER_NEED_LABELS } from './need.ts';
import { conflict, fit, warn, type ConflictCode, type Findings, type Reason } from './reasons.ts';
import type { DirectoryService } from './service.ts';
import { METHADONE_SERVICE_KIND, OTHER_NEED_SERVICE_KINDS, type OtherNeed } from './vocabulary.ts';

/** Checks what the service offers against the need; fills `findings`. */
export function checkOffer(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  const missing: Reason<ConflictCode>[] = [];
  let offered = 0;
  const medication = need.medication;
  let offersMedication = false;
  let startsIt = false;
  if (medication) {
    const label = MEDICATION_LABELS[medication.name];
    const policy = service.medications[medication.name];
    const params = { medication: medication.name, phase: medication.phase };
    const claims = policy[medication.phase];
    if (medication.name === 'methadone' && service.kind !== METHADONE_SERVICE_KIND) {
      missing.push({
        code: 'medication_not_offered',
        message: claims
          ? 'is not an opioid treatment program (OTP), the only place that can dispense methadone for opioid use disorder'
          : `does not ${medication.phase} methadone (only an opioid treatment program can)`,
        params,
      });
    } else if (claims) {
      offered++;
      offersMedication = true;
      startsIt = medication.phase === 'start';
      fit(
        findings,
        'offers_medication',
        `${medication.phase === 'start' ? 'starts' : 'continues'} ${label}`,
        params,
      );
    } else {
      const other = medication.phase === 'start' ? policy.continue : policy.start;
      const only = other ? ` (${medication.phase === 'start' ? 'continues' : 'starts'} it only)` : '';
      missing.push({
        code: 'medication_not_offered',
        message: `does not ${medication.phase} ${label}${only}`,
        params,
      });
    }
  }
  for (const otherNeed of uniqueNeeds(need.otherNeeds)) {
    const label = OTHER_NEED_LABELS[otherNeed];
    if (OTHER_NEED_SERVICE_KINDS[otherNeed].includes(service.kind)) {
      offered++;
      fit(findings, 'offers_need', `offers ${label}`, { need: otherNeed });
    } else {
      missing.push({
        code: 'need_not_offered',
        message: `does not offer ${label}`,
        params: { need: otherNeed },
      });
    }
  }
  if (offered === 0) findings.conflicts.push(...missing);

  if (medication && !startsIt) {
    const label = MEDICATION_LABELS[medication.name];
    const params = { medication: medication.name };
    if (!service.medications[medication.name].acceptsCurrent) {
      conflict(findings, 'medication_not_accepted', `does not accept patients on ${label}`, params);
    } else if (offered > 0 && !offersMedication) {
      fit(findings, 'accepts_current_medication', `accepts people currently taking ${label}`, params);
    }
  }
  checkStance(need, service, findings);
}

function checkStance(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  switch (service.policies.harmReduction) {
    case 'abstinence_only':
      warn(
        findings,
        'abstinence_only_stance',
        'abstinence-only program: a return to use may lead to discharge',
      );
      return;
    case 'supportive':
      if (need.medication || need.otherNeeds?.includes('harm_reduction')) {
        fit(findings, 'harm_reduction_supportive', 'practices harm reduction');
      }
      return;
    case 'neutral':
    case 'unstated':
      return;
  }
}

function uniqueNeeds(needs: readonly OtherNeed[] | undefined): readonly OtherNeed[] {
  if (!needs || needs.length < 2) return needs ?? [];
  return needs.filter((need, index) => needs.indexOf(need) === index);
}
