/**
 * A second (and third) server process for the concurrent-tick test: opens the test's PostgreSQL database,
 * walks a manual clock from TICK_START through TICK_MINUTES minutes in TICK_STEP_MINUTES steps, running a
 * scheduler tick at each, and prints the total it fired as JSON on stdout.
 */
import { randomBytes } from 'node:crypto';
import { runTick } from '../../src/app/followup/run-tick.ts';
import type { Deps } from '../../src/app/context.ts';
import { loadConfig } from '../../src/config.ts';
import { openPostgres } from '../../src/db/client.ts';
import { manualClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';

const url = process.env.TICK_DB_URL;
const start = process.env.TICK_START;
if (!url || !start) throw new Error('TICK_DB_URL and TICK_START are required');
const minutes = Number(process.env.TICK_MINUTES ?? 60);
const step = Number(process.env.TICK_STEP_MINUTES ?? 1);
const database = openPostgres(url, 3);
const clock = manualClock(start);
const deps: Deps = {
  db: database.db,
  engine: 'postgres',
  clock,
  config: loadConfig({ HANDOFF_DATA_DIR: '/nonexistent-test-dir' }),
  secretKey: randomBytes(32),
  log: createLogger('error'),
};
let escalations = 0;
for (let m = 0; m <= minutes; m += step) {
  escalations += (await runTick(deps)).escalations;
  clock.advance(step * 60_000);
}
await database.close();
process.stdout.write(JSON.stringify({ escalations }) + '\n');
