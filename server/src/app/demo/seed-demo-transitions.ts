/**
 * Writes the demo network's 18 months of transitions (`domain/demo/transitions.ts`) inside the demo seed's
 * transaction: the patients they are for, each transition's consent (checked with the same §2.31 rule the API
 * applies), transitions, packets, referrals with their histories, the partners' treating relationships and
 * the ledger entries of the partners' reads. Everything goes in with `bulkInsert` (thousands of rows, one
 * statement per table and chunk), parents before children for the foreign keys.
 */
import type { Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk.ts';
import {
  consentRecipients,
  consents,
  disclosures,
  handoffPackets,
  patientIdentifiers,
  patients,
  referralEvents,
  referrals,
  transitions,
  treatingRelationships,
} from '../../db/schema/index.ts';
import { consentProblems } from '../../domain/consent/validate-consent.ts';
import { DEMO_CONSENT_CATEGORIES } from '../../domain/demo/patients.ts';
import { generateDemoTransitions } from '../../domain/demo/transitions.ts';
import type { DemoNetwork } from '../../domain/demo/types.ts';
import { CONSENT_TEXT } from './seed-demo-patients.ts';

export interface DemoTransitionCounts {
  patients: number;
  transitions: number;
  referrals: number;
}

export async function seedDemoTransitions(
  tx: Tx,
  demo: DemoNetwork,
  now: Date,
  noticeVersion: string,
): Promise<DemoTransitionCounts> {
  const set = generateDemoTransitions(demo, now);
  const networkId = demo.network.id;

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
        expiryEvent: c.expiryEvent,
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
    patients,
    set.patients.map(({ mrn: _mrn, ...p }) => ({ ...p, networkId, updatedAt: p.createdAt })),
  );
  await bulkInsert(
    tx,
    patientIdentifiers,
    set.patients.map((p) => ({
      networkId,
      patientId: p.id,
      organizationId: p.holderOrgId,
      value: p.mrn,
      createdAt: p.createdAt,
    })),
  );
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
    transitions,
    set.transitions.map((t) => ({ ...t, networkId })),
  );
  await bulkInsert(
    tx,
    handoffPackets,
    set.packets.map((p) => ({ ...p, networkId })),
  );
  await bulkInsert(
    tx,
    referrals,
    set.referrals.map(({ role: _role, ...r }) => ({ ...r, networkId })),
  );
  await bulkInsert(
    tx,
    referralEvents,
    set.events.map((e) => ({ ...e, networkId })),
  );
  await bulkInsert(
    tx,
    treatingRelationships,
    set.treatingRelationships.map((r) => ({ ...r, networkId })),
  );
  await bulkInsert(
    tx,
    disclosures,
    set.disclosures.map((d) => ({
      ...d,
      networkId,
      categories: ['treatment'],
      description: 'Referral and handoff packet',
      purpose: 'TREAT',
      basis: 'consent',
      emergencyAccessId: null,
      generalDesignation: false,
      channel: 'web',
    })),
  );
  return {
    patients: set.patients.length,
    transitions: set.transitions.length,
    referrals: set.referrals.length,
  };
}
