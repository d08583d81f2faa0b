/**
 * Example-based tests of the policy decision point against the acceptance criteria of `part2-privacy.md`
 * (P4, P6–P11, P14, P17, P19). The hospital holds the record; CBO A and CBO B are community organizations;
 * H is a health plan.
 */
import { describe, expect, it } from 'vitest';
import { decideAccess } from './decide.ts';
import type {
  AccessDecision,
  AccessFacts,
  AccessRequest,
  ConsentFact,
  EmergencyFact,
  RecipientFact,
  RestrictionFact,
} from './decide.ts';
import type { ConsentPurpose } from './vocabulary.ts';

const HOSPITAL = 'org-hospital';
const CBO_A = 'org-cbo-a';
const CBO_B = 'org-cbo-b';
const PLAN_H = 'org-plan-h';

const AT = new Date('2026-03-10T15:00:00.000Z');
const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';
const TOMORROW = '2026-03-11';
const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

const named = (id: string, organizationId: string, revokedAt: Date | null = null): RecipientFact => ({
  id,
  kind: 'organization',
  organizationId,
  revokedAt,
});
const designation = (
  id: string,
  kind: 'class' | 'general_designation' = 'general_designation',
): RecipientFact => ({ id, kind, organizationId: null, revokedAt: null });

/** An active, complete TPO consent naming CBO A, recorded a week before the request. */
const consent = (overrides: Partial<ConsentFact> = {}): ConsentFact => ({
  id: 'consent-tpo',
  type: 'tpo',
  status: 'active',
  complete: true,
  suspended: false,
  purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
  categories: ['demographics', 'treatment'],
  effectiveFrom: new Date('2026-03-03T10:00:00.000Z'),
  expiresOn: null,
  expiryEventAt: null,
  revokedAt: null,
  recipients: [named('rcp-a', CBO_A)],
  ...overrides,
});

const specific = (id: string, purposes: ConsentPurpose[], overrides: Partial<ConsentFact> = {}) =>
  consent({ id, type: 'specific', purposes, ...overrides });

const facts = (overrides: Partial<AccessFacts> = {}): AccessFacts => ({
  patientExists: true,
  holderOrganizationId: HOSPITAL,
  consents: [],
  restrictions: [],
  emergencies: [],
  treatingOrganizationIds: [],
  ...overrides,
});

/** CBO A's navigator asks for the treatment record, for treatment, now. */
const request = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({
  organizationId: CBO_A,
  membershipId: 'membership-a1',
  category: 'treatment',
  purpose: 'TREAT',
  at: AT,
  today: TODAY,
  ...overrides,
});

const decide = (req: Partial<AccessRequest>, f: Partial<AccessFacts>): AccessDecision =>
  decideAccess(request(req), facts(f));

const permittedOn = (consentId: string, recipientId: string, generalDesignation = false) => ({
  permit: true,
  basis: 'consent',
  consentId,
  recipientId,
  generalDesignation,
});

describe('P4: deny by default', () => {
  it('denies another organization when the patient has no consent', () => {
    expect(decide({}, { consents: [] })).toEqual({ permit: false, reason: 'no_consent' });
  });

  it('denies an organization that is not a recipient of the active consent (P11: X permitted, Y denied)', () => {
    const f = { consents: [consent()] };
    expect(decide({ organizationId: CBO_A }, f)).toEqual(permittedOn('consent-tpo', 'rcp-a'));
    expect(decide({ organizationId: CBO_B }, f).permit).toBe(false);
  });

  it('lets the holding organization use its own record without consent', () => {
    expect(decide({ organizationId: HOSPITAL, category: 'counseling_notes', purpose: 'HLEGAL' }, {})).toEqual(
      {
        permit: true,
        basis: 'holder',
      },
    );
  });

  it('denies, as for an unknown patient, when the patient does not exist or has no known holder (P21)', () => {
    expect(decide({ organizationId: HOSPITAL }, { patientExists: false })).toEqual({
      permit: false,
      reason: 'no_patient',
    });
    expect(decide({}, { patientExists: false, consents: [consent()] })).toEqual({
      permit: false,
      reason: 'no_patient',
    });
    expect(decide({}, { holderOrganizationId: null, consents: [consent()] })).toEqual({
      permit: false,
      reason: 'no_patient',
    });
  });
});

describe('P7: TPO and purpose-specific consents', () => {
  it('lets a TPO consent cover TREAT, HPAYMT and HOPERAT only', () => {
    const f = { consents: [consent()] };
    for (const purpose of ['TREAT', 'HPAYMT', 'HOPERAT'] as const) {
      expect(decide({ purpose }, f).permit, purpose).toBe(true);
    }
    for (const purpose of ['CAREMGT', 'PATRQT', 'HRESCH', 'HLEGAL'] as const) {
      expect(decide({ purpose }, f).permit, purpose).toBe(false);
    }
    expect(decide({ purpose: 'CAREMGT' }, f)).toEqual({ permit: false, reason: 'purpose_not_covered' });
  });

  it('never stretches a TPO consent to a non-TPO purpose, even when one is listed on it', () => {
    const f = { consents: [consent({ purposes: ['TREAT', 'CAREMGT'] })] };
    expect(decide({ purpose: 'CAREMGT' }, f).permit).toBe(false);
    expect(decide({ purpose: 'TREAT' }, f).permit).toBe(true);
  });

  it('permits the other purpose once a specific consent for that purpose and recipient is active', () => {
    const tpo = consent();
    expect(decide({ purpose: 'CAREMGT' }, { consents: [tpo] }).permit).toBe(false);
    const toB = specific('consent-caremgt-b', ['CAREMGT'], { recipients: [named('rcp-b', CBO_B)] });
    expect(decide({ purpose: 'CAREMGT' }, { consents: [tpo, toB] }).permit).toBe(false);
    const toA = specific('consent-caremgt-a', ['CAREMGT'], { recipients: [named('rcp-ca', CBO_A)] });
    expect(decide({ purpose: 'CAREMGT' }, { consents: [tpo, toB, toA] })).toEqual(
      permittedOn('consent-caremgt-a', 'rcp-ca'),
    );
  });

  it('does not cover a category the consent does not list', () => {
    const f = { consents: [consent({ categories: ['demographics'] })] };
    expect(decide({ category: 'demographics' }, f).permit).toBe(true);
    expect(decide({ category: 'treatment' }, f)).toEqual({ permit: false, reason: 'category_not_covered' });
  });
});

describe('P8: counseling notes need their own consent', () => {
  const notesConsent = consent({
    id: 'consent-notes',
    type: 'counseling_notes',
    purposes: ['TREAT'],
    categories: ['counseling_notes'],
    recipients: [named('rcp-notes-a', CBO_A)],
  });

  it('denies counseling notes with an active TPO consent only', () => {
    expect(decide({ category: 'counseling_notes' }, { consents: [consent()] }).permit).toBe(false);
  });

  it('denies counseling notes on a TPO or specific consent even if it lists them', () => {
    const tpo = consent({ categories: ['treatment', 'counseling_notes'] });
    const spec = specific('consent-spec', ['TREAT'], { categories: ['counseling_notes'] });
    expect(decide({ category: 'counseling_notes' }, { consents: [tpo, spec] }).permit).toBe(false);
    expect(decide({ category: 'treatment' }, { consents: [tpo] }).permit).toBe(true);
  });

  it('releases counseling notes under a counseling-notes consent, and only counseling notes', () => {
    expect(decide({ category: 'counseling_notes' }, { consents: [notesConsent] })).toEqual(
      permittedOn('consent-notes', 'rcp-notes-a'),
    );
    expect(decide({ category: 'treatment' }, { consents: [notesConsent] }).permit).toBe(false);
    expect(
      decide({ category: 'counseling_notes', purpose: 'HPAYMT' }, { consents: [notesConsent] }).permit,
    ).toBe(false);
  });
});

describe('P9: expired, deficient, revoked or known-false consents', () => {
  const only = (overrides: Partial<ConsentFact>) => decide({}, { consents: [consent(overrides)] });

  it('treats the expiry date as the last valid day', () => {
    expect(only({ expiresOn: YESTERDAY })).toEqual({ permit: false, reason: 'no_consent' });
    expect(only({ expiresOn: TODAY }).permit).toBe(true);
    expect(only({ expiresOn: TOMORROW }).permit).toBe(true);
  });

  it('compares the expiry date with the request’s calendar day, not the instant', () => {
    const lastMoment = { at: new Date('2026-03-10T23:59:59.999Z'), today: TODAY };
    const nextMoment = { at: new Date('2026-03-11T00:00:00.000Z'), today: TOMORROW };
    const f = { consents: [consent({ expiresOn: TODAY })] };
    expect(decide(lastMoment, f).permit).toBe(true);
    expect(decide(nextMoment, f).permit).toBe(false);
  });

  it('denies once the expiry event has occurred, from the moment it occurred', () => {
    expect(only({ expiryEventAt: minutes(-1) }).permit).toBe(false);
    expect(only({ expiryEventAt: AT }).permit).toBe(false);
    expect(only({ expiryEventAt: minutes(1) }).permit).toBe(true);
  });

  it('denies a consent marked suspected false', () => {
    expect(only({ suspended: true })).toEqual({ permit: false, reason: 'no_consent' });
  });

  it('denies a consent entered in error or failing the element check', () => {
    expect(only({ status: 'entered_in_error' }).permit).toBe(false);
    expect(only({ complete: false }).permit).toBe(false);
  });

  it('permits nothing before the consent was recorded', () => {
    expect(only({ effectiveFrom: minutes(1) }).permit).toBe(false);
    expect(only({ effectiveFrom: AT }).permit).toBe(true);
  });
});

describe('P10: revocation is prospective and per recipient', () => {
  const revokedAt = minutes(-30);
  const both = consent({ recipients: [named('rcp-a', CBO_A, revokedAt), named('rcp-b', CBO_B)] });

  it('denies CBO A after it is revoked for A alone, while CBO B keeps reading', () => {
    expect(decide({ organizationId: CBO_A }, { consents: [both] }).permit).toBe(false);
    expect(decide({ organizationId: CBO_B }, { consents: [both] })).toEqual(
      permittedOn('consent-tpo', 'rcp-b'),
    );
  });

  it('does not reach back: CBO A was permitted before the revocation, and is denied from its very moment', () => {
    expect(decide({ at: minutes(-31) }, { consents: [both] }).permit).toBe(true);
    expect(decide({ at: revokedAt }, { consents: [both] }).permit).toBe(false);
  });

  it('ends every recipient when the consent is revoked as a whole, from the revocation on', () => {
    const whole = consent({ revokedAt, recipients: [named('rcp-a', CBO_A), named('rcp-b', CBO_B)] });
    expect(decide({ organizationId: CBO_B }, { consents: [whole] }).permit).toBe(false);
    expect(decide({ organizationId: CBO_A, at: revokedAt }, { consents: [whole] }).permit).toBe(false);
    expect(decide({ organizationId: CBO_A, at: minutes(-31) }, { consents: [whole] }).permit).toBe(true);
  });
});

describe('P6: class and general designations', () => {
  const viaHandoff = consent({ id: 'consent-gd', recipients: [designation('rcp-gd')] });

  it('denies a participant without a recorded treating-provider relationship', () => {
    expect(
      decide({ organizationId: CBO_B }, { consents: [viaHandoff], treatingOrganizationIds: [CBO_A] }),
    ).toEqual({
      permit: false,
      reason: 'no_consent',
    });
  });

  it('permits it once the relationship is recorded, and says the basis was a general designation', () => {
    expect(
      decide({ organizationId: CBO_B }, { consents: [viaHandoff], treatingOrganizationIds: [CBO_B] }),
    ).toEqual(permittedOn('consent-gd', 'rcp-gd', true));
  });

  it('treats a class of recipients the same way', () => {
    const toClass = consent({ id: 'consent-class', recipients: [designation('rcp-class', 'class')] });
    expect(decide({}, { consents: [toClass] }).permit).toBe(false);
    expect(decide({}, { consents: [toClass], treatingOrganizationIds: [CBO_A] })).toEqual(
      permittedOn('consent-class', 'rcp-class', false),
    );
  });

  it('does not let an organization revoked by name back in through a class of the same consent (P10)', () => {
    const mixed = consent({
      recipients: [{ ...named('rcp-a', CBO_A), revokedAt: minutes(-1) }, designation('rcp-class', 'class')],
    });
    expect(decide({}, { consents: [mixed], treatingOrganizationIds: [CBO_A] }).permit).toBe(false);
    expect(
      decide({ organizationId: CBO_B }, { consents: [mixed], treatingOrganizationIds: [CBO_B] }).permit,
    ).toBe(true);
  });

  it('does not let a revoked designation permit anyone', () => {
    const revoked = consent({ recipients: [{ ...designation('rcp-gd'), revokedAt: minutes(-1) }] });
    expect(decide({}, { consents: [revoked], treatingOrganizationIds: [CBO_A] }).permit).toBe(false);
  });
});

describe('P11: which consent the decision relies on', () => {
  it('prefers the named recipient to a designation within one consent', () => {
    const both = consent({ recipients: [designation('rcp-gd'), named('rcp-a', CBO_A)] });
    expect(decide({}, { consents: [both], treatingOrganizationIds: [CBO_A] })).toEqual(
      permittedOn('consent-tpo', 'rcp-a'),
    );
  });

  it('relies on the most recently recorded of several matching consents', () => {
    const older = consent({ id: 'consent-old', effectiveFrom: new Date('2026-01-05T09:00:00.000Z') });
    const newer = consent({ id: 'consent-new', effectiveFrom: new Date('2026-03-05T09:00:00.000Z') });
    expect(decide({}, { consents: [older, newer] })).toMatchObject({ consentId: 'consent-new' });
    expect(decide({}, { consents: [newer, older] })).toMatchObject({ consentId: 'consent-new' });
  });

  it('prefers a consent naming the organization to a newer one that only designates it', () => {
    const namedOlder = consent({ id: 'consent-named', effectiveFrom: new Date('2026-01-05T09:00:00.000Z') });
    const designationNewer = consent({
      id: 'consent-gd',
      effectiveFrom: new Date('2026-03-05T09:00:00.000Z'),
      recipients: [designation('rcp-gd')],
    });
    expect(
      decide({}, { consents: [designationNewer, namedOlder], treatingOrganizationIds: [CBO_A] }),
    ).toEqual(permittedOn('consent-named', 'rcp-a'));
  });

  it('relies on the most recently recorded of several consents that only designate the organization', () => {
    const designated = (id: string, effectiveFrom: string) =>
      consent({ id, effectiveFrom: new Date(effectiveFrom), recipients: [designation(`${id}-gd`)] });
    const older = designated('consent-old', '2026-01-05T09:00:00.000Z');
    const newer = designated('consent-new', '2026-03-05T09:00:00.000Z');
    const f = { consents: [older, newer], treatingOrganizationIds: [CBO_A] };
    expect(decide({}, f)).toEqual(permittedOn('consent-new', 'consent-new-gd', true));
  });

  it('skips an expired newer consent in favour of a valid older one', () => {
    const older = consent({ id: 'consent-old', effectiveFrom: new Date('2026-01-05T09:00:00.000Z') });
    const expired = consent({ id: 'consent-new', expiresOn: YESTERDAY });
    expect(decide({}, { consents: [expired, older] })).toMatchObject({
      permit: true,
      consentId: 'consent-old',
    });
  });
});

describe('P17: agreed restrictions', () => {
  const tpoToAll = consent({ recipients: [named('rcp-a', CBO_A), named('rcp-h', PLAN_H)] });
  const noPaymentToH = (overrides: Partial<RestrictionFact> = {}): RestrictionFact => ({
    id: 'restriction-h',
    agreed: true,
    organizationId: PLAN_H,
    purposes: ['HPAYMT'],
    terminatedAt: null,
    ...overrides,
  });

  it('denies HPAYMT to health plan H while TREAT disclosures to providers continue', () => {
    const f = { consents: [tpoToAll], restrictions: [noPaymentToH()] };
    expect(decide({ organizationId: PLAN_H, purpose: 'HPAYMT' }, f)).toEqual({
      permit: false,
      reason: 'restricted',
    });
    expect(decide({ organizationId: PLAN_H, purpose: 'TREAT' }, f).permit).toBe(true);
    expect(decide({ organizationId: CBO_A, purpose: 'TREAT' }, f).permit).toBe(true);
    expect(decide({ organizationId: CBO_A, purpose: 'HPAYMT' }, f).permit).toBe(true);
  });

  it('does not deny on a declined restriction', () => {
    const f = { consents: [tpoToAll], restrictions: [noPaymentToH({ agreed: false })] };
    expect(decide({ organizationId: PLAN_H, purpose: 'HPAYMT' }, f).permit).toBe(true);
  });

  it('stops denying from the moment the restriction is terminated', () => {
    const terminated = (terminatedAt: Date) => ({
      consents: [tpoToAll],
      restrictions: [noPaymentToH({ terminatedAt })],
    });
    expect(decide({ organizationId: PLAN_H, purpose: 'HPAYMT' }, terminated(minutes(-1))).permit).toBe(true);
    expect(decide({ organizationId: PLAN_H, purpose: 'HPAYMT' }, terminated(AT)).permit).toBe(true);
    expect(decide({ organizationId: PLAN_H, purpose: 'HPAYMT' }, terminated(minutes(1))).permit).toBe(false);
  });

  it('wins over a consent, and a restriction naming no recipient restricts every recipient', () => {
    const everyone = noPaymentToH({ id: 'restriction-all', organizationId: null, purposes: ['CAREMGT'] });
    const caremgt = specific('consent-caremgt', ['CAREMGT'], {
      effectiveFrom: new Date('2026-03-09T10:00:00.000Z'),
    });
    const f = { consents: [caremgt], restrictions: [everyone] };
    expect(decide({ purpose: 'CAREMGT' }, f)).toEqual({ permit: false, reason: 'restricted' });
    expect(decide({ purpose: 'CAREMGT' }, { consents: [caremgt] }).permit).toBe(true);
  });
});

describe('P19: emergency access (break glass)', () => {
  const grant = (overrides: Partial<EmergencyFact> = {}): EmergencyFact => ({
    id: 'emergency-1',
    membershipId: 'membership-a1',
    grantedAt: minutes(-10),
    expiresAt: minutes(50),
    ...overrides,
  });
  const etreat = (overrides: Partial<AccessRequest> = {}) => ({ purpose: 'ETREAT' as const, ...overrides });

  it('grants ETREAT with a live emergency access of this membership', () => {
    expect(decide(etreat(), { emergencies: [grant()] })).toEqual({
      permit: true,
      basis: 'emergency',
      emergencyAccessId: 'emergency-1',
    });
    expect(decide(etreat({ category: 'demographics' }), { emergencies: [grant()] }).permit).toBe(true);
  });

  it('does not grant ETREAT without one, even with a TPO consent for treatment', () => {
    expect(decide(etreat(), { consents: [consent()] }).permit).toBe(false);
  });

  it('does not grant ETREAT on another membership’s emergency access, even in the same organization', () => {
    expect(decide(etreat({ membershipId: 'membership-a2' }), { emergencies: [grant()] }).permit).toBe(false);
  });

  it('never releases counseling notes in an emergency', () => {
    expect(decide(etreat({ category: 'counseling_notes' }), { emergencies: [grant()] })).toEqual({
      permit: false,
      reason: 'emergency_not_for_category',
    });
  });

  it('is limited in time: not before the grant, not at or after its expiry', () => {
    expect(decide(etreat({ at: minutes(-11) }), { emergencies: [grant()] }).permit).toBe(false);
    expect(decide(etreat({ at: minutes(-10) }), { emergencies: [grant()] }).permit).toBe(true);
    expect(decide(etreat({ at: minutes(49) }), { emergencies: [grant()] }).permit).toBe(true);
    expect(decide(etreat({ at: minutes(50) }), { emergencies: [grant()] }).permit).toBe(false);
    expect(decide(etreat({ at: minutes(120) }), { emergencies: [grant()] }).permit).toBe(false);
  });

  it('is not blocked by an agreed restriction', () => {
    const restriction: RestrictionFact = {
      id: 'restriction-all',
      agreed: true,
      organizationId: null,
      purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
      terminatedAt: null,
    };
    expect(decide(etreat(), { emergencies: [grant()], restrictions: [restriction] }).permit).toBe(true);
    expect(decide({}, { consents: [consent()], restrictions: [restriction] }).permit).toBe(false);
  });
});

describe('P14: use in proceedings (HLEGAL)', () => {
  it('permits HLEGAL only through a specific consent naming HLEGAL alone', () => {
    const legal = specific('consent-legal', ['HLEGAL'], { recipients: [named('rcp-legal', CBO_A)] });
    expect(decide({ purpose: 'HLEGAL' }, { consents: [legal] })).toEqual(
      permittedOn('consent-legal', 'rcp-legal'),
    );
  });

  it('denies HLEGAL on a specific consent that also names another purpose', () => {
    const combined = specific('consent-combined', ['HLEGAL', 'TREAT']);
    expect(decide({ purpose: 'HLEGAL' }, { consents: [combined] }).permit).toBe(false);
  });

  it('denies HLEGAL on a TPO or counseling-notes consent naming HLEGAL', () => {
    const tpo = consent({ purposes: ['HLEGAL'] });
    const notes = consent({
      id: 'consent-notes',
      type: 'counseling_notes',
      purposes: ['HLEGAL'],
      categories: ['counseling_notes'],
    });
    expect(decide({ purpose: 'HLEGAL' }, { consents: [tpo, notes] }).permit).toBe(false);
    expect(decide({ purpose: 'HLEGAL', category: 'counseling_notes' }, { consents: [notes] }).permit).toBe(
      false,
    );
  });

  it('is not covered by a broad TPO consent', () => {
    expect(decide({ purpose: 'HLEGAL' }, { consents: [consent()] }).permit).toBe(false);
  });
});
