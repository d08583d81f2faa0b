/**
 * Bad input gets a clear, specific problem+json answer naming the offending field, and changes
 * nothing: malformed JSON, wrong types, missing and unknown fields, oversized bodies, wrong media
 * types, stale If-Match. Also the health probes, the OpenAPI document and the docs page.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organizations } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

describe.skipIf(skipReason)('HTTP robustness', () => {
  let t: TestApp;
  let convener: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    convener = await t.login('convener@demo.handoff.test');
  });
  afterAll(() => t.close());

  const snapshot = async () => ({
    orgs: (await t.deps.db.select({ n: count() }).from(organizations))[0]?.n,
    audit: (await t.deps.db.select({ n: count() }).from(auditEvents))[0]?.n,
  });

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { cookie: convener.cookie, 'x-csrf-token': convener.csrf, 'content-type': contentType },
      payload,
    });

  const valid = { slug: 'new-peer-org', name: 'New Peer Org', kind: 'cbo', cboSubtype: 'peer_recovery' };

  it.each([
    ['malformed JSON', '{"slug": "x",', 400, 'body'],
    ['wrong type', JSON.stringify({ ...valid, name: 42 }), 400, 'name'],
    ['missing field', JSON.stringify({ slug: 'abc-def', kind: 'cbo', cboSubtype: 'other' }), 400, 'name'],
    ['unknown field', JSON.stringify({ ...valid, color: 'blue' }), 400, 'color'],
    ['bad enum', JSON.stringify({ ...valid, kind: 'spaceship' }), 400, 'kind'],
    ['cross-field rule', JSON.stringify({ ...valid, cboSubtype: undefined }), 400, 'cboSubtype'],
    [
      'bad nested value',
      JSON.stringify({ ...valid, totpRequiredRoles: ['pilot'] }),
      400,
      'totpRequiredRoles.0',
    ],
  ])('%s → %i naming %s, nothing written', async (_name, body, status, field) => {
    const before = await snapshot();
    const res = await post(body);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<{
      status: number;
      title: string;
      detail: string;
      errors: Array<{ field: string }>;
    }>();
    expect(problem.status).toBe(status);
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(problem.detail).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over 1 MB with 413, nothing written', async () => {
    const before = await snapshot();
    const res = await post(JSON.stringify({ ...valid, name: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toMatch(/body-too-large$/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a non-JSON media type with 415', async () => {
    const res = await post('slug=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('rejects bad query parameters and path ids clearly', async () => {
    const res = await convener.request('GET', '/api/v1/organizations?kind=castle');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('kind');
    const bad = await convener.request('PATCH', '/api/v1/organizations/x/members/not-a-uuid', { title: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('membershipId');
  });

  it('creates with a valid body, then refuses a duplicate slug with 409', async () => {
    const ok = await post(JSON.stringify(valid));
    expect(ok.statusCode).toBe(201);
    const dup = await post(JSON.stringify(valid));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('slug');
  });

  it('honours If-Match: a stale version is refused with 412 and changes nothing', async () => {
    const org = activeOrg(convener);
    const current = await convener.request('GET', `/api/v1/organizations/${org}`);
    const etag = String(current.headers.etag);
    const first = await convener.request(
      'PATCH',
      `/api/v1/organizations/${org}`,
      { phone: '216-555-0111' },
      { 'if-match': etag },
    );
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(etag);
    const stale = await convener.request(
      'PATCH',
      `/api/v1/organizations/${org}`,
      { phone: '216-555-0122' },
      { 'if-match': etag },
    );
    expect(stale.statusCode).toBe(412);
    const after = await convener.request('GET', `/api/v1/organizations/${org}`);
    expect(after.json().phone).toBe('216-555-0111');
  });

  it('answers unknown API routes with a problem+json 404, and private routes without a session with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/organizations' });
    expect(anon.statusCode).toBe(401);
  });

  it('sends security headers, without forcing HTTPS on a plain-http installation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves health probes, the OpenAPI document and the API docs', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(t.deps.engine);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: object;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/organizations/{id}',
        '/api/v1/patients',
        '/api/v1/patients/{id}',
        '/api/v1/patients/{id}/consents',
        '/api/v1/consents/{id}/revoke',
        '/api/v1/patients/{id}/disclosures',
      ]),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});
