/**
 * The consent gate of a referral (issue 5: "no consent naming that organization → it cannot be sent"). The
 * decision point is asked as if the receiving organization were reading the patient's treatment record for
 * treatment, and the answer must rest on a consent that names that organization itself. Stricter reading,
 * written down: a class or general-designation recipient does not count at send time — those reach an
 * organization only once it treats the patient (P6), which a referral has not yet established.
 */
import { decideAccess, type AccessFacts } from '../../domain/consent/decide.ts';
import { AppError } from '../../lib/errors.ts';

const NO_MEMBERSHIP = '00000000-0000-0000-0000-000000000000';

/**
 * The consent the referral relies on; 422 `no-consent` when none names the receiving organization. `facts`
 * are the patient's consent facts as loaded for this request's own decision (`openPatient`), so the
 * sender's access and the receiver's consent are judged on the same state.
 */
export function consentForReferral(
  facts: AccessFacts,
  input: { receiverOrgId: string; at: Date; today: string },
): string {
  const decision = decideAccess(
    {
      organizationId: input.receiverOrgId,
      membershipId: NO_MEMBERSHIP,
      category: 'treatment',
      purpose: 'TREAT',
      at: input.at,
      today: input.today,
    },
    facts,
  );
  const named =
    decision.permit &&
    decision.basis === 'consent' &&
    facts.consents
      .find((c) => c.id === decision.consentId)
      ?.recipients.some((r) => r.id === decision.recipientId && r.kind === 'organization');
  if (!named || !decision.permit || decision.basis !== 'consent') {
    throw new AppError(
      'unprocessable',
      "No active consent of the patient names this organization for treatment; record the patient's consent first",
      { type: 'no_consent', extra: { organizationId: input.receiverOrgId } },
    );
  }
  return decision.consentId;
}
