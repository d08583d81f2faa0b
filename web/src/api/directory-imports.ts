/**
 * Directory imports (HSDS 3.0 JSON, the HSDS CSV data package, a services spreadsheet): start one with
 * the files' text, follow its progress, list the recent ones; and the directory's export addresses.
 */
import { api } from './client.ts';
import type { Items } from './types.ts';

export const IMPORT_FORMATS = ['hsds-csv', 'hsds-json', 'services-csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ImportState = 'running' | 'succeeded' | 'failed';

/** One rejected row (row 0: the whole file, e.g. a required column is missing): skipped, the rest went on. */
export interface ImportProblem {
  file: string;
  /** 1-based data row (CSV: the line after the header is row 1; JSON: the index in its list + 1). */
  row: number;
  /** The column or field at fault; empty when the problem is the whole row or file. */
  field: string;
  reason: string;
}

export interface DirectoryImport {
  id: string;
  format: ImportFormat;
  state: ImportState;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  skippedRows: number;
  /** The problems kept with the import (the first thousand); empty in the list of recent imports. */
  problems: ImportProblem[];
  /** How many problems were found (may exceed `problems.length`). */
  problemCount: number;
  /** Why the whole import stopped, when it did. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface StartImportInput {
  format: ImportFormat;
  /** File name → the file's text. */
  files: Record<string, string>;
}

export const startDirectoryImport = (input: StartImportInput) =>
  api<{ id: string }>('/api/v1/directory/imports', { method: 'POST', body: input });

export const getDirectoryImport = (id: string) =>
  api<DirectoryImport>(`/api/v1/directory/imports/${encodeURIComponent(id)}`);

export const listDirectoryImports = () => api<Items<DirectoryImport>>('/api/v1/directory/imports');

export const DIRECTORY_EXPORTS = {
  servicesCsv: '/api/v1/directory/export/services.csv',
  hsdsJson: '/api/v1/directory/export/hsds.json',
} as const;

/** Reads the chosen files in the browser; names are kept as they are (the data package needs them). */
export async function readFiles(files: readonly File[]): Promise<Record<string, string>> {
  const entries = await Promise.all(files.map(async (file) => [file.name, await file.text()] as const));
  return Object.fromEntries(entries);
}
