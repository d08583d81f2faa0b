/**
 * What CLI commands share: configuration, a quiet logger, the database opened exactly like the
 * server opens it (same lock: in embedded mode a command refuses to run while the server runs),
 * and the operator actor. Errors are printed to stderr and set a non-zero exit code.
 */
import pino from 'pino';
import { loadConfig, type Config } from '../config.ts';
import type { Deps } from '../app/context.ts';
import { systemClock } from '../lib/clock.ts';
import { openConfiguredDatabase, resolveSecretKey } from '../server.ts';

export async function withCliDeps<T>(fn: (deps: Deps, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const secretKey = resolveSecretKey(config);
  const opened = await openConfiguredDatabase(config);
  // For the CLI a first start is complete once the database exists and is migrated.
  opened.finishFirstStart();
  const deps: Deps = {
    db: opened.database.db,
    engine: opened.database.engine,
    clock: systemClock,
    config,
    secretKey,
    log: pino({ level: 'silent' }),
  };
  try {
    return await fn(deps, config);
  } finally {
    await opened.database.close();
    opened.release();
  }
}
