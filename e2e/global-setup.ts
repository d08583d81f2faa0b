/**
 * Starts what the journeys need and returns the teardown: an SMTP capture on a free port, then the
 * real server (`node server/bin/handoff.mjs serve`) on another free port with a fresh data dir, the
 * demo network and a random secret key (`support/server.ts`). Waits for `GET /healthz`; passes the URLs
 * to the workers through environment variables (see `support/environment.ts`).
 */
import { ENV } from './support/environment.ts';
import { startServer } from './support/server.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer({ logName: 'server.log' });
  process.env[ENV.baseUrl] = server.baseUrl;
  process.env[ENV.mailDir] = server.mailDir;
  return server.stop;
}
