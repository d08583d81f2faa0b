/**
 * Restores a backup written by `backupDatabase` into a migrated, empty database, in one transaction:
 * either everything is restored or nothing is. Refuses a backup from a newer schema than this
 * version of Handoff, and a database that already holds data.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { appliedMigrationCount, queryRows, type Db } from '../../db/client.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  tablesInDependencyOrder,
  type BackupHeader,
} from './backup-database.ts';

export class RestoreError extends Error {}

export async function restoreDatabase(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next().catch((err: unknown) => {
    throw new RestoreError(`${file} is not a Handoff backup (${(err as Error).message})`);
  });
  let header: BackupHeader;
  try {
    header = JSON.parse(String(first.value)) as BackupHeader;
  } catch {
    throw new RestoreError(`${file} is not a Handoff backup`);
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
    throw new RestoreError(`${file} is not a Handoff backup of format version ${BACKUP_VERSION}`);
  }
  const migrations = await appliedMigrationCount(db);
  if (header.migrations > migrations) {
    throw new RestoreError(
      `The backup comes from a newer Handoff (schema ${header.migrations}, this one has ${migrations}); upgrade first`,
    );
  }
  const known = new Set(await tablesInDependencyOrder(db));
  const unknown = header.tables.filter((t) => !known.has(t));
  if (unknown.length)
    throw new RestoreError(`The backup has tables this version does not know: ${unknown.join(', ')}`);
  for (const table of known) {
    const [row] = await queryRows<{ any: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table)}) as any`,
    );
    if (row?.any)
      throw new RestoreError(
        `The target database is not empty (table ${table} has rows); restore into a new one`,
      );
  }
  let total = 0;
  const tables = new Set<string>();
  await db.transaction(async (tx) => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      const batch = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!known.has(batch.table)) throw new RestoreError(`Unknown table ${batch.table} in backup`);
      await tx.execute(
        sql`insert into ${sql.identifier(batch.table)}
            select * from jsonb_populate_recordset(null::${sql.identifier(batch.table)}, ${JSON.stringify(batch.rows)}::jsonb)`,
      );
      tables.add(batch.table);
      total += batch.rows.length;
    }
  });
  return { tables: tables.size, rows: total };
}
