/**
 * PostgreSQL for benchmarks: one throwaway cluster per `npm run bench` (the test harness's
 * `startPostgres`, on a free loopback port) and a fresh database per benchmark run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  postgresAvailable,
  startPostgres,
  type RunningPostgres,
} from '../../server/test/harness/postgres.ts';

export { postgresAvailable };

export interface BenchPostgres {
  cluster: RunningPostgres;
  /** Creates an empty database on the cluster and returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  // The bench opens pools from the server plus admin connections; leave headroom.
  const cluster = await startPostgres({ maxConnections: 200 });
  return {
    cluster,
    async createDatabase(prefix = 'handoff_bench') {
      const name = `${prefix}_${randomBytes(5).toString('hex')}`;
      const client = new pg.Client({ connectionString: cluster.adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(cluster.adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: () => cluster.stop(),
  };
}
