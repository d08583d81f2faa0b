/**
 * Writes the demo network's generated patients, consents and earlier disclosures
 * (`domain/demo/patients.ts`) inside the demo seed's transaction. Consents carry every §2.31 element
 * (they are written directly, so they are checked here with the same rule the API applies).
 */
import type { Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk.ts';
import {
  consentRecipients,
  consents,
  disclosures,
  patientIdentifiers,
  patients,
} from '../../db/schema/index.ts';
import { consentProblems } from '../../domain/consent/validate-consent.ts';
import { DEMO_CONSENT_CATEGORIES, generateDemoPatients } from '../../domain/demo/patients.ts';
import { generateDemoPartnerships } from '../../domain/demo/partnerships.ts';
import type { DemoNetwork } from '../../domain/demo/types.ts';

/** The fixed text of every demo consent: a single TPO consent naming the partners (the transitions' too). */
export const CONSENT_TEXT = {
  type: 'tpo',
  information:
    'My referral packet: contact details, medication for opioid use disorder, appointments and follow-up',
  purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
  purposeDescription: 'For treatment, payment, and health care operations',
  revocationHow: 'Tell the program in writing: a letter, or the revocation form the navigator gives you',
  signatureMethod: 'typed',
  signerCapacity: 'patient',
  redisclosureStatement: true,
  refusalConsequences:
    'You will still get treatment. Without this consent we cannot send your referral to the partner.',
  hipaaRedisclosureStatement: true,
  programFundraises: false,
  fundraisingOptOutStatement: false,
  intermediary: false,
} as const;

export async function seedDemoPatients(
  tx: Tx,
  demo: DemoNetwork,
  now: Date,
  noticeVersion: string,
): Promise<number> {
  const partners = new Map<string, string[]>();
  for (const p of generateDemoPartnerships(demo, now).partnerships) {
    if (p.status === 'ended') continue;
    partners.set(p.hospitalOrgId, [...(partners.get(p.hospitalOrgId) ?? []), p.cboOrgId]);
  }
  const set = generateDemoPatients(demo, partners, now);
  const networkId = demo.network.id;
  await bulkInsert(
    tx,
    patients,
    set.patients.map(({ mrn: _mrn, ...p }) => ({ ...p, networkId, createdAt: now, updatedAt: now })),
  );
  await bulkInsert(
    tx,
    patientIdentifiers,
    set.patients.map((p) => ({
      networkId,
      patientId: p.id,
      organizationId: p.holderOrgId,
      value: p.mrn,
      createdAt: now,
    })),
  );
  for (const c of set.consents) {
    const problems = consentProblems(
      {
        ...CONSENT_TEXT,
        patientName: c.signerName,
        disclosingOrganizationName: 'demo',
        categories: DEMO_CONSENT_CATEGORIES,
        recipients: c.recipients.map((r) => ({ kind: 'organization', organizationId: r.organizationId })),
        purposes: [...CONSENT_TEXT.purposes],
        revocationAcknowledged: true,
        expiresOn: null,
        expiryEvent: c.expiryEvent ?? 'end of treatment',
        signature: { method: 'typed', signerName: c.signerName, capacity: 'patient', hasImage: false },
        signedOn: c.signedOn,
        language: c.language,
      },
      c.signedOn,
    );
    if (problems.length > 0)
      throw new Error(`demo consent incomplete: ${problems.map((p) => p.element).join(', ')}`);
  }
  await bulkInsert(
    tx,
    consents,
    set.consents.map(({ recipients: _r, ...c }) => ({
      ...CONSENT_TEXT,
      ...c,
      networkId,
      categories: [...DEMO_CONSENT_CATEGORIES],
      purposes: [...CONSENT_TEXT.purposes],
      noticeVersion,
    })),
  );
  await bulkInsert(
    tx,
    consentRecipients,
    set.consents.flatMap((c) =>
      c.recipients.map((r, position) => ({
        networkId,
        id: r.id,
        consentId: c.id,
        patientId: c.patientId,
        position,
        kind: 'organization',
        organizationId: r.organizationId,
        revokedAt: r.revokedAt,
      })),
    ),
  );
  await bulkInsert(
    tx,
    disclosures,
    set.disclosures.map((d) => ({
      ...d,
      networkId,
      categories: ['demographics'],
      description: 'Demographics: name, date of birth, sex, contact details, address, insurance',
      purpose: 'TREAT',
      basis: 'consent',
      emergencyAccessId: null,
      generalDesignation: false,
      channel: 'web',
    })),
  );
  return set.patients.length;
}
