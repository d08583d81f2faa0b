/**
 * The policy decision point: for (actor's organization and membership, patient, data category, purpose,
 * time) it answers permit — with the basis it relied on — or deny. Pure: the use-case layer loads the
 * facts fresh for every request (no cached "consent OK", P9) and treats any failure to load them as deny.
 *
 * The rules (`part2-privacy.md` P4–P11, P17, P19), in the order they are applied:
 * 1. No patient → deny. The caller answers a denial and a missing patient with the same 404 (P21).
 * 2. The organization that holds the record may use it (it is not a disclosure).
 * 3. `ETREAT` is granted only by a live §2.51 emergency access of this membership, and never for
 *    counseling notes (stricter reading: §2.51 speaks of what is necessary for the emergency). An agreed
 *    restriction does not block it (§2.26(a)(3)).
 * 4. An agreed, unterminated restriction naming this recipient (or every recipient) and purpose → deny.
 *    It is the deepest provision, so it wins over any consent.
 * 5. A consent permits when it is active, complete (P5), not suspended as suspected-false, already in
 *    effect, not expired (the expiry date is the last day it is valid), its expiry event has not occurred,
 *    it is not revoked as a whole, it covers the category and the purpose, and one of its unrevoked
 *    recipients matches: a named organization equal to the actor's, or a class or general designation
 *    when the actor's organization has a recorded treating-provider relationship with the patient (the
 *    narrowest reading of P6). Counseling notes need a `counseling_notes` consent; `HLEGAL` needs a
 *    `specific` consent for that purpose alone (§2.31(d)). A consent revoked as to the actor's
 *    organization by name does not reach it through a class or designation either. Which consent is
 *    relied on: any consent naming the organization beats every consent that reaches it only through a
 *    class or designation; within the same tier, the most recently recorded one.
 * 6. Otherwise deny.
 */
import type {
  ConsentPurpose,
  ConsentType,
  DataCategory,
  DenyReason,
  RecipientKind,
  RequestPurpose,
} from './vocabulary.ts';

export interface RecipientFact {
  id: string;
  kind: RecipientKind;
  /** Set for `organization` recipients. */
  organizationId: string | null;
  revokedAt: Date | null;
}

export interface ConsentFact {
  id: string;
  type: ConsentType;
  /** Stored status; a consent is only ever stored complete, `complete` re-states the P5 check. */
  status: 'active' | 'entered_in_error';
  complete: boolean;
  /** Marked "suspected false" by staff and not yet cleared (P9). */
  suspended: boolean;
  purposes: readonly ConsentPurpose[];
  categories: readonly DataCategory[];
  /** When the consent was recorded; it permits nothing before. */
  effectiveFrom: Date;
  /** Last day (YYYY-MM-DD, in the network's time zone) it is valid; null when it expires on an event. */
  expiresOn: string | null;
  expiryEventAt: Date | null;
  revokedAt: Date | null;
  recipients: readonly RecipientFact[];
}

export interface RestrictionFact {
  id: string;
  agreed: boolean;
  /** The recipient it restricts; null restricts every recipient. */
  organizationId: string | null;
  purposes: readonly ConsentPurpose[];
  terminatedAt: Date | null;
}

export interface EmergencyFact {
  id: string;
  membershipId: string;
  grantedAt: Date;
  expiresAt: Date;
}

export interface AccessFacts {
  patientExists: boolean;
  holderOrganizationId: string | null;
  consents: readonly ConsentFact[];
  restrictions: readonly RestrictionFact[];
  emergencies: readonly EmergencyFact[];
  /** Organizations with a recorded treating-provider relationship with the patient. */
  treatingOrganizationIds: readonly string[];
}

export interface AccessRequest {
  organizationId: string;
  membershipId: string;
  category: DataCategory;
  purpose: RequestPurpose;
  at: Date;
  /** The request's calendar day (YYYY-MM-DD) in the network's time zone, for expiry dates. */
  today: string;
}

export type AccessDecision =
  | { permit: true; basis: 'holder' }
  | {
      permit: true;
      basis: 'consent';
      consentId: string;
      recipientId: string;
      /** Relied on a general designation through Handoff as intermediary (listed under §2.24). */
      generalDesignation: boolean;
    }
  | { permit: true; basis: 'emergency'; emergencyAccessId: string }
  | { permit: false; reason: DenyReason };

const deny = (reason: DenyReason): AccessDecision => ({ permit: false, reason });
const before = (a: Date | null, b: Date) => a !== null && a.getTime() <= b.getTime();

/** Whether a consent is in force at the request's time, whatever it covers. */
export function consentInForce(consent: ConsentFact, at: Date, today: string): boolean {
  return (
    consent.status === 'active' &&
    consent.complete &&
    !consent.suspended &&
    consent.effectiveFrom.getTime() <= at.getTime() &&
    (consent.expiresOn === null || today <= consent.expiresOn) &&
    !before(consent.expiryEventAt, at) &&
    !before(consent.revokedAt, at)
  );
}

function coversCategory(consent: ConsentFact, category: DataCategory): boolean {
  const notesConsent = consent.type === 'counseling_notes';
  if ((category === 'counseling_notes') !== notesConsent) return false;
  return consent.categories.includes(category);
}

function coversPurpose(consent: ConsentFact, purpose: ConsentPurpose): boolean {
  if (purpose === 'HLEGAL') {
    return consent.type === 'specific' && consent.purposes.length === 1 && consent.purposes[0] === 'HLEGAL';
  }
  if (consent.type === 'tpo' && !(['TREAT', 'HPAYMT', 'HOPERAT'] as const).some((p) => p === purpose)) {
    return false;
  }
  return consent.purposes.includes(purpose);
}

/**
 * The recipient of `consent` that matches the actor's organization (named first), if any. A consent
 * revoked as to the actor's organization by name (P10, "revoke as to one party") no longer reaches that
 * organization through a class or designation of the same consent either (the stricter reading).
 */
function matchingRecipient(
  consent: ConsentFact,
  request: AccessRequest,
  treating: boolean,
): RecipientFact | undefined {
  const revokedByName = consent.recipients.some(
    (r) =>
      r.kind === 'organization' &&
      r.organizationId === request.organizationId &&
      before(r.revokedAt, request.at),
  );
  if (revokedByName) return undefined;
  const live = consent.recipients.filter((r) => !before(r.revokedAt, request.at));
  return (
    live.find((r) => r.kind === 'organization' && r.organizationId === request.organizationId) ??
    (treating ? live.find((r) => r.kind !== 'organization') : undefined)
  );
}

export function decideAccess(request: AccessRequest, facts: AccessFacts): AccessDecision {
  if (!facts.patientExists || facts.holderOrganizationId === null) return deny('no_patient');
  if (facts.holderOrganizationId === request.organizationId) return { permit: true, basis: 'holder' };

  const purpose = request.purpose;
  if (purpose === 'ETREAT') {
    if (request.category === 'counseling_notes') return deny('emergency_not_for_category');
    const grant = facts.emergencies.find(
      (e) =>
        e.membershipId === request.membershipId &&
        e.grantedAt.getTime() <= request.at.getTime() &&
        request.at.getTime() < e.expiresAt.getTime(),
    );
    return grant ? { permit: true, basis: 'emergency', emergencyAccessId: grant.id } : deny('no_consent');
  }

  const restricted = facts.restrictions.some(
    (r) =>
      r.agreed &&
      !before(r.terminatedAt, request.at) &&
      (r.organizationId === null || r.organizationId === request.organizationId) &&
      r.purposes.includes(purpose),
  );
  if (restricted) return deny('restricted');

  const treating = facts.treatingOrganizationIds.includes(request.organizationId);
  const inForce = facts.consents
    .filter((c) => consentInForce(c, request.at, request.today))
    .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  let reason: DenyReason = 'no_consent';
  let fallback: AccessDecision | undefined;
  for (const consent of inForce) {
    const recipient = matchingRecipient(consent, request, treating);
    if (!recipient) continue;
    if (!coversCategory(consent, request.category)) {
      reason = 'category_not_covered';
      continue;
    }
    if (!coversPurpose(consent, purpose)) {
      if (reason === 'no_consent') reason = 'purpose_not_covered';
      continue;
    }
    const decision: AccessDecision = {
      permit: true,
      basis: 'consent',
      consentId: consent.id,
      recipientId: recipient.id,
      generalDesignation: recipient.kind === 'general_designation',
    };
    if (recipient.kind === 'organization') return decision;
    fallback ??= decision;
  }
  return fallback ?? deny(reason);
}
