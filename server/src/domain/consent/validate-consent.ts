/**
 * P5: the §2.31(a) elements a written consent must hold, and the type rules of P7, P8 and P14. Returns one
 * problem per missing or wrong element (an empty list means the consent may become active); the API
 * answers 422 with all of them at once so the person capturing the consent can fix everything in one go.
 *
 * Stricter readings, chosen on purpose and documented in docs/consent.md:
 * - "none" as an expiry event is accepted only for a TPO consent (§2.31(a)(7) names it for TPO only).
 * - The HIPAA redisclosure statement (§2.31(a)(4)(iii)) is required whenever a TPO purpose goes to a
 *   covered entity or business associate, and also to any class or general designation (which may
 *   include covered entities).
 * - A signature by someone other than the patient must state the signer's authority (§2.14, §2.15).
 * - A drawn or scanned signature must come with the image or scan it refers to.
 */
import type { Part2LegalStatus } from '../identity/vocabulary.ts';
import {
  TPO_PURPOSES,
  type ConsentElement,
  type ConsentLanguage,
  type ConsentPurpose,
  type ConsentType,
  type DataCategory,
  type RecipientKind,
  type SignatureMethod,
  type SignerCapacity,
} from './vocabulary.ts';

export interface RecipientDraft {
  kind: RecipientKind;
  organizationId?: string | null | undefined;
  /** Legal status of a named organization (P3); a missing status counts as `lawful_holder`. */
  legalStatus?: Part2LegalStatus | null | undefined;
  /** The class in words (e.g. "my treating providers"), or the general designation's wording. */
  description?: string | null | undefined;
}

export interface ConsentDraft {
  type: ConsentType;
  patientName: string;
  disclosingOrganizationName: string;
  information: string;
  categories: readonly DataCategory[];
  recipients: readonly RecipientDraft[];
  purposes: readonly ConsentPurpose[];
  purposeDescription: string;
  revocationAcknowledged: boolean;
  revocationHow: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signature: {
    method: SignatureMethod;
    signerName: string;
    capacity: SignerCapacity;
    authority?: string | null | undefined;
    hasImage: boolean;
  } | null;
  signedOn: string | null;
  redisclosureStatement: boolean;
  refusalConsequences: string | null;
  hipaaRedisclosureStatement: boolean;
  programFundraises: boolean;
  fundraisingOptOutStatement: boolean;
  /** Handoff routes the records as intermediary (general designation allowed only then). */
  intermediary: boolean;
  language: ConsentLanguage;
}

export interface ElementProblem {
  element: ConsentElement;
  message: string;
}

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

/** The problems of a consent draft, given today's date (YYYY-MM-DD). */
export function consentProblems(draft: ConsentDraft, today: string): ElementProblem[] {
  const problems: ElementProblem[] = [];
  const add = (element: ConsentElement, message: string) => problems.push({ element, message });
  const isTpo = draft.type === 'tpo';

  if (blank(draft.patientName)) add('patient_name', 'the patient’s name is required');
  if (blank(draft.disclosingOrganizationName))
    add('discloser', 'name who may make the disclosure (the program holding the record)');
  if (blank(draft.information) || draft.categories.length === 0)
    add('information', 'describe the information to be disclosed and pick at least one kind of information');

  if (draft.recipients.length === 0) add('recipients', 'name at least one recipient or class of recipients');
  for (const [i, r] of draft.recipients.entries()) {
    if (r.kind === 'organization' && blank(r.organizationId))
      add('recipients', `recipient ${i + 1} must name an organization`);
    if (r.kind !== 'organization' && blank(r.description))
      add('recipients', `recipient ${i + 1} must describe the class or designation in words`);
    if (r.kind === 'general_designation' && !draft.intermediary)
      add('recipients', `recipient ${i + 1}: a general designation needs Handoff named as intermediary`);
  }

  if (draft.purposes.length === 0 || blank(draft.purposeDescription))
    add('purpose', 'describe each purpose of the disclosure and pick at least one');

  if (!draft.revocationAcknowledged || blank(draft.revocationHow))
    add('revocation', 'state the right to revoke in writing and how the patient may revoke');

  if (draft.expiresOn === null && blank(draft.expiryEvent)) {
    add('expiration', 'give an expiration date or an expiration event');
  } else if (draft.expiresOn !== null && draft.expiresOn < today) {
    add('expiration', 'the expiration date is already past');
  } else if (!isTpo && draft.expiryEvent?.trim().toLowerCase() === 'none') {
    add('expiration', '"none" is allowed only for a single consent for treatment, payment and operations');
  }

  const sig = draft.signature;
  if (!sig || blank(sig.signerName)) {
    add('signature', 'the consent must be signed');
  } else {
    if (sig.capacity !== 'patient' && blank(sig.authority))
      add('signature', 'a person signing for the patient must state their authority to sign');
    if (sig.method !== 'typed' && !sig.hasImage)
      add('signature', `a ${sig.method === 'drawn' ? 'drawn signature' : 'scanned form'} must be attached`);
  }
  if (draft.signedOn === null) add('signed_on', 'the date of signature is required');
  else if (draft.signedOn > today) add('signed_on', 'the date of signature cannot be in the future');

  if (isTpo) {
    if (!draft.redisclosureStatement)
      add(
        'tpo_redisclosure_statement',
        'a TPO consent must state that records may be redisclosed and lose Part 2 protection',
      );
    if (blank(draft.refusalConsequences))
      add('tpo_refusal_consequences', 'a TPO consent must state the consequences of refusing to sign');
  }
  const tpoPurpose = draft.purposes.some((p) => TPO_PURPOSES.includes(p));
  const mayBeCoveredEntity = draft.recipients.some(
    (r) =>
      r.kind !== 'organization' ||
      r.legalStatus === 'covered_entity' ||
      r.legalStatus === 'business_associate',
  );
  if (tpoPurpose && mayBeCoveredEntity && !draft.hipaaRedisclosureStatement)
    add(
      'hipaa_redisclosure_statement',
      'recipients that may be covered entities or business associates need the HIPAA redisclosure statement',
    );
  if (draft.programFundraises && !draft.fundraisingOptOutStatement)
    add('fundraising_statement', 'state the patient’s right not to receive fundraising communications');

  for (const message of typeRuleProblems(draft)) add('type_rules', message);
  return problems;
}

function typeRuleProblems(draft: ConsentDraft): string[] {
  const out: string[] = [];
  const purposes = new Set(draft.purposes);
  const notes = draft.categories.includes('counseling_notes');
  if (draft.type === 'counseling_notes' && draft.categories.some((c) => c !== 'counseling_notes'))
    out.push(
      'a counseling-notes consent may cover counseling notes only; use a separate consent for the rest',
    );
  if (draft.type !== 'counseling_notes' && notes)
    out.push('counseling notes need their own counseling-notes consent');
  if (draft.type === 'tpo' && draft.purposes.some((p) => !TPO_PURPOSES.includes(p)))
    out.push('a TPO consent covers treatment, payment and health care operations only');
  if (purposes.has('HLEGAL') && (draft.type !== 'specific' || purposes.size > 1))
    out.push('a consent for use in proceedings must be a specific consent naming no other purpose');
  return out;
}
