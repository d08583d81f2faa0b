/**
 * Vitest globalSetup of the `int-postgres` project: starts one throwaway PostgreSQL cluster for the run
 * and provides its superuser URL to tests as `inject('pgAdminUrl')`. Without PostgreSQL binaries the tier
 * is skipped with a loud notice (an empty URL), except on CI (`CI=true`), where that fails the run.
 */
import type { TestProject } from 'vitest/node';
import { postgresAvailable, startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the harness cluster; '' when PostgreSQL is not installed (tier skipped). */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!postgresAvailable()) {
    const message =
      'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH). ' +
      'Install them with `apt-get install postgresql` (.ci/run does).';
    if (process.env.CI === 'true')
      throw new Error(`int-postgres: ${message} They are required when CI=true.`);
    const bar = '!'.repeat(100);
    process.stderr.write(`\n${bar}\n!!! int-postgres SKIPPED: ${message}\n${bar}\n\n`);
    project.provide('pgAdminUrl', '');
    return undefined;
  }
  const started = Date.now();
  const pg = await startPostgres();
  process.stderr.write(
    `int-postgres: PostgreSQL ${pg.major ?? '?'} on 127.0.0.1:${pg.port} (started in ${Date.now() - started} ms)\n`,
  );
  project.provide('pgAdminUrl', pg.adminUrl);
  return () => pg.stop();
}
