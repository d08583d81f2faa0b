/** What the API returns about consents, disclosures, restrictions and emergency accesses (pure types). */
import type {
  ConsentLanguage,
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
  RequestPurpose,
  RestrictionTerminationBasis,
  SignatureMethod,
  SignerCapacity,
} from './vocabulary.ts';

/** The state a consent is in now, as computed from its stored facts. */
export type ConsentState = 'active' | 'revoked' | 'expired' | 'suspended' | 'entered_in_error';

export interface ConsentRecipientView {
  id: string;
  kind: RecipientKind;
  organizationId: string | null;
  organizationName: string | null;
  description: string | null;
  revokedAt: string | null;
}

export interface ConsentView {
  id: string;
  patientId: string;
  type: ConsentType;
  state: ConsentState;
  disclosingOrganizationId: string;
  disclosingOrganizationName: string;
  information: string;
  categories: DataCategory[];
  recipients: ConsentRecipientView[];
  purposes: ConsentPurpose[];
  purposeDescription: string;
  revocationHow: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  expiryEventOn: string | null;
  signature: {
    method: SignatureMethod;
    signerName: string;
    capacity: SignerCapacity;
    authority: string | null;
    hasImage: boolean;
  };
  signedOn: string;
  redisclosureStatement: boolean;
  refusalConsequences: string | null;
  hipaaRedisclosureStatement: boolean;
  programFundraises: boolean;
  fundraisingOptOutStatement: boolean;
  intermediary: boolean;
  language: ConsentLanguage;
  /** Version of the notice texts in force when the consent was captured (P18). */
  noticeVersion: string;
  recordedAt: string;
  recordedByName: string;
  revokedAt: string | null;
  suspendedAt: string | null;
}

/** The scope of the consent a disclosure relied on, in plain terms (§2.32(b)). */
export interface ConsentScope {
  consentId: string;
  type: ConsentType;
  categories: DataCategory[];
  purposes: ConsentPurpose[];
  /** Names of the organizations (and described classes) the consent allows, not revoked. */
  recipients: string[];
  expiresOn: string | null;
  expiryEvent: string | null;
}

/** Travels with every disclosure (screen, PDF, e-mail, later FHIR): the §2.32 statement and the scope. */
export interface DisclosureNotice {
  /** §2.32(a)(1) Statement 1, verbatim from the configured notice texts. */
  statement: string;
  noticeVersion: string;
  purpose: RequestPurpose;
  /** Null for a §2.51 emergency disclosure (no consent). */
  scope: ConsentScope | null;
  /** Present for an emergency disclosure: the §2.26(a)(4)/§2.51 request not to use or disclose further. */
  emergency: { emergencyAccessId: string; expiresAt: string } | null;
}

export interface DisclosureEntry {
  id: string;
  at: string;
  recipientOrganizationId: string;
  recipientOrganizationName: string;
  recipientUserName: string;
  /** Brief description of what was disclosed, e.g. "Demographics (name, date of birth, contact)". */
  description: string;
  categories: DataCategory[];
  purpose: RequestPurpose;
  basis: 'consent' | 'emergency';
  consentId: string | null;
  generalDesignation: boolean;
  channel: 'web' | 'api' | 'pdf';
}

export interface DisclosureReport {
  patientId: string;
  patientName: string;
  holderOrganizationName: string;
  from: string;
  to: string;
  kind: 'all' | 'intermediary';
  generatedAt: string;
  items: DisclosureEntry[];
}

export interface RestrictionView {
  id: string;
  patientId: string;
  description: string;
  organizationId: string | null;
  organizationName: string | null;
  purposes: ConsentPurpose[];
  receivedOn: string;
  decision: 'agreed' | 'declined';
  paidInFull: boolean;
  itemOrService: string | null;
  paidBy: string | null;
  decidedByName: string;
  decidedAt: string;
  /** Ended at the patient's request (§2.26(b)(1)–(2)); null while in force. */
  terminatedAt: string | null;
  terminationBasis: RestrictionTerminationBasis | null;
  terminationNote: string | null;
  terminatedByName: string | null;
}

/** A patient's written request for the §2.24 list of disclosures, due 30 days after receipt. */
export interface DisclosureListRequestView {
  id: string;
  patientId: string;
  patientName: string;
  receivedOn: string;
  dueOn: string;
  overdue: boolean;
  note: string | null;
  recordedByName: string;
  recordedAt: string;
  fulfilledAt: string | null;
  fulfilledByName: string | null;
}

export interface EmergencyAccessView {
  id: string;
  patientId: string;
  /** §2.51(c)(1)–(4). */
  recipientName: string;
  recipientAffiliation: string;
  disclosedByName: string;
  disclosedByOrganizationName: string;
  at: string;
  nature: string;
  expiresAt: string;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewNote: string | null;
}
