/**
 * Test tiers. `unit`: pure and in-memory PGlite tests beside the code. `int-pglite` and `int-postgres`:
 * the same `*.int.test.ts` files against embedded PGlite and against a real PostgreSQL server that the
 * harness starts itself.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: ['server/test/**/*.int.test.ts'],
          env: { HANDOFF_TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: ['server/test/**/*.int.test.ts'],
          env: { HANDOFF_TEST_ENGINE: 'postgres' },
          globalSetup: ['server/test/harness/global-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
