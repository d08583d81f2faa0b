/**
 * Directory import: the network convener exports the services spreadsheet, renames one service and
 * breaks one row, imports it through Admin › Directory import, and reads the counts, the problem and
 * the history; a navigator has no access to the page.
 */
import { expectAccessible } from './support/accessibility.ts';
import { DEMO_PASSWORD, users } from './support/demo-users.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { acceptsAnyMoud, firstObotService, refusesMethadone } from './support/directory.ts';
import { csvLine, hsdsCsvPackage, parseCsv, runImport, writeTempFile } from './support/imports.ts';

test('the convener imports an edited services spreadsheet', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, users.convener.email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Directory import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory import' })).toBeVisible();
  await expectAccessible(page, 'directory import');

  // The export, with the convener's session.
  const exported = await page.request.get('/api/v1/directory/export/services.csv');
  expect(exported.status()).toBe(200);
  const [header, ...rows] = parseCsv(await exported.text()).filter((r) => r.some((c) => c !== ''));
  if (!header) throw new Error('the services export has no header');
  const nameCol = header.indexOf('name');
  const kindCol = header.indexOf('kind');
  expect(nameCol, `columns: ${header.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(kindCol, `columns: ${header.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(rows.length).toBeGreaterThan(2);

  // Upload only services no other journey touches (they share the server): not the ones found by name,
  // and none of the first OBOT's (the service-edit journey edits one of them). A re-import of a row
  // written back from an older export would otherwise undo another journey's change.
  const orgCol = header.indexOf('organization_id');
  const firstObotOrg = rows.find((r) => r[nameCol] === firstObotService.name)?.[orgCol];
  const used = new Set([acceptsAnyMoud.name, firstObotService.name, refusesMethadone.name]);
  const upload = rows
    .filter((row) => !used.has(row[nameCol] ?? '') && row[orgCol] !== firstObotOrg)
    .slice(0, 8);
  const [toRename, toBreak] = upload;
  if (!toRename || !toBreak) throw new Error('the services export has too few rows to edit');
  const renamed = `E2E Renamed Service ${Date.now()}`;
  toRename[nameCol] = renamed;
  toBreak[kindCol] = 'spaceship';
  // Problems count data rows from 1 (the line after the header; server/src/app/directory/import/dataset.ts).
  const brokenRowNumber = 2;
  const file = writeTempFile('services.csv', [header, ...upload].map(csvLine).join('\r\n') + '\r\n');

  const outcome = await runImport(page, 'Services spreadsheet (CSV)', [file]);
  expect(outcome.total).toBe(upload.length);
  expect(outcome.imported).toBe(upload.length - 1);
  expect(outcome.skipped).toBe(1);
  expect(outcome.problems).toBe(1);
  await expect(outcome.section.getByRole('status')).toContainText('Import finished; some rows were skipped');

  const problems = outcome.section.getByRole('table', { name: 'Problems' });
  const problem = problems.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(problem).toHaveCount(1);
  const cells = problem.getByRole('cell');
  await expect(cells.nth(0)).toHaveText('services.csv');
  await expect(cells.nth(1)).toHaveText(String(brokenRowNumber));
  await expect(cells.nth(2)).toHaveText('kind');
  // The reason names the allowed kinds of service.
  await expect(cells.nth(3)).toContainText('expected one of');
  await expect(cells.nth(3)).toContainText('"otp"');
  const resultUrl = page.url();

  // The history lists this import.
  const history = page.getByRole('table', { name: 'Recent imports' });
  // The import being shown is marked current in the history (aria-current on its link).
  const entry = history.getByRole('row').filter({ has: page.locator('a[aria-current="true"]') });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Services spreadsheet (CSV)');
  await expect(entry).toContainText(
    `${(upload.length - 1).toLocaleString('en-US')} imported, 1 skipped of ${upload.length.toLocaleString('en-US')}`,
  );
  await expect(entry).toContainText('Finished');

  // The renamed service is in the directory.
  await page.goto('/directory');
  await page.getByRole('tab', { name: 'Browse services' }).click();
  await page
    .getByRole('search', { name: 'Service filters' })
    .getByLabel('Search by name, organization or city')
    .fill(renamed);
  await expect(page.getByRole('main').getByText(renamed).first()).toBeVisible();

  // The import stays in the address: reopened, it shows the same result, which must be accessible too.
  await page.goto(resultUrl);
  await expect(page.getByTestId('directory-import-result')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Problems' }).getByRole('cell', { name: 'kind' }),
  ).toBeVisible();
  await expectAccessible(page, 'directory import with problems');
});

test('the HSDS CSV example package reports the missing kind of service', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, users.convener.email, DEMO_PASSWORD);
  await page.goto('/admin/directory-import');
  await expect(page.getByRole('heading', { level: 1, name: 'Directory import' })).toBeVisible();
  const outcome = await runImport(page, 'HSDS 3.0 CSV data package', hsdsCsvPackage());
  // The example's one service has no kind of service (a Handoff attribute), so it is skipped.
  expect(outcome.skipped).toBe(1);
  expect(outcome.imported).toBe(0);
  expect(outcome.problems).toBe(1);
  // Nothing imported and a problem: the server marks the import failed (run-import.ts).
  await expect(outcome.section.getByRole('status')).toContainText('The import failed');
  const problems = outcome.section.getByRole('table', { name: 'Problems' });
  const problem = problems.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(problem).toHaveCount(1);
  const cells = problem.getByRole('cell');
  await expect(cells.nth(0)).toHaveText('services.csv');
  await expect(cells.nth(1)).toHaveText('1');
  await expect(cells.nth(2)).toHaveText('attributes');
  await expect(cells.nth(3)).toContainText('the kind of service is required');
  const history = page.getByRole('table', { name: 'Recent imports' });
  await expect(
    history
      .getByRole('row')
      .filter({ hasText: 'HSDS 3.0 CSV data package' })
      .filter({
        has: page.locator('a[aria-current="true"]'),
      }),
  ).toContainText('Failed');
  await expectAccessible(page, 'HSDS import with problems');
});

test('a navigator has no directory import', async ({ page }) => {
  await signIn(page, users.navigator.email, DEMO_PASSWORD);
  await page.goto('/admin');
  await expect(page.getByRole('main').getByRole('link', { name: 'Directory import' })).toHaveCount(0);
  await page.goto('/admin/directory-import');
  await expect(page.getByRole('heading', { level: 1, name: 'Not available' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory import' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start import' })).toHaveCount(0);
});
