/**
 * A 42 CFR Part 2 consent as a PDF, in English or Spanish: either a copy of a recorded consent that
 * prints every §2.31(a) element (and the statements its type and recipients call for), or a blank paper
 * form with lines to fill in, pre-filled with the patient and the discloser. Every page carries the
 * §2.32 Statement 2 in its footer, and the form ends with Statement 1 (both in the official English, the
 * Spanish form adds a courtesy translation). All wording, including the words for codes, comes from the
 * reviewed notice texts (`server/config/part2-texts.json`).
 */
import type { ConsentFormTexts, Part2Texts } from '../../domain/consent/part2-texts.ts';
import type { ConsentRecipientView, ConsentView } from '../../domain/consent/views.ts';
import type { ConsentLanguage, ConsentType, DataCategory } from '../../domain/consent/vocabulary.ts';
import { SIGNER_CAPACITIES } from '../../domain/consent/vocabulary.ts';
import { createPdfWriter, fillTemplate, utcStamp } from './pdf-layout.ts';
import type { PdfWriter } from './pdf-layout.ts';

export interface ConsentFormPdfInput {
  /** The recorded consent to print; null for a blank form. */
  consent: ConsentView | null;
  /** For a blank paper form (with `consent: null`): its type and what is pre-filled. */
  blank?: { type: ConsentType; patientName: string; disclosingOrganizationName: string };
  patientName: string;
  patientBirthDate: string;
  language: ConsentLanguage;
  texts: Part2Texts;
  generatedAt: Date;
}

/** The data categories a blank form offers for each consent type (counseling notes stand alone, P8). */
const BLANK_CATEGORIES: Record<ConsentType, readonly DataCategory[]> = {
  tpo: ['demographics', 'treatment'],
  specific: ['demographics', 'treatment'],
  counseling_notes: ['counseling_notes'],
};

/** The name a recipient is known by on the form. */
const recipientName = (recipient: ConsentRecipientView, form: ConsentFormTexts): string =>
  recipient.organizationName ?? recipient.description ?? form.codes.recipientKinds[recipient.kind];

function writeRecordedConsent(
  w: PdfWriter,
  form: ConsentFormTexts,
  input: ConsentFormPdfInput,
  c: ConsentView,
) {
  const { headings, labels, statements, codes } = form;
  w.field(labels.consentType, codes.consentTypes[c.type]);

  w.heading(headings.patient);
  w.field(labels.name, input.patientName);
  w.field(labels.birthDate, input.patientBirthDate);

  w.heading(headings.discloser);
  w.field(labels.organization, c.disclosingOrganizationName);

  w.heading(headings.information);
  w.paragraph(c.information);
  w.field(labels.categories, c.categories.map((category) => codes.categories[category]).join('; '));

  w.heading(headings.recipients);
  for (const recipient of c.recipients) {
    w.paragraph(recipientName(recipient, form), { bold: true });
    w.field(labels.recipientKind, codes.recipientKinds[recipient.kind]);
    if (recipient.organizationName !== null && recipient.description !== null)
      w.field(labels.description, recipient.description);
    if (recipient.revokedAt !== null) w.field(labels.revokedOn, utcStamp(recipient.revokedAt));
  }
  if (c.intermediary) {
    w.paragraph(statements.intermediary);
    w.paragraph(statements.intermediaryList);
  }
  if (c.hipaaRedisclosureStatement) w.paragraph(statements.hipaaRedisclosure);

  w.heading(headings.purpose);
  w.field(labels.purposes, c.purposes.map((purpose) => codes.purposes[purpose]).join('; '));
  if (c.purposeDescription.trim() !== '') w.paragraph(c.purposeDescription);
  if (c.programFundraises) w.paragraph(statements.fundraising);

  w.heading(headings.revocation);
  w.paragraph(statements.revoke);
  w.field(labels.howToRevoke, c.revocationHow);

  w.heading(headings.expiration);
  if (c.expiresOn !== null) w.field(labels.expiresOn, c.expiresOn);
  if (c.expiryEvent !== null) w.field(labels.expiryEvent, c.expiryEvent);
  if (c.expiryEventOn !== null) w.field(labels.expiryEventOn, c.expiryEventOn);
  if (c.expiresOn === null && c.expiryEvent === null) w.field(labels.expiresOn, labels.none);

  w.heading(headings.signature);
  w.paragraph(statements.signatureCapacity, { size: 9 });
  w.field(labels.signerName, c.signature.signerName);
  w.field(labels.capacity, codes.capacities[c.signature.capacity]);
  if (c.signature.authority !== null) w.field(labels.authority, c.signature.authority);
  w.field(labels.signatureMethod, codes.signatureMethods[c.signature.method]);

  w.heading(headings.date);
  w.field(labels.signedOn, c.signedOn);

  if (c.type === 'tpo') {
    w.heading(headings.tpoStatements);
    w.paragraph(`(i) ${statements.tpoRedisclosure}`);
    w.paragraph(`(ii) ${statements.tpoConsequences}:`, { bold: true });
    w.paragraph(c.refusalConsequences ?? labels.none, { indent: 14 });
  }
  if (c.type === 'counseling_notes') writeCounselingNotes(w, form);
}

function writeBlankForm(w: PdfWriter, form: ConsentFormTexts, input: ConsentFormPdfInput, type: ConsentType) {
  const { headings, labels, statements, codes, blank } = form;
  const prefilled = input.blank;
  w.paragraph(blank.instructions, { bold: true, size: 9 });
  w.field(labels.consentType, codes.consentTypes[type]);

  w.heading(headings.patient);
  w.field(labels.name, prefilled?.patientName ?? input.patientName);
  if (input.patientBirthDate.trim() === '') w.fillIn(labels.birthDate);
  else w.field(labels.birthDate, input.patientBirthDate);

  w.heading(headings.discloser);
  w.field(labels.organization, prefilled?.disclosingOrganizationName ?? '');

  w.heading(headings.information);
  w.paragraph(blank.informationHint, { size: 9 });
  for (const category of BLANK_CATEGORIES[type]) w.checkbox(codes.categories[category]);
  w.fillIn(labels.description, { lines: 2 });

  w.heading(headings.recipients);
  if (type === 'tpo') w.checkbox(statements.tpoRecipients);
  w.fillIn(blank.recipientsHint, { lines: 3 });
  if (type === 'tpo') w.paragraph(statements.hipaaRedisclosure);

  w.heading(headings.purpose);
  if (type === 'tpo') w.paragraph(statements.tpoPurpose, { bold: true });
  else w.fillIn(blank.purposeHint, { lines: 2 });

  w.heading(headings.revocation);
  w.paragraph(statements.revoke);
  w.fillIn(blank.revokeHow, { lines: 2 });

  w.heading(headings.expiration);
  w.fillIn(blank.expirationHint);

  w.heading(headings.signature);
  w.paragraph(statements.signatureCapacity, { size: 9 });
  w.fillIn(blank.signatureLine);
  w.fillIn(blank.printedNameLine);
  w.paragraph(blank.capacityLine, { size: 9 });
  for (const capacity of SIGNER_CAPACITIES) w.checkbox(codes.capacities[capacity]);
  w.fillIn(blank.authorityLine);

  w.heading(headings.date);
  w.fillIn(blank.dateLine);

  if (type === 'tpo') {
    w.heading(headings.tpoStatements);
    w.paragraph(`(i) ${statements.tpoRedisclosure}`);
    w.fillIn(`(ii) ${blank.refusalConsequences}`, { lines: 3 });
  }
  if (type === 'counseling_notes') writeCounselingNotes(w, form);
}

function writeCounselingNotes(w: PdfWriter, form: ConsentFormTexts) {
  w.heading(form.headings.counselingNotes);
  w.paragraph(form.statements.counselingNotesCombination);
  w.paragraph(form.statements.counselingNotesNoConditioning);
}

/** Statement 1 in the official English, followed on the Spanish form by the courtesy translation. */
function writeNotice(w: PdfWriter, input: ConsentFormPdfInput) {
  const form = input.texts.consentForm[input.language];
  w.heading(form.headings.notice);
  w.paragraph(input.texts.statement1, { size: 9 });
  if (input.language === 'es') {
    const translation = input.texts.consentForm.es.courtesyTranslation;
    w.paragraph(translation.label, { size: 9, bold: true });
    w.paragraph(translation.statement1, { size: 9 });
  }
}

/** The consent (or a blank form of the given type) as PDF bytes. */
export async function renderConsentFormPdf(input: ConsentFormPdfInput): Promise<Uint8Array> {
  const { consent, texts, language } = input;
  const type = consent?.type ?? input.blank?.type;
  if (type === undefined) throw new Error('renderConsentFormPdf needs a consent or a blank form type');
  const form = texts.consentForm[language];
  const translation = language === 'es' ? texts.consentForm.es.courtesyTranslation : null;
  const w = await createPdfWriter({
    title: form.title,
    language: language === 'es' ? 'es-US' : 'en-US',
    footer: translation
      ? `${texts.statement2} ${translation.label} ${translation.statement2}`
      : texts.statement2,
    pageLabel: (n, m) => fillTemplate(form.labels.page, { n, m }),
    createdAt: input.generatedAt,
  });

  w.paragraph(form.title, { size: 16, bold: true });
  w.paragraph(form.subtitle, { size: 11 });
  w.paragraph(form.intro, { size: 9 });
  if (consent) writeRecordedConsent(w, form, input, consent);
  else writeBlankForm(w, form, input, type);
  writeNotice(w, input);

  w.heading(form.headings.record);
  if (consent) {
    w.field(form.labels.consentId, consent.id);
    w.field(form.labels.state, form.codes.states[consent.state]);
    w.field(form.labels.noticeVersion, consent.noticeVersion);
    w.field(form.labels.recordedAt, utcStamp(consent.recordedAt));
    w.field(form.labels.recordedBy, consent.recordedByName);
    if (consent.revokedAt !== null) w.field(form.labels.revokedAt, utcStamp(consent.revokedAt));
    if (consent.suspendedAt !== null) w.field(form.labels.suspendedAt, utcStamp(consent.suspendedAt));
  } else {
    w.field(form.labels.noticeVersion, texts.version);
  }
  w.field(form.labels.generatedAt, utcStamp(input.generatedAt));
  return w.finish();
}
