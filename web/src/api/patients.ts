/**
 * Patient endpoints: search the patients the active organization can see (its own and those shared
 * with it by consent or a medical emergency), read one, register one (with the possible-duplicate
 * check). Shapes are the server's own (`server/src/domain/patients/views.ts`); the codes come from
 * `server/src/domain/patients/vocabulary.ts`; the input mirrors `server/src/app/patients/schemas.ts`.
 */
import { isApiError } from './api-error.ts';
import { api } from './client.ts';
import type { Items } from './types.ts';

// The codes are the server's own (pure, dependency-free modules): one source of truth.
export {
  ADMINISTRATIVE_SEXES,
  INSURANCE_KINDS,
  PHONE_USES,
} from '../../../server/src/domain/patients/vocabulary.ts';
import type {
  AdministrativeSex,
  InsuranceKind,
  PhoneUse,
} from '../../../server/src/domain/patients/vocabulary.ts';
export type { AdministrativeSex, InsuranceKind, PhoneUse };

import type {
  AccessBasis,
  AddressView,
  DuplicateCandidate,
  PatientListItem,
  PatientView,
  PhoneView,
} from '../../../server/src/domain/patients/views.ts';
export type { AccessBasis, AddressView, DuplicateCandidate, PatientListItem, PatientView, PhoneView };

/** Access bases, in the order the UI explains them. */
export const ACCESS_BASES: readonly AccessBasis[] = ['holder', 'consent', 'emergency'];

export interface RegisterPatientInput {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: AdministrativeSex;
  genderIdentity?: string | null;
  mrn?: string | null;
  phones?: PhoneView[];
  address?: AddressView | null;
  unhoused?: boolean;
  preferredLanguage?: string;
  insurance?: { kind: InsuranceKind; payerName?: string | null; memberId?: string | null } | null;
  /** Register even though same-organization patients with the same name and date of birth exist. */
  confirmNotDuplicate?: boolean;
}

export interface PatientSearch {
  q?: string;
  birthDate?: string;
  limit?: number;
}

const base = '/api/v1/patients';
export const patientPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const searchPatients = (search: PatientSearch = {}) =>
  api<Items<PatientListItem>>(base, {
    query: { q: search.q, birthDate: search.birthDate, limit: search.limit },
  });

/** Purposes of use a read may state (`TREAT` when absent); `ETREAT` needs a live emergency access. */
export type ReadPurpose = 'TREAT' | 'ETREAT';

export const getPatient = (id: string, purpose?: ReadPurpose) =>
  api<PatientView>(patientPath(id), { query: { purpose } });

/** The problem type of a 409 that lists possible duplicates (`duplicates: DuplicateCandidate[]`). */
export const POSSIBLE_DUPLICATE = 'possible-duplicate';

export class PossibleDuplicateError extends Error {
  readonly duplicates: DuplicateCandidate[];
  constructor(duplicates: DuplicateCandidate[]) {
    super('possible duplicate');
    this.name = 'PossibleDuplicateError';
    this.duplicates = duplicates;
  }
}

/** Registers a patient. A 409 `possible-duplicate` becomes a `PossibleDuplicateError` with the candidates. */
export async function registerPatient(input: RegisterPatientInput): Promise<PatientView> {
  try {
    return await api<PatientView>(base, { method: 'POST', body: input });
  } catch (error) {
    if (!isApiError(error) || error.status !== 409 || !error.is(POSSIBLE_DUPLICATE)) throw error;
    const duplicates = error.problem.duplicates;
    throw new PossibleDuplicateError(Array.isArray(duplicates) ? (duplicates as DuplicateCandidate[]) : []);
  }
}
