/**
 * Tests of the §2.31(a) element check (P5) and the consent type rules (P7, P8, P14): a complete consent has
 * no problems, and every missing or wrong element is named by its code, all of them at once.
 */
import { describe, expect, it } from 'vitest';
import type { Part2LegalStatus } from '../identity/vocabulary.ts';
import { consentProblems } from './validate-consent.ts';
import type { ConsentDraft, ElementProblem } from './validate-consent.ts';
import { CONSENT_ELEMENTS } from './vocabulary.ts';
import type { ConsentElement } from './vocabulary.ts';

const TODAY = '2026-03-10';

/** A complete single TPO consent, as captured on the CoE-PHI template. */
const tpoDraft = (overrides: Partial<ConsentDraft> = {}): ConsentDraft => ({
  type: 'tpo',
  patientName: 'Jordan Rivera',
  disclosingOrganizationName: 'St. Luke’s Hospital bridge clinic',
  information: 'My substance use disorder treatment records, including medications and referrals',
  categories: ['demographics', 'treatment'],
  recipients: [
    { kind: 'organization', organizationId: 'org-cbo-a', legalStatus: 'lawful_holder' },
    { kind: 'class', description: 'My treating providers, health plans and third-party payers' },
  ],
  purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
  purposeDescription: 'For treatment, payment, and health care operations',
  revocationAcknowledged: true,
  revocationHow: 'By writing to the bridge clinic privacy officer',
  expiresOn: null,
  expiryEvent: 'End of my treatment',
  signature: { method: 'typed', signerName: 'Jordan Rivera', capacity: 'patient', hasImage: false },
  signedOn: TODAY,
  redisclosureStatement: true,
  refusalConsequences: 'Refusing will not affect my treatment; my records will not be shared for TPO',
  hipaaRedisclosureStatement: true,
  programFundraises: false,
  fundraisingOptOutStatement: false,
  intermediary: false,
  language: 'en',
  ...overrides,
});

/** A complete specific consent for care management, naming CBO A. */
const specificDraft = (overrides: Partial<ConsentDraft> = {}): ConsentDraft =>
  tpoDraft({
    type: 'specific',
    recipients: [{ kind: 'organization', organizationId: 'org-cbo-a', legalStatus: 'lawful_holder' }],
    purposes: ['CAREMGT'],
    purposeDescription: 'To coordinate my recovery support after discharge',
    expiresOn: '2027-03-10',
    expiryEvent: null,
    redisclosureStatement: false,
    refusalConsequences: null,
    hipaaRedisclosureStatement: false,
    ...overrides,
  });

const elements = (problems: ElementProblem[]) => problems.map((p) => p.element);
const problemsOf = (draft: ConsentDraft) => elements(consentProblems(draft, TODAY));

describe('consentProblems', () => {
  it('finds nothing wrong with a complete TPO consent or a complete specific consent', () => {
    expect(consentProblems(tpoDraft(), TODAY)).toEqual([]);
    expect(consentProblems(specificDraft(), TODAY)).toEqual([]);
  });

  it('gives every problem a message', () => {
    const problems = consentProblems(tpoDraft({ patientName: '', signature: null, signedOn: null }), TODAY);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.message.trim()).not.toBe('');
  });

  describe('names each missing element', () => {
    const cases: [ConsentElement, Partial<ConsentDraft>][] = [
      ['patient_name', { patientName: '  ' }],
      ['discloser', { disclosingOrganizationName: '' }],
      ['information', { information: '' }],
      ['recipients', { recipients: [] }],
      ['purpose', { purposeDescription: ' ' }],
      ['revocation', { revocationAcknowledged: false }],
      ['expiration', { expiresOn: null, expiryEvent: null }],
      ['signature', { signature: null }],
      ['signed_on', { signedOn: null }],
      ['tpo_redisclosure_statement', { redisclosureStatement: false }],
      ['tpo_refusal_consequences', { refusalConsequences: '' }],
      ['hipaa_redisclosure_statement', { hipaaRedisclosureStatement: false }],
      ['fundraising_statement', { programFundraises: true, fundraisingOptOutStatement: false }],
      ['type_rules', { purposes: ['TREAT', 'CAREMGT'] }],
    ];

    it('covers every element code', () => {
      expect(cases.map(([element]) => element).sort()).toEqual([...CONSENT_ELEMENTS].sort());
    });

    it.each(cases)('%s', (element, broken) => {
      expect(problemsOf(tpoDraft(broken))).toEqual([element]);
    });
  });

  describe('element details', () => {
    it('needs at least one kind of information as well as the description', () => {
      expect(problemsOf(tpoDraft({ categories: [] }))).toEqual(['information']);
    });

    it('needs at least one purpose as well as the description', () => {
      expect(problemsOf(specificDraft({ purposes: [] }))).toEqual(['purpose']);
    });

    it('needs the way to revoke, not only the acknowledgement', () => {
      expect(problemsOf(tpoDraft({ revocationHow: '' }))).toEqual(['revocation']);
    });

    it('refuses a named recipient without an organization and a class without words', () => {
      expect(
        problemsOf(specificDraft({ recipients: [{ kind: 'organization', organizationId: null }] })),
      ).toEqual(['recipients']);
      expect(problemsOf(tpoDraft({ recipients: [{ kind: 'class', description: '' }] }))).toEqual([
        'recipients',
      ]);
    });

    it('allows a general designation only with Handoff as intermediary (P6)', () => {
      const recipients = [
        { kind: 'general_designation' as const, description: 'Handoff participants treating me' },
      ];
      expect(problemsOf(tpoDraft({ recipients, intermediary: false }))).toEqual(['recipients']);
      expect(problemsOf(tpoDraft({ recipients, intermediary: true }))).toEqual([]);
    });

    it('rejects an expiration date already past, and accepts today', () => {
      expect(problemsOf(specificDraft({ expiresOn: '2026-03-09' }))).toEqual(['expiration']);
      expect(problemsOf(specificDraft({ expiresOn: TODAY }))).toEqual([]);
    });

    it('rejects a signature date in the future', () => {
      expect(problemsOf(tpoDraft({ signedOn: '2026-03-11' }))).toEqual(['signed_on']);
      expect(problemsOf(tpoDraft({ signedOn: '2026-03-01' }))).toEqual([]);
    });

    it('needs the signer’s name, their authority when not the patient, and the image of a drawn signature', () => {
      const typed = { method: 'typed' as const, signerName: 'Jordan Rivera', capacity: 'patient' as const };
      expect(problemsOf(tpoDraft({ signature: { ...typed, signerName: ' ', hasImage: false } }))).toEqual([
        'signature',
      ]);
      expect(
        problemsOf(
          tpoDraft({
            signature: { ...typed, capacity: 'minor_authorized_person', authority: null, hasImage: false },
          }),
        ),
      ).toEqual(['signature']);
      expect(
        problemsOf(
          tpoDraft({
            signature: {
              ...typed,
              capacity: 'minor_authorized_person',
              authority: 'Parent',
              hasImage: false,
            },
          }),
        ),
      ).toEqual([]);
      expect(problemsOf(tpoDraft({ signature: { ...typed, method: 'drawn', hasImage: false } }))).toEqual([
        'signature',
      ]);
      expect(problemsOf(tpoDraft({ signature: { ...typed, method: 'paper_scan', hasImage: true } }))).toEqual(
        [],
      );
    });

    it('needs the HIPAA redisclosure statement only when a TPO purpose may reach a covered entity or BA', () => {
      const toOrg = (legalStatus?: Part2LegalStatus) => ({
        recipients: [{ kind: 'organization' as const, organizationId: 'org-x', legalStatus }],
        hipaaRedisclosureStatement: false,
      });
      expect(problemsOf(tpoDraft(toOrg('covered_entity')))).toEqual(['hipaa_redisclosure_statement']);
      expect(problemsOf(tpoDraft(toOrg('business_associate')))).toEqual(['hipaa_redisclosure_statement']);
      expect(problemsOf(tpoDraft(toOrg('lawful_holder')))).toEqual([]);
      expect(problemsOf(tpoDraft(toOrg('part2_program')))).toEqual([]);
      expect(problemsOf(tpoDraft(toOrg()))).toEqual([]); // a missing status counts as lawful holder
      expect(problemsOf(specificDraft(toOrg('covered_entity')))).toEqual([]); // CAREMGT is not a TPO purpose
    });

    it('does not ask for the TPO statements on a specific consent', () => {
      expect(problemsOf(specificDraft({ redisclosureStatement: false, refusalConsequences: null }))).toEqual(
        [],
      );
    });
  });

  describe('expiration (P5)', () => {
    it('rejects a TPO consent without an expiration value and accepts the same consent with "none"', () => {
      expect(problemsOf(tpoDraft({ expiresOn: null, expiryEvent: null }))).toEqual(['expiration']);
      expect(problemsOf(tpoDraft({ expiresOn: null, expiryEvent: '' }))).toEqual(['expiration']);
      expect(problemsOf(tpoDraft({ expiresOn: null, expiryEvent: 'none' }))).toEqual([]);
      expect(problemsOf(tpoDraft({ expiresOn: null, expiryEvent: ' None ' }))).toEqual([]);
    });

    it('refuses "none" for a specific consent', () => {
      expect(problemsOf(specificDraft({ expiresOn: null, expiryEvent: 'none' }))).toEqual(['expiration']);
      expect(problemsOf(specificDraft({ expiresOn: null, expiryEvent: 'End of my treatment' }))).toEqual([]);
    });

    it('refuses "none" for a counseling-notes consent', () => {
      const notes = specificDraft({
        type: 'counseling_notes',
        categories: ['counseling_notes'],
        purposes: ['TREAT'],
      });
      expect(problemsOf(notes)).toEqual([]);
      expect(problemsOf({ ...notes, expiresOn: null, expiryEvent: 'none' })).toEqual(['expiration']);
    });
  });

  describe('type rules (P7, P8, P14)', () => {
    it('rejects a TPO consent that also covers counseling notes', () => {
      expect(problemsOf(tpoDraft({ categories: ['treatment', 'counseling_notes'] }))).toEqual(['type_rules']);
    });

    it('rejects a counseling-notes consent that covers anything else, and a specific one with notes', () => {
      const notes = specificDraft({
        type: 'counseling_notes',
        categories: ['counseling_notes'],
        purposes: ['TREAT'],
      });
      expect(problemsOf({ ...notes, categories: ['counseling_notes', 'treatment'] })).toEqual(['type_rules']);
      expect(problemsOf(specificDraft({ categories: ['counseling_notes'] }))).toEqual(['type_rules']);
    });

    it('rejects a TPO consent naming a purpose other than treatment, payment or operations', () => {
      expect(problemsOf(tpoDraft({ purposes: ['TREAT', 'HRESCH'] }))).toEqual(['type_rules']);
    });

    it('accepts HLEGAL alone on a specific consent and rejects it with another purpose or on another type', () => {
      expect(problemsOf(specificDraft({ purposes: ['HLEGAL'] }))).toEqual([]);
      expect(problemsOf(specificDraft({ purposes: ['HLEGAL', 'CAREMGT'] }))).toEqual(['type_rules']);
      const notes = specificDraft({
        type: 'counseling_notes',
        categories: ['counseling_notes'],
        purposes: ['HLEGAL'],
      });
      expect(problemsOf(notes)).toEqual(['type_rules']);
    });
  });

  it('lists every problem of a consent with several missing elements at once', () => {
    const draft = tpoDraft({
      patientName: '',
      recipients: [],
      expiresOn: null,
      expiryEvent: null,
      signature: null,
      signedOn: null,
      redisclosureStatement: false,
      refusalConsequences: null,
      categories: ['treatment', 'counseling_notes'],
    });
    expect(problemsOf(draft).sort()).toEqual(
      [
        'patient_name',
        'recipients',
        'expiration',
        'signature',
        'signed_on',
        'tpo_redisclosure_statement',
        'tpo_refusal_consequences',
        'type_rules',
      ].sort(),
    );
  });
});
