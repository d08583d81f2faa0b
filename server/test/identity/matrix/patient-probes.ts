/**
 * Matrix probes for patient and consent actions. Setup registers a patient in the probing organization
 * (a hospital) and one in the other organization (a CBO), plus one in a third organization for emergency
 * access. Another organization's patient answers 404 for every role: no consent names the prober.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import {
  consentRecipients,
  consents,
  memberships,
  organizations,
  patients,
} from '../../../src/db/schema/index.ts';
import type { MatrixContext, ProbeModule } from './types.ts';

export function patientProbes(ctx: MatrixContext): ProbeModule {
  const patientOf: Record<string, string> = {};
  let third = '';
  let networkId = '';

  async function insertPatient(holderOrgId: string): Promise<string> {
    const t = ctx.app();
    const now = t.clock.now();
    const [member] = await t.deps.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, holderOrgId))
      .limit(1);
    const id = randomUUID();
    await t.deps.db.insert(patients).values({
      networkId,
      id,
      holderOrgId,
      givenName: 'Probe',
      familyName: ctx.unique(),
      nameKey: 'probe',
      birthDate: '1990-01-01',
      sex: 'unknown',
      phones: [],
      preferredLanguage: 'en',
      part2: true,
      createdBy: member?.userId ?? randomUUID(),
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  /** A stored, complete consent of the organization's patient naming the third organization. */
  async function insertConsent(org: string): Promise<string> {
    const t = ctx.app();
    const patientId = patientOf[org] ?? '';
    const [holder] = await t.deps.db.select().from(patients).where(eq(patients.id, patientId));
    const id = randomUUID();
    await t.deps.db.insert(consents).values({
      networkId,
      id,
      patientId,
      holderOrgId: org,
      type: 'tpo',
      information: 'probe',
      categories: ['demographics'],
      purposes: ['TREAT'],
      purposeDescription: 'treatment',
      revocationHow: 'in writing',
      expiryEvent: 'end of treatment',
      signatureMethod: 'typed',
      signerName: 'Probe',
      signerCapacity: 'patient',
      signedOn: '2026-11-23',
      redisclosureStatement: true,
      refusalConsequences: 'none',
      hipaaRedisclosureStatement: true,
      programFundraises: false,
      fundraisingOptOutStatement: false,
      intermediary: false,
      language: 'en',
      noticeVersion: 'probe',
      recordedBy: holder?.createdBy ?? randomUUID(),
      recordedAt: t.clock.now(),
    });
    await t.deps.db.insert(consentRecipients).values({
      networkId,
      id: randomUUID(),
      consentId: id,
      patientId,
      position: 0,
      kind: 'organization',
      organizationId: third,
    });
    return id;
  }

  return {
    async setup() {
      const t = ctx.app();
      const [own] = await t.deps.db.select().from(organizations).where(eq(organizations.id, ctx.ownOrg()));
      if (!own) throw new Error('no own organization');
      networkId = own.networkId;
      const [other] = await t.deps.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, 'hospital'), ne(organizations.id, ctx.ownOrg())))
        .limit(1);
      if (!other) throw new Error('no third organization');
      third = other.id;
      for (const org of [ctx.ownOrg(), ctx.otherOrg(), third]) patientOf[org] = await insertPatient(org);
    },
    probes: {
      'patient.read': {
        crossOrg: true,
        probe: async (c, org) => (await c.request('GET', `/api/v1/patients/${patientOf[org]}`)).statusCode,
      },
      'patient.register': {
        crossOrg: false,
        probe: async (c) =>
          (
            await c.request('POST', '/api/v1/patients', {
              givenName: 'Probe',
              familyName: ctx.unique(),
              birthDate: '1990-01-01',
              sex: 'unknown',
            })
          ).statusCode,
      },
      'consent.record': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('POST', `/api/v1/patients/${patientOf[org]}/consents`, {
              type: 'specific',
              information: 'Contact details for the referral',
              categories: ['demographics'],
              recipients: [{ kind: 'organization', organizationId: third }],
              purposes: ['TREAT'],
              purposeDescription: 'Referral for treatment',
              revocationAcknowledged: true,
              revocationHow: 'In writing to the program',
              expiresOn: '2027-06-30',
              signature: { method: 'typed', signerName: 'Probe Patient' },
              signedOn: '2026-11-23',
              hipaaRedisclosureStatement: true,
            })
          ).statusCode,
      },
      'consent.revoke': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('POST', `/api/v1/consents/${await insertConsent(org)}/revoke`, {
              writtenRequest: { method: 'letter', receivedOn: '2026-11-23' },
            })
          ).statusCode,
      },
      'restriction.manage': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('GET', `/api/v1/patients/${patientOf[org]}/restrictions`)).statusCode,
      },
      'disclosure.report': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('GET', `/api/v1/patients/${patientOf[org]}/disclosures`)).statusCode,
      },
      'emergency.access': {
        // Always another organization's patient: the holder never needs emergency access.
        crossOrg: false,
        probe: async (c) =>
          (
            await c.request('POST', `/api/v1/patients/${patientOf[third]}/emergency-access`, {
              recipientName: 'Dr. Probe',
              recipientAffiliation: 'Probe ED',
              nature: 'Overdose, unresponsive',
              consentUnobtainable: true,
            })
          ).statusCode,
      },
      'emergency.review': {
        crossOrg: false,
        probe: async (c) => (await c.request('GET', '/api/v1/emergency-accesses')).statusCode,
      },
    },
  };
}
