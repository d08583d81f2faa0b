/**
 * The demo network's patients, generated from the seed: six per hospital (fictional names, birth dates,
 * 555-01xx phone numbers), most with a signed single TPO consent naming one or two of the hospital's
 * partner CBOs — some with a recipient revoked, one whose consent has expired — and a few earlier
 * disclosures in the ledger, so the consent summary and the accounting of disclosures have something
 * to show. The first hospital's first patient is shared with the first OBOT (the well-known logins).
 */
import { DATA_CATEGORIES } from '../consent/vocabulary.ts';
import { nameKey } from '../patients/name-key.ts';
import { FIRST_NAMES, LAST_NAMES, LATINO_FIRST_NAMES, LATINO_LAST_NAMES } from './names.ts';
import { createPrng } from './prng.ts';
import type { DemoNetwork } from './types.ts';

const DAY_MS = 86_400_000;
const PATIENTS_PER_HOSPITAL = 6;

export interface DemoPatientSet {
  patients: Array<{
    id: string;
    holderOrgId: string;
    givenName: string;
    familyName: string;
    nameKey: string;
    birthDate: string;
    sex: 'female' | 'male';
    phones: Array<{ number: string; use: 'mobile'; voicemailOk: boolean; textOk: boolean }>;
    address: { street: string; city: string; state: string; postalCode: string } | null;
    unhoused: boolean;
    preferredLanguage: string;
    insurance: {
      kind: 'medicaid' | 'uninsured' | 'commercial';
      payerName: string | null;
      memberId: string | null;
    };
    part2: boolean;
    createdBy: string;
    mrn: string;
  }>;
  consents: Array<{
    id: string;
    patientId: string;
    holderOrgId: string;
    recordedBy: string;
    recordedAt: Date;
    expiresOn: string | null;
    expiryEvent: string | null;
    signerName: string;
    signedOn: string;
    language: 'en' | 'es';
    recipients: Array<{ id: string; organizationId: string; revokedAt: Date | null }>;
  }>;
  disclosures: Array<{
    id: string;
    patientId: string;
    holderOrgId: string;
    recipientOrgId: string;
    recipientUserId: string;
    consentId: string;
    at: Date;
  }>;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** `partners`: each hospital's partner CBOs (from the demo partnerships), first one first. */
export function generateDemoPatients(
  demo: DemoNetwork,
  partners: ReadonlyMap<string, readonly string[]>,
  now: Date,
): DemoPatientSet {
  const prng = createPrng(demo.seed, 'patients');
  const set: DemoPatientSet = { patients: [], consents: [], disclosures: [] };
  const staffOf = (orgId: string, role: string) =>
    demo.memberships.find((m) => m.organizationId === orgId && m.roles.includes(role as never))?.userId ??
    demo.memberships.find((m) => m.organizationId === orgId)?.userId;
  const hospitals = demo.organizations.filter((o) => o.kind === 'hospital');
  const firstObot = demo.organizations.find((o) => o.cboSubtype === 'obot');
  for (const [h, hospital] of hospitals.entries()) {
    const recorder = staffOf(hospital.id, 'navigator');
    if (!recorder) continue;
    const cbos = [...(partners.get(hospital.id) ?? [])];
    if (h === 0 && firstObot && !cbos.includes(firstObot.id)) cbos.unshift(firstObot.id);
    for (let i = 0; i < PATIENTS_PER_HOSPITAL; i++) {
      const latino = prng.chance(0.35);
      const givenName = prng.pick(latino ? LATINO_FIRST_NAMES : FIRST_NAMES);
      const familyName = prng.pick(latino ? LATINO_LAST_NAMES : LAST_NAMES);
      const unhoused = prng.chance(0.3);
      const id = prng.uuid();
      set.patients.push({
        id,
        holderOrgId: hospital.id,
        givenName,
        familyName,
        nameKey: nameKey(givenName, familyName),
        birthDate: `${prng.int(1962, 2004)}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`,
        sex: prng.chance(0.6) ? 'male' : 'female',
        phones: [
          {
            number: `+1 216 555 01${String(prng.int(0, 99)).padStart(2, '0')}`,
            use: 'mobile',
            voicemailOk: prng.chance(0.5),
            textOk: prng.chance(0.7),
          },
        ],
        address: unhoused
          ? null
          : {
              street: `${prng.int(100, 9999)} ${prng.pick(['Oak', 'Elm', 'Lake', 'Main'])} St`,
              city: hospital.city,
              state: hospital.state,
              postalCode: hospital.postalCode,
            },
        unhoused,
        preferredLanguage: latino && prng.chance(0.6) ? 'es' : 'en',
        insurance: prng.chance(0.75)
          ? { kind: 'medicaid', payerName: 'State Medicaid', memberId: `M${prng.int(1_000_000, 9_999_999)}` }
          : { kind: 'uninsured', payerName: null, memberId: null },
        part2: hospital.part2Program,
        createdBy: recorder,
        mrn: `${hospital.slug.slice(0, 3).toUpperCase()}-${prng.int(100_000, 999_999)}`,
      });
      const shared =
        h === 0 && i === 0
          ? cbos.slice(0, 1)
          : i < 4
            ? prng.sample(cbos, Math.min(cbos.length, prng.int(1, 2)))
            : [];
      if (shared.length === 0) continue;
      const recordedAt = new Date(now.getTime() - prng.int(20, 120) * DAY_MS);
      const expired = h === 1 && i === 3;
      const consentId = prng.uuid();
      set.consents.push({
        id: consentId,
        patientId: id,
        holderOrgId: hospital.id,
        recordedBy: recorder,
        recordedAt,
        expiresOn: expired ? day(new Date(now.getTime() - 5 * DAY_MS)) : null,
        expiryEvent: expired ? null : 'end of treatment',
        signerName: `${givenName} ${familyName}`,
        signedOn: day(recordedAt),
        language: latino ? 'es' : 'en',
        recipients: shared.map((organizationId, r) => ({
          id: prng.uuid(),
          organizationId,
          // The third hospital's second patient later revoked consent for one of two recipients.
          revokedAt:
            h === 2 && i === 1 && r === 0 && shared.length > 1 ? new Date(now.getTime() - 3 * DAY_MS) : null,
        })),
      });
      for (const organizationId of shared) {
        const reader = staffOf(organizationId, 'cbo_intake');
        if (!reader) continue;
        set.disclosures.push({
          id: prng.uuid(),
          patientId: id,
          holderOrgId: hospital.id,
          recipientOrgId: organizationId,
          recipientUserId: reader,
          consentId,
          at: new Date(recordedAt.getTime() + prng.int(1, 10) * DAY_MS),
        });
      }
    }
  }
  return set;
}

/** Every data category a demo TPO consent covers (counseling notes always need their own consent). */
export const DEMO_CONSENT_CATEGORIES = DATA_CATEGORIES.filter((c) => c !== 'counseling_notes');
