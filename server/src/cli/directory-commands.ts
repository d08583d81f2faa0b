/**
 * Directory commands of the CLI: `import hsds PATH` and `export hsds DIR`. PATH is a JSON file, a CSV
 * table, or a folder holding either the HSDS CSV tables (then read as the data package) or JSON files.
 * The network is named with `--network`, or is the only one.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eq, or } from 'drizzle-orm';
import type { Command } from 'commander';
import { operatorActor, type Deps } from '../app/context.ts';
import { exportHsds } from '../app/directory/hsds/export-hsds.ts';
import type { ImportFormat } from '../app/directory/import/dataset.ts';
import { importDirectory } from '../app/directory/import/run-import.ts';
import { networks } from '../db/schema/index.ts';
import { HSDS_CSV_TABLES } from '../integrations/hsds/read-csv.ts';
import { AppError } from '../lib/errors.ts';
import { withCliDeps } from './open-cli.ts';
import { isUuid } from '../lib/uuid.ts';

const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** The network named by slug or id, or the only network when none is named. */
export async function resolveNetwork(deps: Deps, slugOrId: string | undefined): Promise<string> {
  const found = await deps.db
    .select({ id: networks.id, slug: networks.slug })
    .from(networks)
    .where(
      slugOrId
        ? or(eq(networks.slug, slugOrId), ...(isUuid(slugOrId) ? [eq(networks.id, slugOrId)] : []))
        : undefined,
    )
    .limit(2);
  if (slugOrId && !found[0]) throw new AppError('not_found', `Network '${slugOrId}' not found`);
  if (!slugOrId && found.length !== 1)
    throw new AppError(
      'validation',
      found.length === 0 ? 'There is no network yet' : 'Name the network with --network',
    );
  return (found[0] as { id: string }).id;
}

/** The files to import from PATH and their format. */
async function hsdsFiles(path: string): Promise<{ format: ImportFormat; files: Record<string, string> }> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new AppError('not_found', `${path} does not exist`);
  const names = info.isDirectory() ? (await readdir(path)).sort().map((name) => join(path, name)) : [path];
  const csv = names.filter((n) =>
    (HSDS_CSV_TABLES as readonly string[]).includes(n.split(/[\\/]/).pop() ?? ''),
  );
  const json = names.filter((n) => n.toLowerCase().endsWith('.json') && !n.endsWith('datapackage.json'));
  const chosen = csv.length > 0 ? csv : json;
  if (chosen.length === 0)
    throw new AppError(
      'validation',
      `No HSDS files in ${path}: expected CSV tables (services.csv, …) or .json files`,
    );
  const files: Record<string, string> = {};
  for (const name of chosen) files[name.split(/[\\/]/).pop() as string] = await readFile(name, 'utf8');
  return { format: csv.length > 0 ? 'hsds-csv' : 'hsds-json', files };
}

export function addDirectoryCommands(program: Command): void {
  program
    .command('import')
    .description('import a directory')
    .command('hsds')
    .description(
      'import Open Referral HSDS 3.0 (a JSON file, a CSV table, or a folder of either); bad rows are reported and skipped',
    )
    .argument('<path>', 'file or folder')
    .option('--network <slug-or-id>', 'the network to import into (default: the only one)')
    .option('--json', 'print the report as JSON on stdout')
    .action((path: string, opts: { network?: string; json?: boolean }) =>
      withCliDeps(async (deps) => {
        const { format, files } = await hsdsFiles(path);
        const networkId = await resolveNetwork(deps, opts.network);
        const report = await importDirectory(deps, operatorActor(), { format, files, networkId });
        if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        err(
          `Import ${report.state} (${format}): ${report.importedRows} services imported, ` +
            `${report.skippedRows} skipped, ${report.problemCount} problems.`,
        );
        for (const p of report.problems.slice(0, 50)) err(`  ${p.file} row ${p.row} ${p.field}: ${p.reason}`);
        if (report.problemCount > 50) err(`  … and ${report.problemCount - 50} more (use --json for all)`);
        if (report.state === 'failed') {
          err(`handoff: ${report.error ?? 'the import failed'}`);
          process.exitCode = 1;
        }
      }),
    );

  program
    .command('export')
    .description('export the directory')
    .command('hsds')
    .description('export the directory as HSDS 3.0: DIR/json (API pages) and DIR/csv (the data package)')
    .argument('<dir>', 'folder to write (created if missing)')
    .option('--network <slug-or-id>', 'the network to export (default: the only one)')
    .action((dir: string, opts: { network?: string }) =>
      withCliDeps(async (deps) => {
        const networkId = await resolveNetwork(deps, opts.network);
        const files = await exportHsds(deps, operatorActor(), networkId);
        for (const [name, chunks] of Object.entries(files)) {
          const target = join(dir, name);
          await mkdir(dirname(target), { recursive: true });
          const out = createWriteStream(target);
          for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
          out.end();
          await once(out, 'finish');
        }
        err(`HSDS written to ${dir}: ${Object.keys(files).length} files.`);
      }),
    );
}
