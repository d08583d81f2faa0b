/**
 * The match snapshot across processes: two servers on one PostgreSQL database (here: two app instances
 * with their own connection pools and their own snapshots) each see the other's capacity reports and
 * service changes at their next match, and concurrent writers never leave a snapshot behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { openPostgres } from '../../src/db/client.ts';
import type { Deps } from '../../src/app/context.ts';
import { skipReason, testEngine } from '../harness/database.ts';
import {
  activeOrg,
  clientFor,
  createTestApp,
  DEMO_PASSWORD,
  type TestApp,
  type TestClient,
} from '../support/test-app.ts';
import type { FastifyInstance } from 'fastify';

const need = { medication: { name: 'buprenorphine', phase: 'start' }, home: { zip: '44113' }, limit: 200 };

describe.skipIf(skipReason ?? (testEngine !== 'postgres' ? 'needs PostgreSQL (two servers)' : undefined))(
  'match snapshot on two servers',
  () => {
    let t: TestApp;
    let second: FastifyInstance;
    let closeSecond: () => Promise<void>;
    let intakeOnFirst: TestClient;
    let navigatorOnSecond: TestClient;

    beforeAll(async () => {
      t = await createTestApp();
      const url = t.test.url;
      if (!url) throw new Error('no database url');
      const database = openPostgres(url, 3);
      const deps: Deps = { ...t.deps, db: database.db };
      second = await buildApp(deps);
      await second.ready();
      closeSecond = async () => {
        await second.close();
        await database.close();
      };
      intakeOnFirst = await t.login('intake@demo.handoff.test');
      const login = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'navigator@demo.handoff.test', password: DEMO_PASSWORD },
      });
      navigatorOnSecond = clientFor(second, login);
    });
    afterAll(async () => {
      await closeSecond();
      await t.close();
    });

    const idsOnSecond = async () =>
      (await navigatorOnSecond.request('POST', '/api/v1/match', need))
        .json<{ items: Array<{ service: { id: string } }> }>()
        .items.map((i) => i.service.id);

    it('sees a capacity report made on the other server at its next match', async () => {
      const list = await intakeOnFirst.request(
        'GET',
        `/api/v1/services?organizationId=${activeOrg(intakeOnFirst)}&medication=buprenorphine&phase=start`,
      );
      const id = list.json<{ items: Array<{ id: string }> }>().items[0]?.id;
      if (!id) throw new Error('no buprenorphine service at the intake user’s organization');
      await intakeOnFirst.request('PUT', `/api/v1/services/${id}/capacity`, { status: 'accepting' });
      expect(await idsOnSecond()).toContain(id);
      await intakeOnFirst.request('PUT', `/api/v1/services/${id}/capacity`, { status: 'not_accepting' });
      expect(await idsOnSecond()).not.toContain(id);
      await intakeOnFirst.request('PUT', `/api/v1/services/${id}/capacity`, { status: 'accepting' });
      expect(await idsOnSecond()).toContain(id);
    });

    it('misses none of many concurrent writes from both servers', async () => {
      const list = await intakeOnFirst.request(
        'GET',
        `/api/v1/services?organizationId=${activeOrg(intakeOnFirst)}&limit=50`,
      );
      const ids = list.json<{ items: Array<{ id: string }> }>().items.map((s) => s.id);
      const intakeOnSecond = clientFor(
        second,
        await second.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'intake@demo.handoff.test', password: DEMO_PASSWORD },
        }),
      );
      // Interleave matches (which refresh the snapshot) with writes from both servers.
      const writes = ids.flatMap((id, i) => [
        (i % 2 === 0 ? intakeOnFirst : intakeOnSecond).request('PUT', `/api/v1/services/${id}/capacity`, {
          status: 'waitlist',
          expectedWaitDays: i + 1,
        }),
        navigatorOnSecond.request('POST', '/api/v1/match', need),
      ]);
      await Promise.all(writes);
      const result = (
        await navigatorOnSecond.request('POST', '/api/v1/match', { ...need, includeConflicts: true })
      ).json<{
        items: Array<{ service: { id: string }; capacity: { status: string; expectedWaitDays?: number } }>;
      }>();
      for (const [i, id] of ids.entries()) {
        const item = result.items.find((x) => x.service.id === id);
        if (!item) continue; // services that do not offer buprenorphine starts are not candidates
        expect(item.capacity).toMatchObject({ status: 'waitlist', expectedWaitDays: i + 1 });
      }
    });
  },
);
