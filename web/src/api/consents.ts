/**
 * 42 CFR Part 2 endpoints around a patient: consents (record, list, revoke, printable forms), the
 * accounting of disclosures and §2.24 written requests for the list of disclosures, restriction requests
 * (and their termination) and medical-emergency access. Shapes are the server's
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
  RESTRICTION_TERMINATION_BASES,
  SIGNATURE_METHODS,
  MAX_SIGNATURE_BYTES,
  SIGNATURE_FILE_TYPES,
  SIGNER_CAPACITIES,
  TPO_PURPOSES,
  WRITTEN_REQUEST_METHODS,
} from '../../../server/src/domain/consent/vocabulary.ts';
import type {
  ConsentElement,
  ConsentLanguage,
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
  RequestPurpose,
  RestrictionTerminationBasis,
  SignatureMethod,
  SignerCapacity,
  WrittenRequestMethod,
} from '../../../server/src/domain/consent/vocabulary.ts';
import type { SIGNATURE_FILE_TYPES } from '../../../server/src/domain/consent/vocabulary.ts';
import type {
  emergencyAccessInput,
  listRequestInput,
  recordConsentInput,
  restrictionInput,
  revokeConsentInput,
  terminateRestrictionInput,
} from '../../../server/src/app/consent/schemas.ts';
import type { z } from 'zod';
export type {
  ConsentElement,
  ConsentLanguage,
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
  RequestPurpose,
  RestrictionTerminationBasis,
  SignatureMethod,
  SignerCapacity,
  WrittenRequestMethod,
};

import type {
  ConsentRecipientView,
  ConsentScope,
  ConsentState,
  ConsentView,
  DisclosureEntry,
  DisclosureListRequestView,
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
  DisclosureListRequestView,
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

/** Request bodies: the server's own schemas (type-only imports, nothing of zod reaches the bundle). */
export type RecordConsentInput = z.input<typeof recordConsentInput>;
export type SignatureInput = NonNullable<RecordConsentInput['signature']>;
export type RecipientInput = NonNullable<RecordConsentInput['recipients']>[number];
export type RevokeConsentInput = z.input<typeof revokeConsentInput>;
export type RestrictionInput = z.input<typeof restrictionInput>;
export type TerminateRestrictionInput = z.input<typeof terminateRestrictionInput>;
export type ListRequestInput = z.input<typeof listRequestInput>;
export type EmergencyAccessInput = z.input<typeof emergencyAccessInput>;
export type SignatureFileType = (typeof SIGNATURE_FILE_TYPES)[number];

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

/** Ends an agreed restriction at the patient's request (§2.26(b)); 409 when declined or already ended. */
export const terminateRestriction = (restrictionId: string, input: TerminateRestrictionInput) =>
  api<RestrictionView>(`/api/v1/restrictions/${encodeURIComponent(restrictionId)}/terminate`, {
    method: 'POST',
    body: input,
  });

/** Logs a patient's written request for the §2.24 list of disclosures (due 30 days after receipt). */
export const recordListRequest = (patientId: string, input: ListRequestInput) =>
  api<DisclosureListRequestView>(`${patientPath(patientId)}/disclosure-list-requests`, {
    method: 'POST',
    body: input,
  });

/** Which §2.24 list requests the worklist shows: those still open, or every one. */
/** Review lists (§2.24 requests, emergency accesses): open items only, or all of them. */
export type ReviewListStatus = 'open' | 'all';

/** The active organization's §2.24 list requests, earliest due first (needs `disclosure.report`). */
export const listPatientListRequests = (patientId: string) =>
  api<Items<DisclosureListRequestView>>(`${patientPath(patientId)}/disclosure-list-requests`);

export const listListRequests = (status: ReviewListStatus) =>
  api<Items<DisclosureListRequestView>>('/api/v1/disclosure-list-requests', { query: { status } });

/** Marks a §2.24 list request fulfilled (the list was given to the patient); 409 when already fulfilled. */
export const fulfilListRequest = (id: string) =>
  api<DisclosureListRequestView>(`/api/v1/disclosure-list-requests/${encodeURIComponent(id)}/fulfil`, {
    method: 'POST',
  });

export const openEmergencyAccess = (patientId: string, input: EmergencyAccessInput) =>
  api<EmergencyAccessView>(`${patientPath(patientId)}/emergency-access`, { method: 'POST', body: input });

/** One §2.51 emergency access to a patient the organization holds, as its privacy review lists it. */
export type EmergencyAccessItem = EmergencyAccessView & { patientName: string };

/** The emergency accesses to the active organization's patients (needs `emergency.review`). */
export const listEmergencyAccesses = (status: ReviewListStatus) =>
  api<Items<EmergencyAccessItem>>('/api/v1/emergency-accesses', { query: { status } });

/** Marks an emergency access as reviewed with a note (1–2000 characters); 409 when already reviewed. */
export const reviewEmergencyAccess = (id: string, note: string) =>
  api<EmergencyAccessItem>(`/api/v1/emergency-accesses/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    body: { note },
  });
