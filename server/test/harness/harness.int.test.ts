/**
 * Proves the integration-test harness on the current engine: a fresh database opens, the migrations are
 * applied, the audit trail's append-only triggers are in place, and the PostgreSQL tier really is
 * PostgreSQL 15 (the version CI's Debian 12 ships).
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigrationCount, type Queryable } from '../../src/db/client.ts';
import { openTestDatabase, skipReason, testEngine, type TestDatabase } from './database.ts';

/** The message of an error and of its causes (Drizzle wraps driver errors). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(' <- ');
}

/** Rows of a raw query (`execute` is untyped over the shared `Db` type). */
async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return messages(error);
  }
  throw new Error('expected the statement to be refused');
}

describe.skipIf(skipReason)(`test harness (${testEngine})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await openTestDatabase();
  });

  afterAll(async () => {
    await t?.dispose();
  });

  it('opens a database of the requested engine', async () => {
    expect(t.engine).toBe(testEngine);
    expect(t.database.engine).toBe(testEngine);
    const res = await rows<{ n: number }>(t.database.db, sql`select 1 + 1 as n`);
    expect(res[0]?.n).toBe(2);
    if (testEngine === 'postgres')
      expect(t.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/handoff_t_/);
    else expect(t.url).toBeUndefined();
  });

  it('applies the migrations', async () => {
    expect(await appliedMigrationCount(t.database.db)).toBeGreaterThanOrEqual(2);
  });

  it('keeps audit_event append-only', async () => {
    const { db } = t.database;
    await db.execute(sql`
      insert into audit_event (chain, seq, id, at, action, outcome, via, prev_hash, hash)
      values ('harness', 1, ${randomUUID()}, now(), 'harness.check', 'success', 'test', '', 'h1')`);
    expect(await failure(db.execute(sql`delete from audit_event`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`update audit_event set action = 'tampered'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`truncate audit_event`))).toMatch(/append-only/);
    const res = await rows<{ action: string }>(
      db,
      sql`select action from audit_event where chain = 'harness'`,
    );
    expect(res).toEqual([{ action: 'harness.check' }]);
  });

  it.runIf(testEngine === 'postgres')('runs on PostgreSQL 15', async () => {
    const res = await rows<{ version: string }>(t.database.db, sql`select version() as version`);
    expect(res[0]?.version).toMatch(/^PostgreSQL 15\./);
  });

  it('gives every test database its own data', async () => {
    const other = await openTestDatabase();
    try {
      const res = await rows<{ n: number }>(
        other.database.db,
        sql`select count(*)::int as n from audit_event where chain = 'harness'`,
      );
      expect(res[0]?.n).toBe(0);
    } finally {
      await other.dispose();
    }
  });
});
