/** The patients area as server state: query keys and the one-patient query. */
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { getPatient, type ReadPurpose } from '../../api/patients.ts';

export const patientKey = (id: string, purpose?: ReadPurpose) =>
  purpose ? (['patients', 'one', id, purpose] as const) : (['patients', 'one', id] as const);
export const consentsKey = (patientId: string) => ['patients', 'consents', patientId] as const;
export const restrictionsKey = (patientId: string) => ['patients', 'restrictions', patientId] as const;
export const patientSearchKey = (q: string, birthDate: string) =>
  ['patients', 'search', q, birthDate] as const;

/** The address of a patient's page; a patient open under emergency access is read for `ETREAT`. */
export const patientUrl = (id: string, access?: string) =>
  `/patients/${encodeURIComponent(id)}${access === 'emergency' ? '?purpose=ETREAT' : ''}`;

/** One patient; a 4xx (404 for unknown or not permitted) is final, not retried. */
export function usePatient(id: string, purpose?: ReadPurpose) {
  return useQuery({
    queryKey: patientKey(id, purpose),
    queryFn: () => getPatient(id, purpose),
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
}
