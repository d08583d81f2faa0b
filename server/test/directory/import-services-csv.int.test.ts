/**
 * Directory imports through the API, with the services spreadsheet: export, edit, re-import in place;
 * bad rows reported with file, row, field and reason and skipped while good rows are written; progress
 * and reports readable by the convener only; matching sees imported changes.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

interface Report {
  id: string;
  state: string;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  skippedRows: number;
  problems: Array<{ file: string; row: number; field: string; reason: string }>;
}

describe.skipIf(skipReason)('directory import: services spreadsheet', () => {
  let t: TestApp;
  let convener: TestClient;
  let rows: Array<Record<string, string>>;

  const finished = async (id: string): Promise<Report> => {
    for (let i = 0; i < 200; i++) {
      const report = (await convener.request('GET', `/api/v1/directory/imports/${id}`)).json<Report>();
      if (report.state !== 'running') return report;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('import did not finish');
  };
  const importCsv = async (csv: string, name = 'services.csv') => {
    const res = await convener.request('POST', '/api/v1/directory/imports', {
      format: 'services-csv',
      files: { [name]: csv },
    });
    expect(res.statusCode, res.body).toBe(202);
    return finished(res.json<{ id: string }>().id);
  };
  const serviceCount = async () => (await t.deps.db.select({ n: count() }).from(services))[0]?.n ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    convener = await t.login('convener@demo.handoff.test');
    const csv = await convener.request('GET', '/api/v1/directory/export/services.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    rows = parse(csv.body, { columns: true }) as Array<Record<string, string>>;
  });
  afterAll(() => t.close());

  it('exports every service with every column, and re-imports it unchanged in place', async () => {
    expect(rows.length).toBe(await serviceCount());
    const first = rows[0];
    expect(first).toHaveProperty('buprenorphine_accepts_current');
    expect(first).toHaveProperty('mon_hours');
    const before = await serviceCount();
    const report = await importCsv(stringify(rows, { header: true }));
    expect(report).toMatchObject({
      state: 'succeeded',
      importedRows: rows.length,
      skippedRows: 0,
      problems: [],
    });
    expect(await serviceCount()).toBe(before);
  });

  it('updates edited rows, creates new ones, and reports bad rows precisely while importing the rest', async () => {
    const freshStart = rows.find((r) => r.organization === 'Fresh Start Recovery Residences');
    const cedar = rows.find((r) => r.organization === 'Cedar House Recovery Living');
    if (!freshStart || !cedar) throw new Error('demo rows missing');
    const edited = {
      ...freshStart,
      methadone_accepts_current: 'yes',
      name: 'Fresh Start (now MOUD-friendly)',
    };
    const created = { ...cedar, id: '', name: 'Cedar House annex' };
    const badKind = { ...cedar, id: '', name: 'Bad kind', kind: 'spa' };
    const badHours = { ...cedar, id: '', name: 'Bad hours', mon_hours: '17:00-09:00' };
    const badFlag = { ...cedar, id: '', name: 'Bad flag', walk_in: 'sometimes' };
    const unknownId = { ...cedar, id: '00000000-0000-4000-8000-000000000000', name: 'Ghost' };
    const before = await serviceCount();
    const report = await importCsv(
      stringify([edited, created, badKind, badHours, badFlag, unknownId], { header: true }),
      'coalition.csv',
    );
    expect(report.state).toBe('succeeded');
    expect(report.importedRows).toBe(2);
    expect(report.skippedRows).toBe(4);
    const problem = (row: number) =>
      report.problems.filter((p) => p.row === row).map((p) => [p.file, p.field]);
    expect(problem(3)).toContainEqual(['coalition.csv', 'kind']);
    expect(problem(4)).toContainEqual(['coalition.csv', 'intakeHours']);
    expect(problem(5)).toContainEqual(['coalition.csv', 'walk_in']);
    expect(problem(6)).toContainEqual(['coalition.csv', 'id']);
    expect(report.problems.every((p) => p.reason.length > 0)).toBe(true);
    expect(await serviceCount()).toBe(before + 1);

    // Matching sees the change at once: Fresh Start no longer conflicts for a patient on methadone.
    const navigator = await t.login('navigator@demo.handoff.test');
    const match = await navigator.request('POST', '/api/v1/match', {
      medication: { name: 'methadone', phase: 'continue' },
      otherNeeds: ['housing'],
      home: { zip: '44113' },
      limit: 200,
    });
    const names = match
      .json<{ items: Array<{ service: { name: string } }> }>()
      .items.map((i) => i.service.name);
    expect(names).toContain('Fresh Start (now MOUD-friendly)');
    const [row] = await t.deps.db
      .select()
      .from(services)
      .where(eq(services.id, freshStart.id as string));
    expect(row?.version).toBe(3); // created, re-imported unchanged, edited
  });

  it('reports an unreadable file and a missing column, and imports nothing from them', async () => {
    const broken = await importCsv('id,organization_id,site_id,name,kind\n"unclosed,1,2,3,4\n', 'broken.csv');
    expect(broken.state).toBe('failed');
    expect(broken.problems[0]).toMatchObject({ file: 'broken.csv', field: '' });
    const missing = await importCsv('id,name\n,Just a name\n', 'missing.csv');
    expect(missing.problems[0]).toMatchObject({
      file: 'missing.csv',
      row: 0,
      reason: 'required column missing',
    });
    expect(missing.importedRows).toBe(0);
  });

  it('lets only the convener import, and hides imports of other networks', async () => {
    const admin = await t.login('admin.cbo@demo.handoff.test');
    const res = await admin.request('POST', '/api/v1/directory/imports', {
      format: 'services-csv',
      files: { 'a.csv': 'id\n' },
    });
    expect(res.statusCode).toBe(403);
    const bad = await convener.request('POST', '/api/v1/directory/imports', {
      format: 'xlsx',
      files: { a: '' },
    });
    expect(bad.statusCode).toBe(400);
    const list = (await convener.request('GET', '/api/v1/directory/imports')).json<{ items: Report[] }>();
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    expect(
      (await convener.request('GET', '/api/v1/directory/imports/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    expect((await admin.request('GET', `/api/v1/directory/imports/${list.items[0]?.id}`)).statusCode).toBe(
      403,
    );
  });
});
