/**
 * The part of an HSDS 3.0 dataset Handoff reads, in one shape whichever way it arrived: the JSON API
 * payloads (`read-json.ts`) and the CSV data package (`read-csv.ts`) are both read into an `HsdsBundle`,
 * and `to-dataset.ts` turns that into the directory's import dataset. Every record keeps where it came
 * from (file, 1-based row, field path) so a problem can be reported precisely.
 */
import type { ImportProblem, SourcePosition } from '../../app/directory/import/dataset.ts';

export interface Located extends SourcePosition {
  /** The field path of this record inside its row (JSON: e.g. `attributes[2]`; CSV: empty). */
  path: string;
}

export interface HsdsAttribute extends Located {
  taxonomyTermId: string | null;
  /** From the nested `taxonomy_term` (JSON) or the `taxonomy_terms` table (CSV). */
  termCode: string | null;
  taxonomyId: string | null;
  value: string | null;
}

export interface HsdsSchedule extends Located {
  freq: string | null;
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  /** HSDS: a UTC offset in hours. */
  timezone: number | null;
}

export interface HsdsAddress {
  address1: string | null;
  city: string | null;
  stateProvince: string | null;
  postalCode: string | null;
}

export interface HsdsLocation extends Located {
  id: string;
  organizationId: string | null;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  address: HsdsAddress | null;
  phone: string | null;
}

export interface HsdsOrganization extends Located {
  id: string;
  name: string;
  description: string | null;
  website: string | null;
  phone: string | null;
}

export interface HsdsService extends Located {
  id: string;
  organizationId: string | null;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  phone: string | null;
  languages: string[];
  attributes: HsdsAttribute[];
  schedules: HsdsSchedule[];
  /** The locations of its `service_at_location` rows, in order. */
  locationIds: string[];
}

export interface HsdsBundle {
  organizations: Map<string, HsdsOrganization>;
  locations: Map<string, HsdsLocation>;
  services: HsdsService[];
  problems: ImportProblem[];
  totalRows: number;
}

export function emptyBundle(): HsdsBundle {
  return { organizations: new Map(), locations: new Map(), services: [], problems: [], totalRows: 0 };
}

/** A cell or JSON value as trimmed text, `null` when empty. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A cell or JSON value as a number, `null` when empty; a problem when it is not one. */
export function numberOf(
  value: unknown,
  at: SourcePosition,
  field: string,
  problems: ImportProblem[],
): number | null {
  const text = textOf(value);
  if (text === null) return null;
  const n = Number(text);
  if (Number.isFinite(n)) return n;
  problems.push({ ...at, field, reason: `"${text}" is not a number` });
  return null;
}

/** A phone number as written, without the stray quotes some exports wrap it in. */
export function phoneOf(value: unknown): string | null {
  return textOf(value)?.replace(/^"+|"+$/g, '') || null;
}
