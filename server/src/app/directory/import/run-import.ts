/**
 * Directory imports (HSDS JSON, the HSDS CSV data package, the services spreadsheet): a convener's
 * import runs to completion (`importDirectory`, used by the CLI and the benchmark) or in the background
 * (`startDirectoryImport`, used by the web UI, which polls `getDirectoryImport` for its progress bar).
 * Each import is a `directory_import` row: state, counts and the problems (file, row, field, reason;
 * the first `MAX_STORED_PROBLEMS` are kept). Bad rows are skipped; every good row is written in place.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { directoryImports } from '../../../db/schema/index.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { safeError } from '../../../lib/safe-error.ts';
import { appendAuditEvent } from '../../audit/append-audit-event.ts';
import { authorize } from '../../authorize.ts';
import type { Actor, Deps } from '../../context.ts';
import type { ImportFormat, ImportProblem } from './dataset.ts';
import { parserFor } from './parsers.ts';
import { writeDataset } from './write-dataset.ts';

export const MAX_STORED_PROBLEMS = 1000;

export interface ImportInput {
  format: ImportFormat;
  /** File name → text. */
  files: Record<string, string>;
  /** The network to import into; only for the operator (CLI), a member imports into their own. */
  networkId?: string | undefined;
}

export interface ImportReport {
  id: string;
  format: string;
  state: 'running' | 'succeeded' | 'failed';
  totalRows: number;
  processedRows: number;
  importedRows: number;
  skippedRows: number;
  /** Problems found; the stored report keeps the first `MAX_STORED_PROBLEMS`. */
  problems: ImportProblem[];
  problemCount: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

type ImportRow = typeof directoryImports.$inferSelect;

function reportOf(row: ImportRow, problems?: ImportProblem[]): ImportReport {
  const stored = row.problems as ImportProblem[];
  return {
    id: row.id,
    format: row.format,
    state: row.state as ImportReport['state'],
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    importedRows: row.importedRows,
    skippedRows: row.skippedRows,
    problems: problems ?? stored,
    problemCount: problems?.length ?? stored.length,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function begin(
  deps: Deps,
  actor: Actor,
  input: ImportInput,
): Promise<{ networkId: string; row: ImportRow }> {
  await authorize(deps, actor, 'directory.import', { what: 'Directory' });
  const networkId = actor.kind === 'member' ? actor.networkId : input.networkId;
  if (!networkId) throw new AppError('validation', 'Name the network to import into');
  const [row] = await deps.db
    .insert(directoryImports)
    .values({
      networkId,
      id: randomUUID(),
      format: input.format,
      state: 'running',
      startedBy: actor.kind === 'member' ? actor.userId : 'operator',
      startedAt: deps.clock.now(),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return { networkId, row };
}

async function run(
  deps: Deps,
  actor: Actor,
  networkId: string,
  row: ImportRow,
  input: ImportInput,
): Promise<ImportReport> {
  const where = and(eq(directoryImports.networkId, networkId), eq(directoryImports.id, row.id));
  try {
    const dataset = parserFor(input.format)(input.files);
    await deps.db.update(directoryImports).set({ totalRows: dataset.totalRows }).where(where);
    const written = await writeDataset(deps.db, networkId, dataset, deps.clock.now(), async (progress) => {
      await deps.db
        .update(directoryImports)
        .set({
          processedRows: progress.processed,
          importedRows: progress.imported,
          skippedRows: progress.skipped,
        })
        .where(where);
    });
    const now = deps.clock.now();
    const imported = written.imported;
    // Rows with a problem (parsing or validation), each counted once.
    const skipped = new Set(dataset.problems.map((p) => `${p.file}\u0000${p.row}`)).size;
    const [finished] = await deps.db.transaction(async (tx) => {
      await appendAuditEvent(tx, actor, now, {
        action: 'directory.import',
        networkId,
        entityType: 'directory_import',
        entityId: row.id,
        details: { format: input.format, imported, skipped, problems: dataset.problems.length },
      });
      return tx
        .update(directoryImports)
        .set({
          state: imported > 0 || dataset.problems.length === 0 ? 'succeeded' : 'failed',
          processedRows: dataset.totalRows,
          importedRows: imported,
          skippedRows: skipped,
          problems: dataset.problems.slice(0, MAX_STORED_PROBLEMS),
          finishedAt: now,
        })
        .where(where)
        .returning();
    });
    if (!finished) throw new Error('import row vanished');
    return reportOf(finished, dataset.problems);
  } catch (error) {
    deps.log.error({ err: safeError(error), importId: row.id }, 'directory import failed');
    const [failed] = await deps.db
      .update(directoryImports)
      .set({
        state: 'failed',
        error: 'The import stopped on an internal error; nothing after the last progress update was written.',
        finishedAt: deps.clock.now(),
      })
      .where(where)
      .returning();
    if (!failed) throw error;
    return reportOf(failed);
  }
}

/** Imports to completion and returns the report (all problems, not only the stored ones). */
export async function importDirectory(deps: Deps, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const { networkId, row } = await begin(deps, actor, input);
  return run(deps, actor, networkId, row, input);
}

/** Starts an import in the background; its progress is read with `getDirectoryImport`. */
export async function startDirectoryImport(
  deps: Deps,
  actor: Actor,
  input: ImportInput,
): Promise<{ id: string }> {
  const { networkId, row } = await begin(deps, actor, input);
  void run(deps, actor, networkId, row, input);
  return { id: row.id };
}

export async function getDirectoryImport(deps: Deps, actor: Actor, id: string): Promise<ImportReport> {
  await authorize(deps, actor, 'directory.import', { what: 'Import' });
  if (actor.kind !== 'member' || !/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Import');
  const [row] = await deps.db
    .select()
    .from(directoryImports)
    .where(and(eq(directoryImports.networkId, actor.networkId), eq(directoryImports.id, id)));
  if (!row) throw notFound('Import');
  return reportOf(row);
}

export async function listDirectoryImports(deps: Deps, actor: Actor): Promise<{ items: ImportReport[] }> {
  await authorize(deps, actor, 'directory.import', { what: 'Import' });
  if (actor.kind !== 'member') return { items: [] };
  const rows = await deps.db
    .select()
    .from(directoryImports)
    .where(eq(directoryImports.networkId, actor.networkId))
    .orderBy(desc(directoryImports.startedAt))
    .limit(20);
  // The list shows counts; problems are read one import at a time.
  return { items: rows.map((r) => ({ ...reportOf(r), problems: [] })) };
}
