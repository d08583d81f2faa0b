/**
 * Operator backup and restore in one portable format (gzipped JSON lines), the same for PGlite and
 * PostgreSQL — so a backup of an embedded installation restores into PostgreSQL when a site grows.
 * Line 1 is a header (format, version, migration count, time); then one line per batch of rows of
 * one table, tables in foreign-key order. Tables and keys are discovered from the catalog, so new
 * tables are included without changing this file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { appliedMigrationCount, queryRows, type Queryable } from '../../db/client.ts';

export const BACKUP_FORMAT = 'handoff-backup';
export const BACKUP_VERSION = 1;
const BATCH = 2000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  migrations: number;
  createdAt: string;
  tables: string[];
}

/** Public tables, parents before children (foreign keys), then by name. */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    )
  ).map((r) => r.name);
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const strip = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges)
    if (strip(e.child) !== strip(e.parent)) parents.get(strip(e.child))?.add(strip(e.parent));
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function primaryKeyColumns(db: Queryable, table: string): Promise<string[]> {
  const rows = await queryRows<{ col: string }>(
    db,
    sql`select a.attname as col from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${table}::regclass and i.indisprimary order by a.attnum`,
  );
  return rows.map((r) => r.col);
}

export async function backupDatabase(
  db: Queryable,
  file: string,
  now: Date,
): Promise<{ tables: number; rows: number }> {
  const tables = await tablesInDependencyOrder(db);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migrations: await appliedMigrationCount(db),
    createdAt: now.toISOString(),
    tables,
  };
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  await write(JSON.stringify(header));
  let total = 0;
  for (const table of tables) {
    const keys = await primaryKeyColumns(db, table);
    const orderBy = sql.raw(keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'ctid');
    for (let offset = 0; ; offset += BATCH) {
      const rows = await queryRows<{ r: Record<string, unknown> }>(
        db,
        sql`select to_jsonb(t) as r from ${sql.identifier(table)} t order by ${orderBy} limit ${BATCH} offset ${offset}`,
      );
      if (rows.length === 0) break;
      await write(JSON.stringify({ table, rows: rows.map((x) => x.r) }));
      total += rows.length;
      if (rows.length < BATCH) break;
    }
  }
  gzip.end();
  await once(out, 'finish');
  return { tables: tables.length, rows: total };
}
