/**
 * §2.51 medical emergency ("break glass") through the API: only clinicians may declare one, with the
 * recipient, affiliation and nature documented; it lets that clinician read the patient for emergency
 * treatment only, is ledgered and audited, queues a review for the holder's program managers (e-mailed
 * without patient data), can be reviewed once, and ends after its time.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../../src/app/context.ts';
import { createUser } from '../../src/app/members/create-user.ts';
import { auditEvents, organizations, outbox } from '../../src/db/schema/index.ts';
import { skipReason } from '../harness/database.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app.ts';
import { PATIENT } from './fixtures.ts';

interface Patient {
  id: string;
  access: string;
}

describe.skipIf(skipReason)('emergency access', () => {
  let t: TestApp;
  let navigator: TestClient;
  let cboB: TestClient;
  let clinicianElsewhere: TestClient;

  const call = async <T>(c: TestClient, method: string, url: string, body?: unknown, status = 200) => {
    const res = await c.request(method, url, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    navigator = await t.login('navigator@demo.handoff.test');
    const [other] = await t.deps.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, 'cbo'), like(organizations.name, '%Harm Reduction%')));
    if (!other) throw new Error('no second CBO in the demo');
    for (const [email, role, password] of [
      ['intake@b.test', 'cbo_intake', 'b passphrase 123'],
      ['er@elsewhere.test', 'clinician', 'er passphrase 1234'],
    ] as const) {
      await createUser(t.deps, operatorActor(), { email, password, organization: other.id, role });
    }
    cboB = await t.login('intake@b.test', 'b passphrase 123');
    clinicianElsewhere = await t.login('er@elsewhere.test', 'er passphrase 1234');
  });
  afterAll(() => t.close());

  it('grants §2.51 emergency access to clinicians only, documented and queued for review', async () => {
    const fresh = await call<Patient>(
      navigator,
      'POST',
      '/api/v1/patients',
      { ...PATIENT, givenName: 'Eva', mrn: 'E-1' },
      201,
    );
    const body = {
      recipientName: 'Dr. Lee',
      recipientAffiliation: 'County ED',
      nature: 'Unresponsive, suspected overdose',
      consentUnobtainable: true,
    };
    expect(
      (await cboB.request('POST', `/api/v1/patients/${fresh.id}/emergency-access`, body)).statusCode,
    ).toBe(403);
    const empty = await clinicianElsewhere.request('POST', `/api/v1/patients/${fresh.id}/emergency-access`, {
      ...body,
      nature: '',
    });
    expect(empty.statusCode).toBe(400);
    const noAffiliation = await clinicianElsewhere.request(
      'POST',
      `/api/v1/patients/${fresh.id}/emergency-access`,
      { ...body, recipientAffiliation: undefined },
    );
    expect(noAffiliation.statusCode).toBe(400);
    expect(
      (await clinicianElsewhere.request('GET', `/api/v1/patients/${fresh.id}?purpose=ETREAT`)).statusCode,
    ).toBe(404);
    await call(clinicianElsewhere, 'POST', `/api/v1/patients/${fresh.id}/emergency-access`, body, 201);
    const seen = await call<Patient>(
      clinicianElsewhere,
      'GET',
      `/api/v1/patients/${fresh.id}?purpose=ETREAT`,
    );
    expect(seen.access).toBe('emergency');
    expect((await clinicianElsewhere.request('GET', `/api/v1/patients/${fresh.id}`)).statusCode).toBe(404); // TREAT needs consent
    const manager = await t.login('manager.hospital@demo.handoff.test');
    const review = await call<{
      items: Array<{
        id: string;
        patientId: string;
        recipientAffiliation: string;
        nature: string;
        disclosedByName: string;
      }>;
    }>(manager, 'GET', '/api/v1/emergency-accesses');
    const item = review.items.find((i) => i.patientId === fresh.id);
    expect(item).toMatchObject({
      recipientAffiliation: 'County ED',
      nature: 'Unresponsive, suspected overdose',
    });
    const mail = (await t.deps.db.select().from(outbox)).map(
      (o) => o.payload as { to: string; subject: string; text: string },
    );
    const told = mail.filter((m) => m.subject.includes('2.51'));
    expect(told.map((m) => m.to)).toContain('manager.hospital@demo.handoff.test');
    expect(told.map((m) => m.to)).toContain('admin.hospital@demo.handoff.test');
    expect(told.map((m) => m.to)).not.toContain('navigator@demo.handoff.test');
    for (const m of told) expect(`${m.subject} ${m.text}`).not.toMatch(/Eva|Delgado|1988/);
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.patientId, fresh.id));
    expect(events.filter((e) => e.action === 'patient.disclose' && e.purpose === 'ETREAT')).toHaveLength(1);
    const reviews = await Promise.all(
      ['Checked with the ED', 'Second reviewer'].map((note) =>
        manager.request('POST', `/api/v1/emergency-accesses/${item?.id}/review`, { note }),
      ),
    );
    expect(reviews.map((r) => r.statusCode).sort()).toEqual([200, 409]); // never two reviews of one access
    expect(
      (await call<{ items: unknown[] }>(manager, 'GET', '/api/v1/emergency-accesses')).items.some(
        (i) => (i as { id: string }).id === item?.id,
      ),
    ).toBe(false);
    t.clock.advance(25 * 3_600_000);
    const later = await t.login('er@elsewhere.test', 'er passphrase 1234');
    expect((await later.request('GET', `/api/v1/patients/${fresh.id}?purpose=ETREAT`)).statusCode).toBe(404);
  });
});
