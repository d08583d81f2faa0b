/**
 * Matrix probes for patient and consent actions. Setup registers a patient in the probing organization
 * (a hospital) and one in the other organization (a CBO), plus one in a third organization for emergency
 * access. Another organization's patient answers 404 for every role: no consent names the prober.
 */
import { and, eq, ne } from 'drizzle-orm';
import { organizations } from '../../../src/db/schema/index.ts';
import { insertProbeConsent, insertProbePatient } from './probe-records.ts';
import type { MatrixContext, ProbeModule } from './types.ts';

export function patientProbes(ctx: MatrixContext): ProbeModule {
  const patientOf: Record<string, string> = {};
  let third = '';
  let networkId = '';

  const insertPatient = (holderOrgId: string) => insertProbePatient(ctx, networkId, holderOrgId);
  /** A stored, complete consent of the organization's patient naming the third organization. */
  const insertConsent = (org: string) => insertProbeConsent(ctx, networkId, patientOf[org] ?? '', third);

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
