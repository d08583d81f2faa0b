/**
 * P3 / §2.33(b): may an organization that RECEIVED a patient's Part 2 record send it onward (forward,
 * re-refer with the record attached, share, export)? Its legal status decides; a missing status counts as
 * `lawful_holder`, the most restricted. Stricter readings: a lawful holder never rediscloses through
 * Handoff (a new consent from the patient is needed); a covered entity or business associate may only for
 * a TPO purpose under a TPO consent, never for proceedings; a Part 2 program only where the patient's
 * consent itself permits the onward recipient (the caller asks `decideAccess` for that recipient).
 * The referral itself may always go without the record.
 */
import type { Part2LegalStatus } from '../identity/vocabulary.ts';
import { TPO_PURPOSES, type ConsentType, type RequestPurpose } from './vocabulary.ts';

export interface RedisclosureRequest {
  /** Legal status of the organization that received the record; null when unknown. */
  holderStatus: Part2LegalStatus | null;
  /** The type of the consent under which it received the record. */
  receivedUnder: ConsentType;
  purpose: RequestPurpose;
  /** Whether the patient's consents permit disclosure to the onward recipient directly. */
  onwardPermittedByConsent: boolean;
}

export type RedisclosureDecision =
  | { permit: true }
  | { permit: false; reason: 'lawful_holder_needs_new_consent' | 'not_tpo' | 'not_permitted_by_consent' };

export function decideRedisclosure(request: RedisclosureRequest): RedisclosureDecision {
  const status = request.holderStatus ?? 'lawful_holder';
  switch (status) {
    case 'lawful_holder':
      return { permit: false, reason: 'lawful_holder_needs_new_consent' };
    case 'covered_entity':
    case 'business_associate':
      return request.receivedUnder === 'tpo' && TPO_PURPOSES.some((p) => p === request.purpose)
        ? { permit: true }
        : { permit: false, reason: 'not_tpo' };
    case 'part2_program':
      return request.onwardPermittedByConsent
        ? { permit: true }
        : { permit: false, reason: 'not_permitted_by_consent' };
  }
}
