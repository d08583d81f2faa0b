/**
 * Statements prepared once per database handle, for the queries every request runs (authentication, the
 * consent facts, the record a use case opens): Drizzle builds the SQL once, and PostgreSQL parses and
 * plans a named statement once per connection. Building and planning cost more than running these
 * small queries (bench/consent.ts, bench/transitions.ts). Parameters are `sql.placeholder(…)`; a list is
 * passed as an array (`= any(${sql.placeholder('ids')}::uuid[])`).
 */
import type { Db } from './client.ts';

export function preparedPerDb<P>(prepare: (db: Db) => P): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = prepare(db);
      cache.set(db, statement);
    }
    return statement;
  };
}
