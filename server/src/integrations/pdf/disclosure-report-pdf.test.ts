/** Disclosure report PDFs: the §2.25 accounting and the §2.24 intermediary list, in English and Spanish. */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parsePart2Texts } from '../../domain/consent/part2-texts.ts';
import type { DisclosureEntry, DisclosureReport } from '../../domain/consent/views.ts';
import { renderDisclosureReportPdf } from './disclosure-report-pdf.ts';
import { pdfText, pdfTextItems, squash } from './pdf-text.test-support.ts';

const texts = parsePart2Texts(
  JSON.parse(readFileSync(new URL('../../../config/part2-texts.json', import.meta.url), 'utf8')),
);
const en = texts.consentForm.en.report;
const es = texts.consentForm.es.report;

const entry = (overrides: Partial<DisclosureEntry>): DisclosureEntry => ({
  id: 'd1',
  at: '2026-09-30T10:15:00.000Z',
  recipientOrganizationId: 'org-a',
  recipientOrganizationName: 'Harbor Recovery Center',
  recipientUserName: 'Casey Nguyen',
  description: 'Demographics (name, date of birth, contact)',
  categories: ['demographics'],
  purpose: 'TREAT',
  basis: 'consent',
  consentId: '3f0c2a9e-1b7d-4c55-9a0e-6f2d8b1c4e77',
  generalDesignation: false,
  channel: 'web',
  ...overrides,
});

const report = (overrides: Partial<DisclosureReport>): DisclosureReport => ({
  patientId: 'p1',
  patientName: 'Jordan Alvarez',
  holderOrganizationName: 'Riverside Hospital Addiction Consult Service',
  from: '2023-11-30',
  to: '2026-11-30',
  kind: 'all',
  generatedAt: '2026-11-30T15:00:00.000Z',
  items: [
    entry({}),
    entry({
      id: 'd2',
      at: '2026-11-29T08:00:00.000Z',
      recipientOrganizationName: 'Eastside Peer Support',
      recipientUserName: 'Robin Diaz',
      description: 'Handoff packet (medications, follow-up plan)',
      purpose: 'CAREMGT',
      consentId: '9a1b2c3d-0000-4000-8000-000000000002',
    }),
    entry({
      id: 'd3',
      at: '2026-11-29T23:40:00.000Z',
      recipientOrganizationName: 'County Emergency Department',
      recipientUserName: 'Dr. Pat Kim',
      purpose: 'ETREAT',
      basis: 'emergency',
      consentId: null,
    }),
  ],
  ...overrides,
});

describe('renderDisclosureReportPdf', () => {
  it('lists every disclosure of an accounting with recipient, user, description, purpose and consent', async () => {
    const bytes = await renderDisclosureReportPdf({ report: report({}), language: 'en', texts });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const text = await pdfText(bytes, { minY: 50 });
    for (const part of [
      en.title,
      `${en.patient} Jordan Alvarez`,
      `${en.holder} Riverside Hospital Addiction Consult Service`,
      `${en.period} 2023-11-30 to 2026-11-30`,
      `${en.generatedAt} 2026-11-30 15:00 UTC`,
      en.basis,
      '2026-09-30 10:15 UTC Harbor Recovery Center User: Casey Nguyen Demographics (name, date of birth, contact) Treatment 3f0c2a9e',
      'Eastside Peer Support User: Robin Diaz',
      'Care management 9a1b2c3d',
      `County Emergency Department User: Dr. Pat Kim Demographics (name, date of birth, contact) Emergency treatment (§2.51) ${en.emergency}`,
    ]) {
      expect(text).toContain(squash(part));
    }
    expect(text).not.toContain(en.empty);
    expect(await pdfText(bytes)).toContain(texts.statement2);
  });

  it('says that nothing was disclosed when the period is empty', async () => {
    const bytes = await renderDisclosureReportPdf({ report: report({ items: [] }), language: 'en', texts });
    const text = await pdfText(bytes, { minY: 50 });
    expect(text).toContain(en.empty);
    expect(text).not.toContain(en.columns.description);
  });

  it('prints the §2.24 list for an intermediary report, marking general designations', async () => {
    const bytes = await renderDisclosureReportPdf({
      report: report({ kind: 'intermediary', items: [entry({ generalDesignation: true })] }),
      language: 'en',
      texts,
    });
    const text = await pdfText(bytes, { minY: 50 });
    expect(text).toContain(en.intermediaryTitle);
    expect(text).toContain(squash(en.intermediaryBasis));
    expect(text).toContain(`Harbor Recovery Center User: Casey Nguyen (${en.generalDesignation})`);
    expect(text).not.toContain(en.title);
  });

  it('runs 200 disclosures over several pages, repeating the table header', async () => {
    const items = Array.from({ length: 200 }, (_, i) =>
      entry({
        id: `d${i}`,
        at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        recipientOrganizationName: `Community Organization ${i + 1}`,
      }),
    );
    const bytes = await renderDisclosureReportPdf({ report: report({ items }), language: 'en', texts });
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const drawn = await pdfTextItems(bytes);
    expect(drawn.filter((item) => item.text === en.columns.description)).toHaveLength(pages);
    for (let i = 1; i <= 200; i += 1) {
      expect(drawn.some((item) => item.text === `Community Organization ${i}`)).toBe(true);
    }
    expect(drawn.some((item) => item.text === `Page ${pages} of ${pages}`)).toBe(true);
  });

  it('prints a Spanish report with Spanish words', async () => {
    const bytes = await renderDisclosureReportPdf({ report: report({}), language: 'es', texts });
    const text = await pdfText(bytes, { minY: 50 });
    for (const part of [
      es.title,
      `${es.period} del 2023-11-30 al 2026-11-30`,
      es.columns.description,
      'Usuario: Casey Nguyen',
      'Gestión de la atención',
      es.emergency,
    ]) {
      expect(text).toContain(squash(part));
    }
    const empty = await pdfText(
      await renderDisclosureReportPdf({ report: report({ items: [] }), language: 'es', texts }),
    );
    expect(empty).toContain('No se hicieron divulgaciones en este período.');
    expect(empty).toContain('Traducción de cortesía:');
  });

  it('draws characters outside WinAnsi as ? instead of throwing', async () => {
    const bytes = await renderDisclosureReportPdf({
      report: report({ patientName: 'Jordan → 😀', items: [entry({ recipientUserName: 'Casey 🙂' })] }),
      language: 'en',
      texts,
    });
    const text = await pdfText(bytes);
    expect(text).toContain('Jordan ? ?');
    expect(text).toContain('User: Casey ?');
  });
});
