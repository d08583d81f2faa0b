/**
 * What the API returns about patients. Pure types shared by the server (which builds them) and the web
 * app (which shows them). Every view of a patient held by another organization carries the disclosure
 * notice and the consent's scope (§2.32, P12).
 */
import type { DisclosureNotice } from '../consent/views.ts';
import type { AdministrativeSex, InsuranceKind, PhoneUse } from './vocabulary.ts';

export interface PhoneView {
  number: string;
  use: PhoneUse;
  voicemailOk: boolean;
  textOk: boolean;
}

export interface AddressView {
  street: string;
  city: string;
  state: string;
  postalCode: string;
}

/** How the reader came to see the patient: their organization holds the record, a consent, or a §2.51 emergency. */
export type AccessBasis = 'holder' | 'consent' | 'emergency';

export interface PatientView {
  id: string;
  holderOrganizationId: string;
  holderOrganizationName: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: AdministrativeSex;
  genderIdentity: string | null;
  /** The holding organization's MRN. */
  mrn: string | null;
  phones: PhoneView[];
  address: AddressView | null;
  unhoused: boolean;
  preferredLanguage: string;
  insurance: { kind: InsuranceKind; payerName: string | null; memberId: string | null } | null;
  /** The record is labelled 42 CFR Part 2 (its holder is, or may be, a Part 2 program). */
  part2: boolean;
  /** FHIR-style security labels of the record, e.g. `R`, `SUD`, `OPIOIDUD`, `42CFRPart2`. */
  securityLabels: string[];
  version: number;
  createdAt: string;
  access: AccessBasis;
  /** Present whenever `access` is not `holder`: the §2.32 notice and the scope relied on. */
  disclosure: DisclosureNotice | null;
}

export interface PatientListItem {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  mrn: string | null;
  holderOrganizationName: string;
  access: AccessBasis;
}

/** A same-organization possible duplicate shown to the registering user (409 `possible-duplicate`). */
export interface DuplicateCandidate {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  mrn: string | null;
}
