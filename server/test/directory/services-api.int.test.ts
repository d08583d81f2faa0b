/**
 * The directory API on the demo network: listing and filtering services, capacity reports by the
 * partner (and nobody else), full replacement with optimistic concurrency, and matching that sees every
 * change at once, explains each result and rules out hard conflicts unless asked.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, services } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

interface Reason {
  code: string;
  message: string;
}
interface ServiceBody {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  kind: string;
  version: number;
  capacity: {
    status: string;
    reportedStatus?: string;
    stale: boolean;
    freshness: string;
    updatedBy: string | null;
  };
  [key: string]: unknown;
}
interface MatchBody {
  items: Array<{
    service: ServiceBody;
    score: number;
    fits: Reason[];
    conflicts: Reason[];
    warnings: Reason[];
    distanceKm?: number;
    nextOpenAt: string | null;
  }>;
  considered: number;
  home: { lat: number; lon: number; zip?: string } | null;
}

const DAY_MS = 86_400_000;

describe.skipIf(skipReason)('directory API', () => {
  let t: TestApp;
  let navigator: TestClient;
  let intake: TestClient;
  let cboAdmin: TestClient;
  let obotService: ServiceBody;

  const match = async (body: object) => {
    const res = await navigator.request('POST', '/api/v1/match', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MatchBody>();
  };
  const buprenorphineStart = {
    medication: { name: 'buprenorphine', phase: 'start' },
    home: { zip: '44113' },
  };

  beforeAll(async () => {
    t = await createTestApp();
    navigator = await t.login('navigator@demo.handoff.test');
    intake = await t.login('intake@demo.handoff.test');
    cboAdmin = await t.login('admin.cbo@demo.handoff.test');
    const list = await intake.request(
      'GET',
      `/api/v1/services?organizationId=${activeOrg(intake)}&capacity=accepting`,
    );
    const first = list.json<{ items: ServiceBody[] }>().items[0];
    if (!first) throw new Error('the first OBOT has no accepting service in the demo');
    obotService = first;
  });
  afterAll(() => t.close());

  it('lists the demo directory with filters and paging', async () => {
    const all = (await navigator.request('GET', '/api/v1/services?limit=500')).json<{
      items: ServiceBody[];
      total: number;
    }>();
    expect(all.total).toBeGreaterThan(30);
    expect(all.items).toHaveLength(all.total);
    const names = all.items.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const methadone = (
      await navigator.request('GET', '/api/v1/services?medication=methadone&limit=500')
    ).json<{
      items: ServiceBody[];
    }>();
    expect(methadone.items.length).toBeGreaterThan(0);
    expect(methadone.items.every((s) => s.kind === 'otp')).toBe(true);

    const unknown = (await navigator.request('GET', '/api/v1/services?capacity=unknown&limit=500')).json<{
      items: ServiceBody[];
    }>();
    expect(unknown.items.length).toBeGreaterThan(0);
    expect(unknown.items.every((s) => s.capacity.status === 'unknown' && s.capacity.stale)).toBe(true);

    const page = (await navigator.request('GET', '/api/v1/services?limit=5&offset=5')).json<{
      items: ServiceBody[];
      total: number;
    }>();
    expect(page.total).toBe(all.total);
    expect(page.items.map((s) => s.id)).toEqual(all.items.slice(5, 10).map((s) => s.id));

    const bad = await navigator.request('GET', '/api/v1/services?capacity=full');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('publishes the directory, HSDS and partnership routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: object }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/services',
        '/api/v1/services/{id}',
        '/api/v1/services/{id}/capacity',
        '/api/v1/services/{id}/capacity-history',
        '/api/v1/match',
        '/api/v1/directory/imports',
        '/hsds/services',
        '/hsds/services/{id}',
        '/hsds/organizations',
        '/hsds/organizations/{id}',
        '/hsds/service_at_locations',
        '/api/v1/partnerships',
        '/api/v1/partnerships/summary',
        '/api/v1/partnerships/{id}',
        '/api/v1/partnerships/{id}/agreements',
        '/api/v1/partnerships/{id}/assessments',
      ]),
    );
  });

  it('returns one service with an ETag, and not found for unknown ids', async () => {
    const res = await navigator.request('GET', `/api/v1/services/${obotService.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${obotService.version}"`);
    expect(res.json<ServiceBody>().organizationName).toBe(obotService.organizationName);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await navigator.request('GET', `/api/v1/services/${id}`)).statusCode).toBe(404);
    }
  });

  it("lets the partner's intake staff report capacity, and a navigator's next match sees it at once", async () => {
    const before = await match(buprenorphineStart);
    expect(before.items.some((i) => i.service.id === obotService.id)).toBe(true);

    const res = await intake.request('PUT', `/api/v1/services/${obotService.id}/capacity`, {
      status: 'not_accepting',
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json<ServiceBody>();
    expect(updated.capacity).toMatchObject({ status: 'not_accepting', stale: false, freshness: 'fresh' });
    expect(updated.capacity.updatedBy).toBe(intake.session.user.id);

    const after = await match(buprenorphineStart);
    expect(after.items.some((i) => i.service.id === obotService.id)).toBe(false);
    const ruledOut = await match({ ...buprenorphineStart, includeConflicts: true, limit: 200 });
    const flagged = ruledOut.items.find((i) => i.service.id === obotService.id);
    expect(flagged?.conflicts.map((c) => c.code)).toContain('not_accepting');

    const history = await navigator.request('GET', `/api/v1/services/${obotService.id}/capacity-history`);
    expect(history.json<{ items: Array<{ status: string; reportedBy: string }> }>().items[0]).toMatchObject({
      status: 'not_accepting',
      reportedBy: intake.session.user.id,
    });
    const audited = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'service.capacity'), eq(auditEvents.entityId, obotService.id)));
    expect(audited).toHaveLength(1);

    // Back to accepting, with a waitlist in between: expected days only with the waitlist.
    const waitlist = await intake.request('PUT', `/api/v1/services/${obotService.id}/capacity`, {
      status: 'waitlist',
      expectedWaitDays: 4,
    });
    expect(waitlist.json<{ capacity: { expectedWaitDays?: number } }>().capacity.expectedWaitDays).toBe(4);
    expect(
      (
        await intake.request('PUT', `/api/v1/services/${obotService.id}/capacity`, {
          status: 'accepting',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses capacity reports from anyone but the partner, and bad reports change nothing', async () => {
    const url = `/api/v1/services/${obotService.id}/capacity`;
    expect((await navigator.request('PUT', url, { status: 'accepting' })).statusCode).toBe(404);
    // Capacity belongs to the partner: even the convener, who sees the service, may not set it.
    const convener = await t.login('convener@demo.handoff.test');
    expect((await convener.request('PUT', url, { status: 'not_accepting' })).statusCode).toBe(404);
    const liaisonOfPartner = await t.login('liaison@demo.handoff.test');
    const own = await liaisonOfPartner.request('PUT', url, { status: 'accepting' });
    expect(own.statusCode).toBe(200);
    const bad = await intake.request('PUT', url, { status: 'accepting', expectedWaitDays: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe('expectedWaitDays');
    const unknownStatus = await intake.request('PUT', url, { status: 'full' });
    expect(unknownStatus.statusCode).toBe(400);
    const current = (
      await navigator.request('GET', `/api/v1/services/${obotService.id}`)
    ).json<ServiceBody>();
    expect(current.capacity.status).toBe('accepting');
  });

  it('flags a recovery house that refuses methadone, with that reason, and keeps one that accepts it', async () => {
    const need = {
      medication: { name: 'methadone', phase: 'continue' },
      otherNeeds: ['housing'],
      home: { zip: '44113' },
    };
    const plain = await match(need);
    const names = plain.items.map((i) => i.service.organizationName);
    expect(names).toContain('Cedar House Recovery Living');
    expect(names).not.toContain('Fresh Start Recovery Residences');
    expect(plain.items.every((i) => i.conflicts.length === 0)).toBe(true);

    const all = await match({ ...need, includeConflicts: true, limit: 200 });
    const freshStart = all.items.filter(
      (i) => i.service.organizationName === 'Fresh Start Recovery Residences',
    );
    expect(freshStart.length).toBeGreaterThan(0);
    for (const item of freshStart) {
      expect(item.conflicts).toContainEqual(
        expect.objectContaining({
          code: 'medication_not_accepted',
          message: 'does not accept patients on methadone',
        }),
      );
    }
    // Conflicting services rank after every service without a conflict.
    const firstConflict = all.items.findIndex((i) => i.conflicts.length > 0);
    expect(all.items.slice(firstConflict).every((i) => i.conflicts.length > 0)).toBe(true);
    // Distances are shown, and the home ZIP was resolved offline.
    expect(plain.home?.zip).toBe('44113');
    expect(plain.items.every((i) => typeof i.distanceKm === 'number')).toBe(true);
  });

  it('is deterministic and honours the intake window', async () => {
    const need = {
      ...buprenorphineStart,
      insurance: [{ kind: 'medicaid' }],
      language: 'es',
      intakeWindow: { from: '2026-11-24T20:00:00Z', withinHours: 72 },
      limit: 50,
    };
    const first = await match(need);
    const second = await match(need);
    expect(second.items.map((i) => i.service.id)).toEqual(first.items.map((i) => i.service.id));
    for (const item of first.items) {
      if (item.nextOpenAt) {
        expect(Date.parse(item.nextOpenAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T20:00:00Z'));
        expect(Date.parse(item.nextOpenAt)).toBeLessThan(Date.parse('2026-11-27T20:00:00Z'));
      }
    }
    const scores = first.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('rejects a match request it cannot read, with the reason', async () => {
    const cases: Array<[object, string]> = [
      [{ home: { zip: '44113' } }, 'medication'],
      [{ ...buprenorphineStart, home: { zip: '4411' } }, 'home'],
      [{ ...buprenorphineStart, home: { zip: '00000' } }, 'home'],
      [{ ...buprenorphineStart, home: { lat: 41.5 } }, 'home'],
      [
        { ...buprenorphineStart, intakeWindow: { from: '2026-11-24T20:00:00Z', to: '2026-11-23T20:00:00Z' } },
        'intakeWindow.to',
      ],
      [{ ...buprenorphineStart, medication: { name: 'fentanyl', phase: 'start' } }, 'medication.name'],
      [{ ...buprenorphineStart, limit: 1000 }, 'limit'],
    ];
    for (const [body, field] of cases) {
      const res = await navigator.request('POST', '/api/v1/match', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json<{ errors: Array<{ field: string }> }>();
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
  });

  it('replaces a service with If-Match, refuses stale or invalid writes, and matching sees the change', async () => {
    const url = `/api/v1/services/${obotService.id}`;
    const current = await cboAdmin.request('GET', url);
    const body = current.json<ServiceBody>();
    const etag = current.headers.etag as string;
    const input = {
      siteId: body.siteId,
      name: 'Same-day buprenorphine starts',
      description: body.description,
      kind: body.kind,
      status: body.status,
      medications: body.medications,
      policies: { ...(body.policies as object), prerequisites: ['negative_drug_screen'] },
      eligibility: body.eligibility,
      timezone: body.timezone,
      intakeHours: body.intakeHours,
      holidays: body.holidays,
    };
    const invalidCases: Array<[object, string]> = [
      [{ ...input, intakeHours: { mon: ['17:00-09:00'] } }, 'intakeHours'],
      [{ ...input, timezone: 'Mars/Olympus' }, 'intakeHours'],
      [
        {
          ...input,
          medications: {
            ...(body.medications as object),
            methadone: { start: true, continue: true, acceptsCurrent: true },
          },
        },
        'medications.methadone',
      ],
      [
        { ...input, eligibility: { ...(body.eligibility as object), minAge: 30, maxAge: 20 } },
        'eligibility.maxAge',
      ],
      [{ ...input, siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
    ];
    for (const [bad, field] of invalidCases) {
      const res = await cboAdmin.request('PUT', url, bad, { 'if-match': etag });
      expect(res.statusCode, field).toBe(400);
      expect(res.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(field);
    }
    expect((await navigator.request('PUT', url, input)).statusCode).toBe(404);
    expect((await intake.request('PUT', url, input)).statusCode).toBe(403); // same organization, no role
    const hospitalAdmin = await t.login('admin.hospital@demo.handoff.test');
    expect((await hospitalAdmin.request('PUT', url, input)).statusCode).toBe(404);

    const ok = await cboAdmin.request('PUT', url, input, { 'if-match': etag });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ServiceBody>().version).toBe(body.version + 1);
    const stale = await cboAdmin.request('PUT', url, input, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);

    // A negative drug screen is now required: a hard conflict unless the navigator says it is met.
    const ruled = await match(buprenorphineStart);
    expect(ruled.items.some((i) => i.service.id === obotService.id)).toBe(false);
    const met = await match({ ...buprenorphineStart, prerequisites: { negative_drug_screen: true } });
    expect(met.items.find((i) => i.service.id === obotService.id)?.service.name).toBe(
      'Same-day buprenorphine starts',
    );
    const [row] = await t.deps.db.select().from(services).where(eq(services.id, obotService.id));
    expect(row?.capacityStatus).toBe('accepting'); // capacity is not part of a replacement
  });

  it('creates a service that matching finds, and leaves out services of a deactivated organization', async () => {
    const org = activeOrg(cboAdmin);
    const sites = (await cboAdmin.request('GET', `/api/v1/organizations/${org}/sites`)).json<{
      items: Array<{ id: string }>;
    }>();
    const siteId = sites.items[0]?.id;
    const created = await cboAdmin.request('POST', '/api/v1/services', {
      organizationId: org,
      siteId,
      name: 'Naltrexone injection clinic',
      kind: 'obot',
      medications: {
        buprenorphine: { start: false, continue: false, acceptsCurrent: true },
        methadone: { start: false, continue: false, acceptsCurrent: true },
        naltrexone_xr: { start: true, continue: true, acceptsCurrent: true },
      },
      policies: {
        harmReduction: 'supportive',
        prerequisites: [],
        walkIn: true,
        sameDayIntake: true,
        nextDayIntake: true,
        telehealth: false,
      },
      eligibility: { genders: 'any', languages: ['en'], accessibility: [] },
      intakeHours: { tue: ['09:00-12:00'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json<ServiceBody>();
    expect(service.timezone).toBe('America/New_York');
    const need = { medication: { name: 'naltrexone_xr', phase: 'start' }, home: { zip: '44113' } };
    expect((await match(need)).items.some((i) => i.service.id === service.id)).toBe(true);

    const convener = await t.login('convener@demo.handoff.test');
    const off = await convener.request('PATCH', `/api/v1/organizations/${org}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await match(need)).items.some((i) => i.service.id === service.id)).toBe(false);
    await convener.request('PATCH', `/api/v1/organizations/${org}`, { active: true });
    expect((await match(need)).items.some((i) => i.service.id === service.id)).toBe(true);

    // Results show the organization's and the site's current names (the snapshot is told of renames).
    const found = async () => (await match(need)).items.find((i) => i.service.id === service.id)?.service;
    const originalName = (await found())?.organizationName;
    expect(
      (await convener.request('PATCH', `/api/v1/organizations/${org}`, { name: 'Renamed Recovery Medicine' }))
        .statusCode,
    ).toBe(200);
    expect((await found())?.organizationName).toBe('Renamed Recovery Medicine');
    const site = await cboAdmin.request('PATCH', `/api/v1/organizations/${org}/sites/${siteId}`, {
      name: 'Renamed Office',
    });
    expect(site.statusCode, site.body).toBe(200);
    expect((await found())?.siteName).toBe('Renamed Office');
    await convener.request('PATCH', `/api/v1/organizations/${org}`, { name: originalName });
  });
  it('shows a capacity report older than 7 days as unknown, never as current', async () => {
    // Last in the file: moving the clock a week on ends every earlier session.
    await intake.request('PUT', `/api/v1/services/${obotService.id}/capacity`, { status: 'accepting' });
    t.clock.advance(7 * DAY_MS);
    const navigatorNextWeek = await t.login('navigator@demo.handoff.test');
    const fresh = (
      await navigatorNextWeek.request('GET', `/api/v1/services/${obotService.id}`)
    ).json<ServiceBody>();
    expect(fresh.capacity).toMatchObject({ status: 'accepting', stale: false }); // exactly 7 days: still fresh
    t.clock.advance(60_000);
    const later = await t.login('navigator@demo.handoff.test');
    const res = (await later.request('GET', `/api/v1/services/${obotService.id}`)).json<ServiceBody>();
    expect(res.capacity).toMatchObject({ status: 'unknown', reportedStatus: 'accepting', stale: true });
    const result = (
      await later.request('POST', '/api/v1/match', {
        ...buprenorphineStart,
        prerequisites: { negative_drug_screen: true },
      })
    ).json<MatchBody>();
    const item = result.items.find((i) => i.service.id === obotService.id);
    expect(item?.warnings.map((w) => w.code)).toContain('capacity_unknown');
    expect(item?.fits.map((f) => f.code)).not.toContain('capacity_accepting');
  });
});
