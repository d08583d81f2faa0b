/**
 * P12 fail-closed: without the reviewed Part 2 notice texts nothing is disclosed to another organization
 * (503, nothing sent, nothing ledgered), while the holding organization keeps working on its own record.
 */
import { describe, expect, it } from 'vitest';
import { disclosures } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp } from '../support/test-app.ts';
import { PATIENT, tpoConsent } from './fixtures.ts';

describe.skipIf(skipReason)('without the Part 2 notice texts', () => {
  it('refuses every disclosure and sends nothing; the holder still works', async () => {
    const t = await createTestApp();
    try {
      const navigator = await t.login('navigator@demo.handoff.test');
      const cbo = await t.login('intake@demo.handoff.test');
      const p = await navigator.request('POST', '/api/v1/patients', PATIENT);
      const id = p.json<{ id: string }>().id;
      const c = await navigator.request(
        'POST',
        `/api/v1/patients/${id}/consents`,
        tpoConsent([activeOrg(cbo)]),
      );
      expect(c.statusCode).toBe(201);
      const ledgerBefore = (await t.deps.db.select().from(disclosures)).length;
      t.deps.config.part2TextsFile = '/nonexistent/part2-texts.json';
      const read = await cbo.request('GET', `/api/v1/patients/${id}`);
      expect(read.statusCode).toBe(503);
      expect(read.body).not.toContain('Rosa');
      const list = await cbo.request('GET', '/api/v1/patients');
      expect(list.statusCode).toBe(503);
      expect((await navigator.request('GET', `/api/v1/patients/${id}`)).statusCode).toBe(200);
      expect(await t.deps.db.select().from(disclosures)).toHaveLength(ledgerBefore);
    } finally {
      await t.close();
    }
  });
});
