/**
 * What every directory import format is parsed into before anything is written: organizations, sites
 * (HSDS locations) and services keyed by their id in the source, plus the problems found while parsing
 * (file, row, field, reason). Parsers are pure (text in, dataset out); `run-import.ts` validates each
 * service with `serviceInput`, writes everything in place by (source, external id), and records progress.
 */

export interface ImportProblem {
  file: string;
  /** 1-based data row (CSV: the line after the header is row 1; JSON: the index in its list + 1). */
  row: number;
  field: string;
  reason: string;
}

/** Where a record came from, for problems reported later (e.g. by validation). */
export interface SourcePosition {
  file: string;
  row: number;
}

export interface ImportedOrganization extends SourcePosition {
  externalId: string;
  name: string;
  description: string | null;
  website: string | null;
  phone: string | null;
}

export interface ImportedSite extends SourcePosition {
  externalId: string;
  organizationExternalId: string;
  name: string;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** IANA zone when the source states one (e.g. an HSDS schedule's `timezone`). */
  timezone: string | null;
  phone: string | null;
}

export interface ImportedService extends SourcePosition {
  externalId: string;
  organizationExternalId: string;
  siteExternalId: string;
  /**
   * The service as `serviceInput` expects it, except `siteId` (filled in by the writer from
   * `siteExternalId`). Unvalidated: the writer validates it and reports each issue as a problem.
   */
  input: Record<string, unknown>;
  /** A capacity report carried by the source, if any. */
  capacity?: { status: string; expectedWaitDays?: number; reportedAt?: string };
}

export interface ParsedDataset {
  /** `external_source` of everything written, e.g. `hsds`. */
  source: string;
  organizations: ImportedOrganization[];
  sites: ImportedSite[];
  services: ImportedService[];
  problems: ImportProblem[];
  /** Data rows seen (every file, every table), for the progress bar. */
  totalRows: number;
}

export const IMPORT_FORMATS = ['hsds-json', 'hsds-csv', 'services-csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A parser: the uploaded files (name → text) to a dataset. Never throws for bad data: reports it. */
export type DatasetParser = (files: Readonly<Record<string, string>>) => ParsedDataset;
