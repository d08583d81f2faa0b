/**
 * The HSDS 3.0 read API on the demo network: the page envelope and its arithmetic, `search`,
 * `modified_after`, full services with our taxonomy attributes, organizations with their services,
 * service-at-locations, clear errors; and a page of `/hsds/services` imported back (HSDS JSON) in place.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
interface HsdsService {
  id: string;
  name: string;
  description: string | null;
  organization_id: string;
  last_modified: string;
  organization: { id: string; name: string };
  attributes: Array<{ taxonomy_term_id: string; value: string | null; taxonomy_term: { code: string } }>;
  schedules: Array<{ byday: string; opens_at: string; closes_at: string }>;
  service_at_locations: Array<{
    id: string;
    location: { id: string; addresses: Array<{ postal_code: string }> };
  }>;
}

describe.skipIf(skipReason)('HSDS read API', () => {
  let t: TestApp;
  let navigator: TestClient;
  let total: number;

  const get = async <T>(client: TestClient, url: string) => {
    const res = await client.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    navigator = await t.login('navigator@demo.handoff.test');
    total = (await t.deps.db.select({ n: count() }).from(services))[0]?.n ?? 0;
  });
  afterAll(() => t.close());

  it('pages services in the HSDS envelope, every service complete with our attributes', async () => {
    const first = await get<Page<HsdsService>>(navigator, '/hsds/services?per_page=10');
    expect(first).toMatchObject({
      total_items: total,
      total_pages: Math.ceil(total / 10),
      page_number: 1,
      size: 10,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = await get<Page<HsdsService>>(navigator, '/hsds/services?per_page=10&page=2');
    expect(second.first_page).toBe(false);
    expect(second.contents.map((s) => s.id)).not.toContain(first.contents[0]?.id);
    const last = await get<Page<HsdsService>>(
      navigator,
      `/hsds/services?per_page=10&page=${first.total_pages}`,
    );
    expect(last).toMatchObject({ last_page: true, size: total - 10 * (first.total_pages - 1) });
    const beyond = await get<Page<HsdsService>>(
      navigator,
      `/hsds/services?per_page=10&page=${first.total_pages + 1}`,
    );
    expect(beyond).toMatchObject({ empty: true, size: 0, contents: [] });

    const service = first.contents[0] as HsdsService;
    const codes = service.attributes.map((a) => a.taxonomy_term.code);
    expect(codes).toEqual(
      expect.arrayContaining(['service_kind', 'medication:methadone:accepts_current', 'timezone']),
    );
    expect(service.service_at_locations[0]?.location.addresses[0]?.postal_code).toMatch(/^44\d{3}$/);
    expect(service.organization.id).toBe(service.organization_id);
  });

  it('finds services by words, and those changed after an instant', async () => {
    const found = await get<Page<HsdsService>>(navigator, '/hsds/services?search=methadone&per_page=500');
    expect(found.total_items).toBeGreaterThan(0);
    expect(found.total_items).toBeLessThan(total);
    for (const s of found.contents)
      expect(`${s.name} ${s.description ?? ''} ${s.organization.name}`.toLowerCase()).toContain('methadone');

    const intake = await t.login('intake@demo.handoff.test');
    const own = await get<{ items: Array<{ id: string }> }>(
      intake,
      `/api/v1/services?organizationId=${activeOrg(intake)}`,
    );
    const target = own.items[0];
    if (!target) throw new Error('the intake user has no service');
    const before = t.clock.now().toISOString();
    t.clock.advance(60_000);
    const put = await intake.request('PUT', `/api/v1/services/${target.id}/capacity`, {
      status: 'not_accepting',
    });
    expect(put.statusCode, put.body).toBe(200);
    const changed = await get<Page<HsdsService>>(
      navigator,
      `/hsds/services?modified_after=${encodeURIComponent(before)}`,
    );
    expect(changed.contents.map((s) => s.id)).toEqual([target.id]);
    const status = changed.contents[0]?.attributes.find((a) => a.taxonomy_term.code === 'capacity:status');
    expect(status?.value).toBe('not_accepting');
  });

  it('serves one service, organizations with their services, and service-at-locations', async () => {
    const page = await get<Page<HsdsService>>(navigator, '/hsds/services?per_page=1');
    const id = page.contents[0]?.id as string;
    const one = await get<HsdsService>(navigator, `/hsds/services/${id}`);
    expect(one).toEqual(page.contents[0]);

    const organizations = await get<Page<{ id: string; name: string }>>(
      navigator,
      '/hsds/organizations?per_page=500',
    );
    const owners = new Set(
      (await get<Page<HsdsService>>(navigator, '/hsds/services?per_page=500')).contents.map(
        (s) => s.organization_id,
      ),
    );
    expect(new Set(organizations.contents.map((o) => o.id))).toEqual(owners);
    const organization = await get<{ id: string; services: Array<{ id: string }>; locations: unknown[] }>(
      navigator,
      `/hsds/organizations/${one.organization_id}`,
    );
    expect(organization.services.map((s) => s.id)).toContain(id);
    expect(organization.locations.length).toBeGreaterThan(0);

    const sal = await get<Page<{ id: string; service: { id: string }; location: { id: string } }>>(
      navigator,
      '/hsds/service_at_locations?per_page=1',
    );
    expect(sal.total_items).toBe(total);
    expect(sal.contents[0]?.service.id).toBe(id);
    expect(sal.contents[0]?.location.id).toBe(one.service_at_locations[0]?.location.id);
  });

  it('answers clearly: 401 without credentials, 400 naming a bad parameter, 404 for unknown ids', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/hsds/services' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const bad = await navigator.request('GET', '/hsds/services?per_page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe('per_page');
    const unknownParam = await navigator.request('GET', '/hsds/services?color=blue');
    expect(unknownParam.statusCode).toBe(400);
    expect((await navigator.request('GET', '/hsds/services/not-an-id')).statusCode).toBe(404);
    expect((await navigator.request('GET', `/hsds/services/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await navigator.request('GET', `/hsds/organizations/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('takes its own HSDS JSON back through the import API, in place', async () => {
    const convener = await t.login('convener@demo.handoff.test');
    const all = await get<Page<HsdsService>>(convener, '/hsds/services?per_page=500');
    const started = await convener.request('POST', '/api/v1/directory/imports', {
      format: 'hsds-json',
      files: { 'services.json': JSON.stringify(all) },
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json<{ id: string }>().id;
    let report: { state: string; importedRows: number; problems: unknown[] } = {
      state: 'running',
      importedRows: 0,
      problems: [],
    };
    for (let i = 0; i < 400 && report.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      report = await get(convener, `/api/v1/directory/imports/${id}`);
    }
    expect(report).toMatchObject({ state: 'succeeded', importedRows: total, problems: [] });
    expect((await t.deps.db.select({ n: count() }).from(services))[0]?.n).toBe(total);
    const again = await get<Page<HsdsService>>(convener, '/hsds/services?per_page=500');
    const strip = (s: HsdsService) => ({ ...s, last_modified: undefined });
    expect(again.contents.map(strip)).toEqual(all.contents.map(strip));
  });
});
