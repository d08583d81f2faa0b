/**
 * The partnership workspace through the API: a hospital and a CBO start a partnership (one live one per
 * pair, only across the hospital/CBO line), keep agreements with their signed document, liaisons, a
 * ledger of deliveries, meetings with action items, goals and quarterly self-assessments; nobody else
 * learns it exists; the convener sees aggregates without names; expiry reminders go out once per person.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../src/app/context.ts';
import { createUser } from '../../src/app/members/create-user.ts';
import { remindExpiringAgreements } from '../../src/app/partnerships/remind-expiring-agreements.ts';
import { auditEvents, notifications, organizations, outbox } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { activeOrg, createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';

interface View {
  id: string;
  status: string;
  version: number;
  hospital: { id: string; name: string };
  cbo: { id: string; name: string };
  agreements: Array<{ id: string; title: string; daysUntilExpiry: number | null; hasDocument: boolean }>;
  liaisons: Array<{ id: string; userId: string; organizationId: string; role: string; name: string }>;
  deliveryTotals: Array<{ providerOrganizationId: string; kind: string; quantity: number }>;
  meetings: Array<{ id: string; actionItems: Array<{ id: string; done: boolean; overdue: boolean }> }>;
  actionItems: Array<{ id: string; done: boolean; overdue: boolean; ownerName: string | null }>;
  goals: Array<{ metric: string; target: number }>;
  assessments: Array<{ organizationId: string; quarter: string; score: number }>;
}

const ANSWERS = {
  communication: 4,
  referral_flow: 3,
  shared_understanding: 5,
  trust: 4,
  data_sharing: 2,
  leadership_support: 5,
};

describe.skipIf(skipReason)('partnership workspace API', () => {
  let t: TestApp;
  let hospitalAdmin: TestClient;
  let cboAdmin: TestClient;
  let outsider: TestClient;
  let hospitalOrg: string;
  let cboOrg: string;
  let partnership: View;

  const ok = async <T = View>(
    client: TestClient,
    method: string,
    url: string,
    body?: unknown,
    status = 200,
  ) => {
    const res = await client.request(method, url, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    hospitalAdmin = await t.login('admin.hospital@demo.handoff.test');
    cboAdmin = await t.login('admin.cbo@demo.handoff.test');
    hospitalOrg = activeOrg(hospitalAdmin);
    cboOrg = activeOrg(cboAdmin);
    const [other] = await t.deps.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, 'cbo'), like(organizations.name, '%Harm Reduction%')));
    if (!other || other.id === cboOrg) throw new Error('no unrelated CBO in the demo');
    await createUser(t.deps, operatorActor(), {
      email: 'outsider@partnerships.test',
      password: 'outsider passphrase 1',
      organization: other.id,
      role: 'org_admin',
    });
    outsider = await t.login('outsider@partnerships.test', 'outsider passphrase 1');
  });
  afterAll(() => t.close());

  it('starts a partnership across the hospital/CBO line, one live one per pair', async () => {
    partnership = await ok(
      hospitalAdmin,
      'POST',
      '/api/v1/partnerships',
      { partnerOrganizationId: cboOrg },
      201,
    );
    expect(partnership).toMatchObject({
      status: 'exploring',
      hospital: { id: hospitalOrg },
      cbo: { id: cboOrg },
    });
    const again = await hospitalAdmin.request('POST', '/api/v1/partnerships', {
      partnerOrganizationId: cboOrg,
    });
    expect(again.statusCode).toBe(409);
    const fromCbo = await cboAdmin.request('POST', '/api/v1/partnerships', {
      partnerOrganizationId: hospitalOrg,
    });
    expect(fromCbo.statusCode).toBe(409); // the same pair, seen from the other side
    const [otherHospital] = await t.deps.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.kind, 'hospital'));
    const sameSide = await hospitalAdmin.request('POST', '/api/v1/partnerships', {
      partnerOrganizationId: otherHospital?.id,
    });
    expect(sameSide.statusCode).toBe(400);
    expect(sameSide.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe(
      'partnerOrganizationId',
    );
    const unknown = await hospitalAdmin.request('POST', '/api/v1/partnerships', {
      partnerOrganizationId: crypto.randomUUID(),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('is seen by both parties and by nobody else', async () => {
    const list = await ok<{ items: Array<{ id: string }> }>(cboAdmin, 'GET', '/api/v1/partnerships');
    expect(list.items.map((p) => p.id)).toContain(partnership.id);
    await ok(cboAdmin, 'GET', `/api/v1/partnerships/${partnership.id}`);
    const outsiderList = await ok<{ items: Array<{ id: string }> }>(outsider, 'GET', '/api/v1/partnerships');
    expect(outsiderList.items.map((p) => p.id)).not.toContain(partnership.id);
    const peek = await outsider.request('GET', `/api/v1/partnerships/${partnership.id}`);
    const missing = await outsider.request('GET', `/api/v1/partnerships/${crypto.randomUUID()}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json<{ detail: string }>().detail).toBe(missing.json<{ detail: string }>().detail);
    const change = await outsider.request('PATCH', `/api/v1/partnerships/${partnership.id}`, {
      status: 'ended',
    });
    expect(change.statusCode).toBe(404);
    const convener = await t.login('convener@demo.handoff.test');
    expect((await convener.request('GET', `/api/v1/partnerships/${partnership.id}`)).statusCode).toBe(404);
  });

  it('changes status with optimistic locking', async () => {
    const res = await hospitalAdmin.request(
      'PATCH',
      `/api/v1/partnerships/${partnership.id}`,
      { status: 'active', startedOn: '2026-11-01' },
      { 'if-match': `"${partnership.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<View>().status).toBe('active');
    const stale = await cboAdmin.request(
      'PATCH',
      `/api/v1/partnerships/${partnership.id}`,
      { notes: 'late' },
      { 'if-match': `"${partnership.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    const empty = await cboAdmin.request('PATCH', `/api/v1/partnerships/${partnership.id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('keeps agreements with their signed document', async () => {
    const pdf = Buffer.from('%PDF-1.4 signed MOU');
    const view = await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/agreements`,
      {
        kind: 'mou',
        title: 'Bridge MOU 2026',
        effectiveOn: '2026-01-01',
        expiresOn: '2026-12-23',
        document: { name: 'mou.pdf', contentType: 'application/pdf', data: pdf.toString('base64') },
      },
      201,
    );
    const agreement = view.agreements.find((a) => a.title === 'Bridge MOU 2026');
    expect(agreement).toMatchObject({ daysUntilExpiry: 30, hasDocument: true });
    const doc = await cboAdmin.request(
      'GET',
      `/api/v1/partnerships/${partnership.id}/agreements/${agreement?.id}/document`,
    );
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.rawPayload.equals(pdf)).toBe(true);
    const named = await ok(
      cboAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/agreements`,
      {
        kind: 'data_sharing',
        title: 'Datos',
        effectiveOn: '2026-01-01',
        document: { name: 'MOU – firmado "final".txt', contentType: 'text/plain', data: 'aG9sYQ==' },
      },
      201,
    );
    const unicode = named.agreements.find((a) => a.title === 'Datos');
    const download = await cboAdmin.request(
      'GET',
      `/api/v1/partnerships/${partnership.id}/agreements/${unicode?.id}/document`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="MOU _ firmado _final_.txt"; filename*=UTF-8''${encodeURIComponent('MOU – firmado "final".txt')}`,
    );
    const outsiderDoc = await outsider.request(
      'GET',
      `/api/v1/partnerships/${partnership.id}/agreements/${agreement?.id}/document`,
    );
    expect(outsiderDoc.statusCode).toBe(404);
    const backwards = await hospitalAdmin.request(
      'POST',
      `/api/v1/partnerships/${partnership.id}/agreements`,
      {
        kind: 'baa',
        title: 'Backwards',
        effectiveOn: '2026-06-01',
        expiresOn: '2026-01-01',
      },
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe('expiresOn');
  });

  it('names liaisons from each side, only members of that side', async () => {
    const view = await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/liaisons`,
      { userId: cboAdmin.session.user.id, organizationId: cboOrg, role: 'primary' },
      201,
    );
    expect(view.liaisons).toMatchObject([
      { userId: cboAdmin.session.user.id, organizationId: cboOrg, role: 'primary' },
    ]);
    const wrongSide = await hospitalAdmin.request('POST', `/api/v1/partnerships/${partnership.id}/liaisons`, {
      userId: cboAdmin.session.user.id,
      organizationId: hospitalOrg,
      role: 'backup',
    });
    expect(wrongSide.statusCode).toBe(400);
    expect(wrongSide.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe('userId');
    const notParty = await hospitalAdmin.request('POST', `/api/v1/partnerships/${partnership.id}/liaisons`, {
      userId: outsider.session.user.id,
      organizationId: activeOrg(outsider),
      role: 'backup',
    });
    expect(notParty.statusCode).toBe(400);
  });

  it('keeps a ledger of deliveries with totals per side and kind', async () => {
    const url = `/api/v1/partnerships/${partnership.id}/deliveries`;
    await ok(
      cboAdmin,
      'POST',
      url,
      { providerOrganizationId: cboOrg, kind: 'in_reach_visit', quantity: 3, deliveredOn: '2026-11-02' },
      201,
    );
    const view = await ok(
      cboAdmin,
      'POST',
      url,
      { providerOrganizationId: cboOrg, kind: 'in_reach_visit', quantity: 2, deliveredOn: '2026-11-09' },
      201,
    );
    expect(view.deliveryTotals).toEqual([
      { providerOrganizationId: cboOrg, kind: 'in_reach_visit', quantity: 5 },
    ]);
    const stranger = await cboAdmin.request('POST', url, {
      providerOrganizationId: activeOrg(outsider),
      kind: 'transport',
      deliveredOn: '2026-11-09',
    });
    expect(stranger.statusCode).toBe(400);
  });

  it('records meetings with action items, done and overdue', async () => {
    const view = await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/meetings`,
      {
        heldOn: '2026-11-10',
        title: 'Monthly huddle',
        attendees: ['Hospital navigator lead', 'CBO intake lead'],
        notes: 'Reserved slots on Tuesdays.',
        actionItems: [
          {
            description: 'Share the intake checklist',
            ownerUserId: cboAdmin.session.user.id,
            dueOn: '2026-11-20',
          },
          { description: 'Schedule in-reach for December', dueOn: '2026-12-05' },
        ],
      },
      201,
    );
    expect(view.actionItems.map((a) => [a.overdue, a.ownerName !== null])).toEqual([
      [true, true],
      [false, false],
    ]);
    const first = view.actionItems[0];
    const done = await ok(
      cboAdmin,
      'PUT',
      `/api/v1/partnerships/${partnership.id}/action-items/${first?.id}`,
      { done: true },
    );
    expect(done.actionItems[0]).toMatchObject({ done: true, overdue: false });
    const badOwner = await hospitalAdmin.request('POST', `/api/v1/partnerships/${partnership.id}/meetings`, {
      heldOn: '2026-11-10',
      title: 'x',
      attendees: ['a'],
      actionItems: [{ description: 'y', ownerUserId: outsider.session.user.id }],
    });
    expect(badOwner.statusCode).toBe(400);
  });

  it('sets goals and scores each side’s quarterly self-assessment, the last answer counting', async () => {
    await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/goals`,
      { metric: 'intake_within_72h', target: 60 },
      201,
    );
    await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/assessments`,
      { answers: ANSWERS },
      201,
    );
    await ok(
      cboAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/assessments`,
      { answers: { ...ANSWERS, trust: 5 } },
      201,
    );
    const view = await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/assessments`,
      { answers: { ...ANSWERS, data_sharing: 5 } },
      201,
    );
    expect(view.goals).toEqual([
      { metric: 'intake_within_72h', target: 60, description: null, id: expect.any(String) },
    ]);
    expect(view.assessments.map((a) => [a.organizationId, a.quarter, a.score]).sort()).toEqual(
      [
        [hospitalOrg, '2026-Q4', 4.33],
        [cboOrg, '2026-Q4', 4],
      ].sort(),
    );
    const incomplete = await cboAdmin.request('POST', `/api/v1/partnerships/${partnership.id}/assessments`, {
      answers: { ...ANSWERS, trust: 6 },
    });
    expect(incomplete.statusCode).toBe(400);
  });

  it('writes an audit event for each change', async () => {
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'partnership'), eq(auditEvents.entityId, partnership.id)));
    const changes = events
      .filter((e) => e.outcome === 'success')
      .map((e) => (e.details as { change?: string }).change);
    expect(changes).toEqual(
      expect.arrayContaining(['agreement', 'liaison', 'delivery', 'meeting', 'goal', 'assessment']),
    );
  });

  it('shows the convener aggregates only', async () => {
    const convener = await t.login('convener@demo.handoff.test');
    const summary = await convener.request('GET', '/api/v1/partnerships/summary');
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      partnerships: { byStatus: { active: expect.any(Number) } },
      agreements: { expiringWithin60Days: expect.any(Number) },
      deliveriesByKind: { in_reach_visit: expect.any(Number) },
    });
    expect(summary.body).not.toContain(partnership.hospital.name);
    expect(summary.body).not.toContain(partnership.cbo.name);
    expect((await hospitalAdmin.request('GET', '/api/v1/partnerships/summary')).statusCode).toBe(403);
  });

  it('reminds liaisons (or, without one, the side’s administrators) once, from 60 days before expiry', async () => {
    const keys = async () =>
      (await t.deps.db.select().from(outbox).where(like(outbox.dedupeKey, 'agreement-expiry:%'))).filter(
        (r) => String((r.payload as { text?: string }).text).includes('Bridge MOU 2026'),
      );
    await remindExpiringAgreements(t.deps);
    const sent = await keys();
    const recipients = sent.map((r) => (r.payload as { to: string }).to).sort();
    expect(recipients).toContain('admin.cbo@demo.handoff.test'); // the CBO's liaison
    expect(recipients).toContain('admin.hospital@demo.handoff.test'); // no hospital liaison: its admins
    expect((sent[0]?.payload as { subject: string }).subject).toBe(
      'Handoff: Agreement expires in 30 days: Bridge MOU 2026',
    );
    // The same people find it in the app, linked to the partnership; no patient data anywhere.
    const inApp = await t.deps.db
      .select()
      .from(notifications)
      .where(like(notifications.title, '%Bridge MOU 2026'));
    expect(inApp).toHaveLength(sent.length);
    expect(inApp[0]).toMatchObject({
      kind: 'partnership.agreement_expiring',
      link: expect.stringMatching(/^\/partnerships\//),
    });
    expect(await remindExpiringAgreements(t.deps)).toBe(0); // idempotent: fired once per agreement and expiry
    expect((await keys()).length).toBe(sent.length);
  });

  it('falls back to the side’s administrators once its named liaison has left', async () => {
    const navigator = await t.login('navigator@demo.handoff.test');
    await ok(
      hospitalAdmin,
      'POST',
      `/api/v1/partnerships/${partnership.id}/liaisons`,
      { userId: navigator.session.user.id, organizationId: hospitalOrg, role: 'primary' },
      201,
    );
    const remindedOf = async (title: string) => {
      await ok(
        hospitalAdmin,
        'POST',
        `/api/v1/partnerships/${partnership.id}/agreements`,
        { kind: 'data_sharing', title, effectiveOn: '2026-01-01', expiresOn: '2026-12-10' },
        201,
      );
      await remindExpiringAgreements(t.deps);
      return (await t.deps.db.select().from(outbox).where(like(outbox.dedupeKey, 'agreement-expiry:%')))
        .filter((r) => String((r.payload as { text?: string }).text).includes(title))
        .map((r) => (r.payload as { to: string }).to);
    };
    // Named: the hospital side is the navigator alone.
    const named = await remindedOf('Data sharing A');
    expect(named).toContain('navigator@demo.handoff.test');
    expect(named).not.toContain('admin.hospital@demo.handoff.test');
    // The navigator leaves the hospital: the side falls back to its administrators.
    const deactivated = await hospitalAdmin.request(
      'PATCH',
      `/api/v1/organizations/${hospitalOrg}/members/${navigator.session.activeMembershipId}`,
      { status: 'inactive' },
    );
    expect(deactivated.statusCode, deactivated.body).toBe(204);
    const left = await remindedOf('Data sharing B');
    expect(left).toContain('admin.hospital@demo.handoff.test');
    expect(left).not.toContain('navigator@demo.handoff.test');
  });
});
