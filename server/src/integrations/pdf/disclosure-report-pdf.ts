/**
 * A patient's disclosure report as a PDF, in English or Spanish: the accounting of disclosures
 * (42 CFR 2.25, P15) or, for `kind: 'intermediary'`, the list of disclosures made under a general
 * designation (42 CFR 2.24, P16). A header names the patient, the holding organization, the period and
 * when the report was generated; a table lists each disclosure with its time, recipient organization and
 * user, description, purpose and the consent relied on (or the §2.51 emergency). Wording comes from the
 * reviewed notice texts (`server/config/part2-texts.json`).
 */
import type { Part2Texts } from '../../domain/consent/part2-texts.ts';
import type { DisclosureEntry, DisclosureReport } from '../../domain/consent/views.ts';
import type { ConsentLanguage } from '../../domain/consent/vocabulary.ts';
import { createPdfWriter, fillTemplate, utcStamp } from './pdf-layout.ts';

export interface DisclosureReportPdfInput {
  report: DisclosureReport;
  language: ConsentLanguage;
  texts: Part2Texts;
}

/** A date stays a date; a timestamp is shown in UTC. */
const day = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : utcStamp(value));

/** The report (accounting or intermediary list) as PDF bytes. */
export async function renderDisclosureReportPdf(input: DisclosureReportPdfInput): Promise<Uint8Array> {
  const { report, language, texts } = input;
  const form = texts.consentForm[language];
  const words = form.report;
  const translation = language === 'es' ? texts.consentForm.es.courtesyTranslation : null;
  const intermediary = report.kind === 'intermediary';
  const title = intermediary ? words.intermediaryTitle : words.title;
  const w = await createPdfWriter({
    title,
    language: language === 'es' ? 'es-US' : 'en-US',
    footer: translation
      ? `${texts.statement2} ${translation.label} ${translation.statement2}`
      : texts.statement2,
    pageLabel: (n, m) => fillTemplate(form.labels.page, { n, m }),
    createdAt: new Date(report.generatedAt),
  });

  w.paragraph(title, { size: 16, bold: true });
  w.field(words.patient, report.patientName);
  w.field(words.holder, report.holderOrganizationName);
  w.field(words.period, fillTemplate(words.periodRange, { from: day(report.from), to: day(report.to) }));
  w.field(words.generatedAt, utcStamp(report.generatedAt));
  w.space(4);
  w.paragraph(intermediary ? words.intermediaryBasis : words.basis, { size: 9 });

  if (report.items.length === 0) {
    w.paragraph(words.empty, { bold: true });
    return w.finish();
  }
  const recipient = (item: DisclosureEntry) =>
    [
      item.recipientOrganizationName,
      `${words.user}: ${item.recipientUserName}`,
      ...(item.generalDesignation ? [`(${words.generalDesignation})`] : []),
    ].join('\n');
  w.table(
    [
      { header: words.columns.date, width: 0.18 },
      { header: words.columns.recipient, width: 0.25 },
      { header: words.columns.description, width: 0.28 },
      { header: words.columns.purpose, width: 0.15 },
      { header: words.columns.consent, width: 0.14 },
    ],
    report.items.map((item) => [
      utcStamp(item.at),
      recipient(item),
      item.description,
      form.codes.purposes[item.purpose],
      item.basis === 'emergency' ? words.emergency : (item.consentId?.slice(0, 8) ?? ''),
    ]),
  );
  return w.finish();
}
