/**
 * The one way integration tests get a database. The engine comes from `HANDOFF_TEST_ENGINE` (set per
 * Vitest project): `pglite` opens a fresh in-memory PGlite; `postgres` creates a fresh database on the
 * cluster that `global-postgres.ts` started. Either way the migrations are applied and `dispose()` throws
 * everything away. Tests guard the PostgreSQL tier with `describe.skipIf(skipReason)`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, runMigrations, type Database, type Engine } from '../../src/db/client.ts';

export interface TestDatabase {
  database: Database;
  engine: Engine;
  /** The `postgres://` URL of the test's own database (PostgreSQL only; undefined on PGlite). */
  url: string | undefined;
  /** Closes the connections and drops the database. */
  dispose(): Promise<void>;
}

export interface OpenTestDatabaseOptions {
  /** Apply the migrations (default true); false gives an empty database, for migration tests. */
  migrate?: boolean;
  /** Pool size on PostgreSQL (default 5). */
  poolSize?: number;
}

function engineFromEnv(): Engine {
  const value = process.env.HANDOFF_TEST_ENGINE ?? 'pglite';
  if (value === 'pglite' || value === 'postgres') return value;
  throw new Error(`HANDOFF_TEST_ENGINE must be 'pglite' or 'postgres', not '${value}'`);
}

export const testEngine: Engine = engineFromEnv();

function adminUrl(): string {
  // Outside the int-postgres project nothing is provided.
  return testEngine === 'postgres' ? (inject('pgAdminUrl') ?? '') : '';
}

/** Why this test file's database tier cannot run here, or undefined when it can. */
export const skipReason: string | undefined =
  testEngine === 'postgres' && !adminUrl()
    ? 'PostgreSQL binaries are not installed: the int-postgres tier is skipped'
    : undefined;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = adminUrl();
  if (!url) throw new Error(skipReason ?? 'no PostgreSQL admin URL (is this the int-postgres project?)');
  const client = new pg.Client({ connectionString: url, application_name: 'handoff-test-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty (unmigrated) database on the harness cluster, for tests that spawn real server
 * processes against PostgreSQL. PostgreSQL engine only; `drop()` disconnects everyone and drops it.
 */
export async function createScratchDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testEngine !== 'postgres')
    throw new Error('createScratchDatabaseUrl needs HANDOFF_TEST_ENGINE=postgres');
  const name = `handoff_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Opens a fresh, migrated database on the engine of the current Vitest project. */
export async function openTestDatabase(options: OpenTestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (testEngine === 'pglite') {
    const database = await openPglite('memory://');
    try {
      if (migrate) await runMigrations(database);
    } catch (error) {
      await database.close();
      throw error;
    }
    let closed = false;
    return {
      database,
      engine: 'pglite',
      url: undefined,
      async dispose() {
        if (closed) return;
        closed = true;
        await database.close();
      },
    };
  }

  const scratch = await createScratchDatabaseUrl();
  const database = openPostgres(scratch.url, options.poolSize ?? 5);
  let closed = false;
  const dispose = async () => {
    if (closed) return;
    closed = true;
    try {
      await database.close();
    } finally {
      await scratch.drop();
    }
  };
  try {
    if (migrate) await runMigrations(database);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { database, engine: 'postgres', url: scratch.url, dispose };
}
