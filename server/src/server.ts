/**
 * Starts Handoff: opens the database (embedded PGlite under HANDOFF_DATA_DIR, guarded by a lock file
 * and a first-start marker, or PostgreSQL), applies migrations, seeds the demo network on a first
 * start, starts the outbox worker and the follow-up tick (every time rule, agreement reminders included), and serves HTTP. `close()` stops everything in order.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { ConfigError } from './config.ts';
import type { Deps } from './app/context.ts';
import { seedDemoNetwork, type DemoSeedResult } from './app/demo/seed-demo-network.ts';
import { networks } from './db/schema/index.ts';
import { openPglite, openPostgres, runMigrations, type Database } from './db/client.ts';
import {
  acquireDataDirLock,
  checkFirstStart,
  DataDirError,
  dataDirPaths,
  markFirstStartComplete,
} from './db/embedded.ts';
import { buildApp } from './http/build-app.ts';
import { createEmailTransport } from './integrations/email/transport.ts';
import { startFollowupTick, type TickJob } from './jobs/followup-tick.ts';
import { createOutboxWorker, type OutboxWorker } from './jobs/outbox-worker.ts';
import { advancingClock, systemClock, type Clock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

/** How long in-flight requests may take to finish at shutdown. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
  /** Called with the demo logins when the demo network was just created. */
  onDemoSeeded?: (result: DemoSeedResult) => void;
}

export interface RunningHandoff {
  url: string;
  deps: Deps;
  app: FastifyInstance;
  outbox: OutboxWorker;
  close(): Promise<void>;
}

/**
 * The key that seals secrets at rest. From HANDOFF_SECRET_KEY, or in embedded mode from
 * `<data dir>/secret.key` (created on first start, mode 0600). PostgreSQL mode requires the variable.
 */
export function resolveSecretKey(config: Config): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'base64');
  if (config.databaseUrl) {
    throw new ConfigError(
      'HANDOFF_SECRET_KEY is required with DATABASE_URL (generate one: openssl rand -base64 32)',
    );
  }
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** Opens (and migrates) the configured database; in embedded mode also takes the data-dir lock. */
export async function openConfiguredDatabase(
  config: Config,
): Promise<{ database: Database; firstStart: boolean; finishFirstStart(): void; release(): void }> {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl);
    await runMigrations(database);
    return { database, firstStart: false, finishFirstStart: () => undefined, release: () => undefined };
  }
  const paths = dataDirPaths(config.dataDir);
  const release = acquireDataDirLock(paths);
  try {
    const { firstStart } = checkFirstStart(paths);
    let database: Database;
    try {
      database = await openPglite(paths.pgdata);
    } catch (err) {
      throw new DataDirError(
        `The embedded database in ${paths.pgdata} could not be opened (${(err as Error).message}). ` +
          `If it was created by an interrupted first start, remove ${paths.root} and start again; ` +
          `otherwise restore it from a backup (handoff restore FILE).`,
      );
    }
    await runMigrations(database);
    return { database, firstStart, finishFirstStart: () => markFirstStartComplete(paths), release };
  } catch (err) {
    release();
    throw err;
  }
}

export async function startHandoff(config: Config, options: StartOptions = {}): Promise<RunningHandoff> {
  const log = options.log ?? createLogger(config.logLevel);
  const secretKey = resolveSecretKey(config);
  const opened = await openConfiguredDatabase(config);
  const { database } = opened;
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    clock: options.clock ?? (config.devClock ? advancingClock() : systemClock),
    config,
    secretKey,
    log,
  };
  let app: FastifyInstance | undefined;
  let outbox: OutboxWorker | undefined;
  let ticks: TickJob | undefined;
  try {
    // The demo is seeded only into a database without any network: never into a real installation.
    if (config.demo && (await deps.db.select({ id: networks.id }).from(networks).limit(1)).length === 0) {
      const seeded = await seedDemoNetwork(deps);
      if (seeded.created) options.onDemoSeeded?.(seeded);
    }
    opened.finishFirstStart();
    app = await buildApp(deps);
    await app.listen({ port: config.port, host: config.host });
    outbox = createOutboxWorker(
      deps,
      createEmailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
    );
    ticks = startFollowupTick(deps, config.tickIntervalMs);
  } catch (err) {
    await ticks?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    opened.release();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log.info({ port, engine: database.engine }, 'Handoff is listening');
  const running = { app, outbox, ticks };
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    deps,
    app,
    outbox,
    close() {
      closing ??= (async () => {
        await running.outbox.stop();
        await running.ticks.stop();
        // Graceful: new requests get 503 and in-flight ones finish. Keep-alive connections that turn
        // idle afterwards are closed as they do (Node closes idle ones only once, at close time), and
        // whatever is still open after the grace period is cut.
        const server = running.app.server;
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        try {
          await running.app.close();
        } finally {
          clearInterval(sweep);
          clearTimeout(deadline);
        }
        await database.close();
        opened.release();
      })();
      return closing;
    },
  };
}
