/**
 * 42 CFR Part 2 endpoints around a patient: consents (record, list, revoke, printable forms), the
 * accounting of disclosures, restriction requests and medical-emergency access. Shapes are the server's
 * own (`server/src/domain/consent/views.ts`); codes come from `server/src/domain/consent/vocabulary.ts`;
 * inputs mirror `server/src/app/consent/schemas.ts`.
 */
import { api } from './client.ts';
import { patientPath } from './patients.ts';
import type { Items } from './types.ts';

// The codes are the server's own (pure, dependency-free modules): one source of truth.
export {
  CONSENT_ELEMENTS,
  CONSENT_LANGUAGES,
  CONSENT_PURPOSES,
  CONSENT_TYPES,
  DATA_CATEGORIES,
  RECIPIENT_KINDS,
  SIGNATURE_METHODS,
  SIGNER_CAPACITIES,
  TPO_PURPOSES,
} from '../../../server/src/domain/consent/vocabulary.ts';
import type {
  ConsentElement,
  ConsentLanguage,
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
  RequestPurpose,
  SignatureMethod,
  SignerCapacity,
} from '../../../server/src/domain/consent/vocabulary.ts';
export type {
  ConsentElement,
  ConsentLanguage,
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
  RequestPurpose,
  SignatureMethod,
  SignerCapacity,
};

import type {
  ConsentRecipientView,
  ConsentScope,
  ConsentState,
  ConsentView,
  DisclosureEntry,
  DisclosureNotice,
  DisclosureReport,
  EmergencyAccessView,
  RestrictionView,
} from '../../../server/src/domain/consent/views.ts';
export type {
  ConsentRecipientView,
  ConsentScope,
  ConsentState,
  ConsentView,
  DisclosureEntry,
  DisclosureNotice,
  DisclosureReport,
  EmergencyAccessView,
  RestrictionView,
};

export const CONSENT_STATES: readonly ConsentState[] = [
  'active',
  'suspended',
  'expired',
  'revoked',
  'entered_in_error',
];

/** Ways a written revocation request reaches the program (`WRITTEN_REQUEST_METHODS` on the server). */
export const WRITTEN_REQUEST_METHODS = ['signed_form', 'e_signature', 'letter', 'secure_message'] as const;
export type WrittenRequestMethod = (typeof WRITTEN_REQUEST_METHODS)[number];

/** Content types of a drawn signature or a scanned signed form. */
export const SIGNATURE_FILE_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type SignatureFileType = (typeof SIGNATURE_FILE_TYPES)[number];
/** Largest signature image or scan before base64 (`MAX_SIGNATURE_BYTES` on the server). */
export const MAX_SIGNATURE_BYTES = 600_000;

export interface RecipientInput {
  kind: RecipientKind;
  organizationId?: string | null;
  description?: string | null;
}

export interface SignatureInput {
  method: SignatureMethod;
  signerName: string;
  capacity: SignerCapacity;
  authority?: string | null;
  image?: { contentType: SignatureFileType; data: string } | null;
}

export interface RecordConsentInput {
  type: ConsentType;
  information: string;
  categories: DataCategory[];
  recipients: RecipientInput[];
  purposes: ConsentPurpose[];
  purposeDescription: string;
  revocationAcknowledged: boolean;
  revocationHow: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signature: SignatureInput | null;
  signedOn: string | null;
  redisclosureStatement: boolean;
  refusalConsequences: string | null;
  hipaaRedisclosureStatement: boolean;
  programFundraises: boolean;
  fundraisingOptOutStatement: boolean;
  intermediary: boolean;
  language: ConsentLanguage;
}

export interface RevokeConsentInput {
  /** Absent: the whole consent. */
  recipientIds?: string[];
  writtenRequest: { method: WrittenRequestMethod; receivedOn: string; note?: string | null };
}

export interface RestrictionInput {
  description: string;
  organizationId: string | null;
  purposes: ConsentPurpose[];
  receivedOn: string;
  decision: 'agreed' | 'declined';
  paidInFull?: boolean;
  itemOrService?: string | null;
  paidBy?: string | null;
}

export interface EmergencyAccessInput {
  recipientName: string;
  recipientAffiliation: string;
  nature: string;
  consentUnobtainable: true;
}

export type DisclosureKind = 'all' | 'intermediary';

export interface DisclosurePeriod {
  from?: string;
  to?: string;
  kind?: DisclosureKind;
}

const consentPath = (id: string) => `/api/v1/consents/${encodeURIComponent(id)}`;

export const listConsents = (patientId: string) =>
  api<Items<ConsentView>>(`${patientPath(patientId)}/consents`);

export const recordConsent = (patientId: string, input: RecordConsentInput) =>
  api<ConsentView>(`${patientPath(patientId)}/consents`, { method: 'POST', body: input });

export const revokeConsent = (consentId: string, input: RevokeConsentInput) =>
  api<ConsentView>(`${consentPath(consentId)}/revoke`, { method: 'POST', body: input });

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

/** The signed consent as a printable PDF. */
export const consentFormUrl = (consentId: string, language: ConsentLanguage) =>
  withQuery(`${consentPath(consentId)}/form.pdf`, { language });

/** A blank paper consent form for the patient, to sign by hand. */
export const blankConsentFormUrl = (patientId: string, type: ConsentType, language: ConsentLanguage) =>
  withQuery(`${patientPath(patientId)}/consent-form.pdf`, { type, language });

export const getDisclosureReport = (patientId: string, period: DisclosurePeriod) =>
  api<DisclosureReport>(`${patientPath(patientId)}/disclosures`, {
    query: { format: 'json', from: period.from, to: period.to, kind: period.kind },
  });

/** The accounting of disclosures as a CSV or PDF download, with headings in the given language. */
export const disclosureReportUrl = (
  patientId: string,
  format: 'csv' | 'pdf',
  period: DisclosurePeriod,
  language: ConsentLanguage,
) =>
  withQuery(`${patientPath(patientId)}/disclosures`, {
    format,
    from: period.from,
    to: period.to,
    kind: period.kind,
    language,
  });

export const listRestrictions = (patientId: string) =>
  api<Items<RestrictionView>>(`${patientPath(patientId)}/restrictions`);

export const recordRestriction = (patientId: string, input: RestrictionInput) =>
  api<RestrictionView>(`${patientPath(patientId)}/restrictions`, { method: 'POST', body: input });

export const openEmergencyAccess = (patientId: string, input: EmergencyAccessInput) =>
  api<EmergencyAccessView>(`${patientPath(patientId)}/emergency-access`, { method: 'POST', body: input });
