/**
 * A deliberately naive reference model of the access decision, used only by the property test of
 * `decide.ts`. It restates the rules of `part2-privacy.md` (P4–P11, P17, P19, P21) and of the doc comment of
 * `decide.ts` as plainly as possible: list every (consent, recipient) pair that would permit the request,
 * then pick one. It favours being obviously right over being fast, and shares no code with `decide.ts`.
 *
 * The choices it makes where the rules leave room:
 * - A date-time at or before the request's time has happened: a revocation, an expiry event or a
 *   restriction's termination at exactly the request's time already counts (P10: effective on receipt).
 * - An emergency access is live from `grantedAt` (inclusive) to `expiresAt` (exclusive).
 * - `expiresOn` is the last valid day: the consent still permits on that day, not the day after (P9).
 * - A `counseling_notes` consent covers counseling notes only, and only it covers them (P8).
 * - Preference among permitting pairs: a named-organization match beats a class or general designation
 *   (deepest match, P11); then the most recently recorded consent (latest `effectiveFrom`).
 */
import type { AccessFacts, AccessRequest, ConsentFact, RecipientFact } from './decide.ts';
import type { ConsentPurpose, DataCategory } from './vocabulary.ts';

export interface ReferenceDecision {
  permit: boolean;
  basis?: 'holder' | 'consent' | 'emergency';
  consentId?: string;
}

/** One way a consent lets the request through: the consent and the recipient entry that matched. */
export interface PermittingPair {
  consent: ConsentFact;
  recipient: RecipientFact;
  /** True when the recipient is the actor's organization by name (not a class or general designation). */
  named: boolean;
}

/** `moment` is set and lies at or before `at`. */
function hasHappened(moment: Date | null, at: Date): boolean {
  if (moment === null) return false;
  return moment.getTime() <= at.getTime();
}

function consentIsValidAt(consent: ConsentFact, at: Date, today: string): boolean {
  if (consent.status !== 'active') return false; // entered in error
  if (!consent.complete) return false; // deficient on its face (P5, P9)
  if (consent.suspended) return false; // suspected false (P9)
  if (consent.effectiveFrom.getTime() > at.getTime()) return false; // not yet recorded
  if (consent.expiresOn !== null && today > consent.expiresOn) return false; // past its last valid day
  if (hasHappened(consent.expiryEventAt, at)) return false; // expiry event occurred
  if (hasHappened(consent.revokedAt, at)) return false; // revoked as a whole (P10)
  return true;
}

function consentCoversCategory(consent: ConsentFact, category: DataCategory): boolean {
  if (!consent.categories.includes(category)) return false;
  if (category === 'counseling_notes') return consent.type === 'counseling_notes';
  return consent.type !== 'counseling_notes';
}

const TPO_ONLY: readonly ConsentPurpose[] = ['TREAT', 'HPAYMT', 'HOPERAT'];

function consentCoversPurpose(consent: ConsentFact, purpose: ConsentPurpose): boolean {
  if (!consent.purposes.includes(purpose)) return false;
  if (purpose === 'HLEGAL') {
    // §2.31(d): only a specific consent that names proceedings and nothing else.
    return consent.type === 'specific' && consent.purposes.every((p) => p === 'HLEGAL');
  }
  if (consent.type === 'tpo') return TPO_ONLY.includes(purpose);
  return true;
}

/** Every (consent, recipient) pair that permits a non-emergency request, ignoring restrictions. */
export function permittingPairs(request: AccessRequest, facts: AccessFacts): PermittingPair[] {
  if (request.purpose === 'ETREAT') return [];
  const purpose: ConsentPurpose = request.purpose;
  const treating = facts.treatingOrganizationIds.includes(request.organizationId);
  const pairs: PermittingPair[] = [];
  for (const consent of facts.consents) {
    if (!consentIsValidAt(consent, request.at, request.today)) continue;
    if (!consentCoversCategory(consent, request.category)) continue;
    if (!consentCoversPurpose(consent, purpose)) continue;
    // Revoked as to this organization by name: the consent no longer reaches it at all (P10).
    const revokedAsToActor = consent.recipients.some(
      (r) =>
        r.kind === 'organization' &&
        r.organizationId === request.organizationId &&
        hasHappened(r.revokedAt, request.at),
    );
    if (revokedAsToActor) continue;
    for (const recipient of consent.recipients) {
      if (hasHappened(recipient.revokedAt, request.at)) continue; // revoked for this recipient (P10)
      if (recipient.kind === 'organization') {
        if (recipient.organizationId === request.organizationId)
          pairs.push({ consent, recipient, named: true });
      } else if (treating) {
        // class or general designation: only for a recorded treating-provider relationship (P6)
        pairs.push({ consent, recipient, named: false });
      }
    }
  }
  return pairs;
}

/** The pairs the decision may rely on: named matches if there are any, then the latest recorded consents. */
export function preferredPairs(request: AccessRequest, facts: AccessFacts): PermittingPair[] {
  const all = permittingPairs(request, facts);
  const namedOnes = all.filter((p) => p.named);
  const tier = namedOnes.length > 0 ? namedOnes : all;
  let latest = -Infinity;
  for (const pair of tier) latest = Math.max(latest, pair.consent.effectiveFrom.getTime());
  return tier.filter((p) => p.consent.effectiveFrom.getTime() === latest);
}

/** Whether an agreed, still-running restriction forbids this recipient and purpose (P17). */
function restricted(request: AccessRequest, facts: AccessFacts, purpose: ConsentPurpose): boolean {
  for (const restriction of facts.restrictions) {
    if (!restriction.agreed) continue;
    if (hasHappened(restriction.terminatedAt, request.at)) continue;
    const appliesToActor =
      restriction.organizationId === null || restriction.organizationId === request.organizationId;
    if (appliesToActor && restriction.purposes.includes(purpose)) return true;
  }
  return false;
}

/** The live emergency accesses (§2.51, P19) of the requesting membership. */
export function liveEmergencyIds(request: AccessRequest, facts: AccessFacts): string[] {
  const at = request.at.getTime();
  return facts.emergencies
    .filter((e) => e.membershipId === request.membershipId)
    .filter((e) => e.grantedAt.getTime() <= at && at < e.expiresAt.getTime())
    .map((e) => e.id);
}

export function referenceDecision(request: AccessRequest, facts: AccessFacts): ReferenceDecision {
  // P21: unknown patient (or unknown holder) and denial look the same; fail closed.
  if (!facts.patientExists || facts.holderOrganizationId === null) return { permit: false };
  // The holding organization using its own record is not a disclosure.
  if (request.organizationId === facts.holderOrganizationId) return { permit: true, basis: 'holder' };

  if (request.purpose === 'ETREAT') {
    // P19: break glass only; never counseling notes; restrictions give way (§2.26).
    if (request.category === 'counseling_notes') return { permit: false };
    if (liveEmergencyIds(request, facts).length > 0) return { permit: true, basis: 'emergency' };
    return { permit: false };
  }

  if (restricted(request, facts, request.purpose)) return { permit: false };

  const chosen = preferredPairs(request, facts)[0];
  if (chosen === undefined) return { permit: false }; // P4: deny by default
  return { permit: true, basis: 'consent', consentId: chosen.consent.id };
}
