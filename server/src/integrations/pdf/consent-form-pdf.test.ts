/** Consent PDFs: every §2.31(a) element of a recorded consent, the type's statements, Spanish, blank forms. */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parsePart2Texts } from '../../domain/consent/part2-texts.ts';
import type { ConsentView } from '../../domain/consent/views.ts';
import { renderConsentFormPdf } from './consent-form-pdf.ts';
import { pdfText, squash } from './pdf-text.test-support.ts';

const texts = parsePart2Texts(
  JSON.parse(readFileSync(new URL('../../../config/part2-texts.json', import.meta.url), 'utf8')),
);
const en = texts.consentForm.en;
const es = texts.consentForm.es;
const generatedAt = new Date('2026-11-30T15:00:00Z');

const tpoConsent: ConsentView = {
  id: '3f0c2a9e-1b7d-4c55-9a0e-6f2d8b1c4e77',
  patientId: 'b7e1d1a4-0000-4000-8000-000000000001',
  type: 'tpo',
  state: 'active',
  disclosingOrganizationId: 'org-hospital',
  disclosingOrganizationName: 'Riverside Hospital Addiction Consult Service',
  information: 'Demographics and the SUD treatment record, including medications for opioid use disorder.',
  categories: ['demographics', 'treatment'],
  recipients: [
    {
      id: 'r1',
      kind: 'organization',
      organizationId: 'org-a',
      organizationName: 'Harbor Recovery Center',
      description: null,
      revokedAt: null,
    },
    {
      id: 'r2',
      kind: 'organization',
      organizationId: 'org-b',
      organizationName: 'Eastside Peer Support',
      description: null,
      revokedAt: '2026-11-20T15:30:00.000Z',
    },
    {
      id: 'r3',
      kind: 'class',
      organizationId: null,
      organizationName: null,
      description:
        'My treating providers, health plans, third-party payers, and people helping to operate this program',
      revokedAt: null,
    },
  ],
  purposes: ['TREAT', 'HPAYMT', 'HOPERAT'],
  purposeDescription: 'For treatment, payment, and health care operations',
  revocationHow:
    'Write to the Privacy Officer, Riverside Hospital, 1 River Road, Springfield, or use the patient portal.',
  expiresOn: '2027-11-30',
  expiryEvent: null,
  expiryEventOn: null,
  signature: {
    method: 'drawn',
    signerName: 'Jordan Alvarez',
    capacity: 'patient',
    authority: null,
    hasImage: true,
  },
  signedOn: '2026-11-30',
  redisclosureStatement: true,
  refusalConsequences: 'Refusing to sign does not affect treatment at Riverside Hospital.',
  hipaaRedisclosureStatement: true,
  programFundraises: false,
  fundraisingOptOutStatement: false,
  intermediary: false,
  language: 'en',
  noticeVersion: '2026-11-30.1',
  recordedAt: '2026-11-30T14:05:00.000Z',
  recordedByName: 'Sam Lee',
  revokedAt: null,
  suspendedAt: null,
};

const render = (consent: ConsentView | null, language: 'en' | 'es' = 'en', patientName = 'Jordan Alvarez') =>
  renderConsentFormPdf({
    consent,
    patientName,
    patientBirthDate: '1988-04-12',
    language,
    texts,
    generatedAt,
  });

describe('renderConsentFormPdf', () => {
  it('prints every element of an English TPO consent and the TPO statements', async () => {
    const bytes = await render(tpoConsent);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
    const text = await pdfText(bytes, { minY: 50 });
    for (const part of [
      en.title,
      `${en.labels.consentType} ${en.codes.consentTypes.tpo}`,
      `${en.labels.name} Jordan Alvarez`,
      `${en.labels.birthDate} 1988-04-12`,
      'Riverside Hospital Addiction Consult Service',
      tpoConsent.information,
      `${en.codes.categories.demographics}; ${en.codes.categories.treatment}`,
      'Harbor Recovery Center',
      'Eastside Peer Support',
      `${en.labels.revokedOn} 2026-11-20 15:30 UTC`,
      en.codes.recipientKinds.class,
      'Treatment; Payment; Health care operations',
      en.statements.hipaaRedisclosure,
      en.statements.revoke,
      tpoConsent.revocationHow,
      `${en.labels.expiresOn} 2027-11-30`,
      `${en.labels.signerName} Jordan Alvarez`,
      `${en.labels.capacity} ${en.codes.capacities.patient}`,
      en.codes.signatureMethods.drawn,
      `${en.labels.signedOn} 2026-11-30`,
      en.statements.tpoRedisclosure,
      en.statements.tpoConsequences,
      tpoConsent.refusalConsequences ?? '',
      texts.statement1,
      `${en.labels.consentId} ${tpoConsent.id}`,
      `${en.labels.state} Active`,
      `${en.labels.noticeVersion} 2026-11-30.1`,
      `${en.labels.recordedBy} Sam Lee`,
    ]) {
      expect(text).toContain(squash(part));
    }
    expect(text).toContain('revoke this consent in writing');
    expect(text).not.toContain(squash(en.statements.counselingNotesCombination));
    expect(text).not.toContain(squash(en.statements.fundraising));
    expect(text).not.toContain(squash(en.statements.intermediary));

    const withFooter = await pdfText(bytes);
    expect(withFooter).toContain(`${texts.statement2} Page 1 of`);
  });

  it('prints the Spanish form with accented headings and Statement 1 in English plus a courtesy translation', async () => {
    const bytes = await render({ ...tpoConsent, language: 'es' }, 'es', 'María José Peña');
    const text = await pdfText(bytes, { minY: 50 });
    for (const part of [
      es.title,
      'María José Peña',
      '3. Información que se usará o divulgará',
      '5. Finalidad de cada uso o divulgación',
      '10. Declaraciones para un consentimiento para tratamiento, pago y operaciones de atención médica',
      'Tratamiento; Pago; Operaciones de atención médica',
      es.statements.revoke,
      es.statements.tpoRedisclosure,
      `${texts.statement1} Traducción de cortesía: ${es.courtesyTranslation.statement1}`,
      `${es.labels.state} Activo`,
    ]) {
      expect(text).toContain(squash(part));
    }
    const withFooter = await pdfText(bytes);
    expect(withFooter).toContain(
      squash(`${texts.statement2} Traducción de cortesía: ${es.courtesyTranslation.statement2}`),
    );
    expect(withFooter).toContain('Página 1 de');
  });

  it('prints the counseling-notes statements for a counseling-notes consent, and no TPO statements', async () => {
    const text = await pdfText(
      await render({
        ...tpoConsent,
        type: 'counseling_notes',
        categories: ['counseling_notes'],
        purposes: ['TREAT'],
        purposeDescription: 'Coordinating counseling with my new provider',
        hipaaRedisclosureStatement: false,
        refusalConsequences: null,
      }),
      { minY: 50 },
    );
    expect(text).toContain(squash(en.statements.counselingNotesCombination));
    expect(text).toContain(squash(en.statements.counselingNotesNoConditioning));
    expect(text).toContain(en.codes.categories.counseling_notes);
    expect(text).not.toContain(squash(en.statements.tpoRedisclosure));
    expect(text).not.toContain(squash(en.statements.hipaaRedisclosure));
  });

  it('prints the intermediary wording, the fundraising statement, an expiry event and an authorized signer', async () => {
    const text = await pdfText(
      await render({
        ...tpoConsent,
        type: 'specific',
        purposes: ['CAREMGT', 'PATRQT'],
        purposeDescription: 'Care coordination after discharge',
        intermediary: true,
        programFundraises: true,
        fundraisingOptOutStatement: true,
        recipients: [
          {
            id: 'r9',
            kind: 'general_designation',
            organizationId: null,
            organizationName: 'Handoff',
            description: 'Participants with a treating provider relationship with me',
            revokedAt: null,
          },
        ],
        expiresOn: null,
        expiryEvent: 'End of the treatment',
        expiryEventOn: null,
        signature: {
          method: 'paper_scan',
          signerName: 'Ana Alvarez',
          capacity: 'minor_authorized_person',
          authority: 'Parent',
          hasImage: false,
        },
        state: 'revoked',
        revokedAt: '2026-12-01T09:00:00.000Z',
      }),
      { minY: 50 },
    );
    for (const part of [
      en.statements.intermediary,
      en.statements.intermediaryList,
      en.statements.fundraising,
      'Care management; At the request of the patient',
      'Care coordination after discharge',
      `${en.labels.expiryEvent} End of the treatment`,
      'Participants with a treating provider relationship with me',
      en.codes.recipientKinds.general_designation,
      `${en.labels.capacity} ${en.codes.capacities.minor_authorized_person}`,
      `${en.labels.authority} Parent`,
      en.codes.signatureMethods.paper_scan,
      `${en.labels.state} Revoked`,
      `${en.labels.revokedAt} 2026-12-01 09:00 UTC`,
    ]) {
      expect(text).toContain(squash(part));
    }
  });

  it('prints a blank fillable form pre-filled with the patient and the discloser', async () => {
    const bytes = await renderConsentFormPdf({
      consent: null,
      blank: {
        type: 'tpo',
        patientName: 'Jordan Alvarez',
        disclosingOrganizationName: 'Riverside Hospital Addiction Consult Service',
      },
      patientName: 'Jordan Alvarez',
      patientBirthDate: '1988-04-12',
      language: 'en',
      texts,
      generatedAt,
    });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
    const text = await pdfText(bytes, { minY: 50 });
    for (const part of [
      `${en.labels.name} Jordan Alvarez`,
      `${en.labels.organization} Riverside Hospital Addiction Consult Service`,
      en.statements.tpoRecipients,
      en.statements.tpoPurpose,
      en.statements.revoke,
      en.blank.revokeHow,
      en.blank.signatureLine,
      en.blank.dateLine,
      en.codes.capacities.incapacity_authorized_person,
      en.statements.tpoRedisclosure,
      en.blank.refusalConsequences,
      `${en.labels.noticeVersion} ${texts.version}`,
    ]) {
      expect(text).toContain(squash(part));
    }
  });

  it('prints a blank Spanish counseling-notes form', async () => {
    const bytes = await renderConsentFormPdf({
      consent: null,
      blank: {
        type: 'counseling_notes',
        patientName: 'María José Peña',
        disclosingOrganizationName: 'Clínica Río',
      },
      patientName: 'María José Peña',
      patientBirthDate: '',
      language: 'es',
      texts,
      generatedAt,
    });
    const text = await pdfText(bytes, { minY: 50 });
    expect(text).toContain('María José Peña');
    expect(text).toContain('Clínica Río');
    expect(text).toContain(squash(es.statements.counselingNotesNoConditioning));
    expect(text).toContain(es.blank.signatureLine);
    expect(text).not.toContain(squash(es.statements.tpoRedisclosure));
  });

  it('draws characters outside WinAnsi as ? instead of throwing', async () => {
    const text = await pdfText(
      await render({
        ...tpoConsent,
        information: 'Records → all of them 😀',
        signature: { ...tpoConsent.signature, signerName: 'Jordan 李 Alvarez' },
      }),
    );
    expect(text).toContain('Records ? all of them ?');
    expect(text).toContain('Jordan ? Alvarez');
  });

  it('refuses to render without a consent or a blank form type', async () => {
    await expect(render(null)).rejects.toThrow(/needs a consent or a blank form/);
  });
});
