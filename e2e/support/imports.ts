/**
 * Directory import helpers: the HSDS 3.0 CSV data package from `../shared/data`, crafted files in a
 * temporary folder, and one import run through the Admin › Directory import page until it finishes.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The Open Referral HSDS 3.0 example data package (datapackage.json and its CSV tables). */
export const HSDS_CSV_DIR = join(repoRoot, '..', 'shared', 'data', 'hsds-3.0-examples', 'csv');

/** Every file of the HSDS CSV data package, as absolute paths. */
export function hsdsCsvPackage(): string[] {
  return readdirSync(HSDS_CSV_DIR)
    .filter((name) => name.endsWith('.csv') || name.endsWith('.json'))
    .sort()
    .map((name) => join(HSDS_CSV_DIR, name));
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function writeTempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-import-'));
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

/** One CSV line from cells, quoting where needed. */
export function csvLine(cells: readonly (string | number | boolean)[]): string {
  return cells
    .map((cell) => {
      const text = String(cell);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

export interface ImportOutcome {
  total: number;
  imported: number;
  skipped: number;
  problems: number;
  /** The section that shows the import (progress bar, summary, problems). */
  section: Locator;
}

const count = async (locator: Locator): Promise<number> =>
  Number(((await locator.textContent()) ?? '').replace(/[^\d]/g, ''));

/**
 * On the directory import page: picks the format, chooses the files through the file input, starts
 * the import, and waits until the progress bar has reached the end and the summary is shown.
 */
export async function runImport(
  page: Page,
  format: string,
  files: string[],
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<ImportOutcome> {
  await page.getByRole('radio', { name: format }).check();
  await page.getByTestId('directory-import-files').setInputFiles(files);
  await expect(page.getByRole('button', { name: 'Files' })).toContainText(
    files.length === 1 ? '1 file:' : `${files.length} files:`,
  );
  const before = page.url();
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page).not.toHaveURL(before);
  const section = page.getByTestId('directory-import-current');
  const bar = section.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(bar).not.toHaveAttribute('data-state', 'running', { timeout: timeoutMs });
  const result = section.getByTestId('directory-import-result');
  await expect(result).toBeVisible();
  const total = await count(result.getByTestId('directory-import-total'));
  if (total > 0) {
    await expect(bar).toHaveAttribute('aria-valuenow', String(total));
    await expect(bar).toHaveAttribute('aria-valuemax', String(total));
    const n = total.toLocaleString('en-US');
    await expect(section.getByTestId('directory-import-progress-text')).toHaveText(`${n} of ${n} rows`);
  }
  return {
    total,
    imported: await count(result.getByTestId('directory-import-imported')),
    skipped: await count(result.getByTestId('directory-import-skipped')),
    problems: await count(result.getByTestId('directory-import-problems')),
    section,
  };
}

/** Parses CSV text (RFC 4180: quoted cells, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
