/** The layout writer: WinAnsi-safe text, wrapping, page breaks, repeated table headers and footers. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createPdfWriter, fillTemplate, utcStamp, winAnsiSafe } from './pdf-layout.ts';
import { pdfText, pdfTextItems } from './pdf-text.test-support.ts';

const writer = () =>
  createPdfWriter({
    title: 'Test → document',
    language: 'en-US',
    footer: '42 CFR part 2 prohibits unauthorized use or disclosure of these records.',
    pageLabel: (n, m) => `Page ${n} of ${m}`,
    createdAt: new Date('2026-11-30T12:00:00Z'),
  });

describe('winAnsiSafe', () => {
  it('keeps Latin-1 and the WinAnsi extras and replaces everything else with ?', () => {
    expect(winAnsiSafe('Información ¿sí? ¡ñú ü! “quoted” ‘x’ – — € §2.51')).toBe(
      'Información ¿sí? ¡ñú ü! “quoted” ‘x’ – — € §2.51',
    );
    expect(winAnsiSafe('A → B')).toBe('A ? B');
    expect(winAnsiSafe('ok 😀 ok')).toBe('ok ? ok');
    expect(winAnsiSafe('中文')).toBe('??');
  });

  it('turns tabs and line breaks into spaces and composes decomposed accents', () => {
    expect(winAnsiSafe('a\tb\nc')).toBe('a b c');
    expect(winAnsiSafe('Jose\u0301')).toBe('José');
  });
});

describe('fillTemplate and utcStamp', () => {
  it('fills placeholders and formats times in UTC', () => {
    expect(fillTemplate('Página {n} de {m}', { n: 2, m: 5 })).toBe('Página 2 de 5');
    expect(fillTemplate('{from} to {to} {unknown}', { from: 'a', to: 'b' })).toBe('a to b {unknown}');
    expect(utcStamp('2026-11-30T14:05:09.000Z')).toBe('2026-11-30 14:05 UTC');
    expect(utcStamp('not a time')).toBe('not a time');
  });
});

describe('createPdfWriter', () => {
  it('draws characters outside WinAnsi as ? instead of throwing', async () => {
    const w = await writer();
    w.heading('Heading → 😀');
    w.paragraph('Arrow → and emoji 😀 and accents áéíóú ñ ü ¿¡');
    w.field('Label 😀', 'Value →');
    w.checkbox('Box ✓');
    w.fillIn('Line ✍');
    w.table([{ header: 'Col →', width: 1 }], [['Cell 😀']]);
    const bytes = await w.finish();
    const text = await pdfText(bytes);
    expect(text).toContain('Arrow ? and emoji ? and accents áéíóú ñ ü ¿¡');
    expect(text).toContain('Label ? Value ?');
    expect(text).toContain('Box ?');
    expect(text).toContain('Cell ?');
  });

  it('wraps long paragraphs, breaks pages and numbers every page in the footer', async () => {
    const w = await writer();
    const sentence = 'The quick brown fox jumps over the lazy dog while the patient record stays protected.';
    w.paragraph(Array.from({ length: 120 }, () => sentence).join(' '));
    const bytes = await w.finish();
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    const items = await pdfTextItems(bytes);
    for (let n = 1; n <= pages; n += 1) {
      expect(items.some((i) => i.page === n && i.text === `Page ${n} of ${pages}`)).toBe(true);
    }
    expect(items.filter((i) => i.text.startsWith('42 CFR part 2 prohibits'))).toHaveLength(pages);
    // Nothing but the footer is drawn in the bottom margin, and nothing runs off the right edge.
    for (const item of items.filter((i) => i.y < 54)) expect(item.y).toBeLessThan(46);
    expect(items.every((i) => i.x >= 54 && i.x < 612 - 54)).toBe(true);
    const body = await pdfText(bytes, { minY: 50 });
    expect(body).toBe(Array.from({ length: 120 }, () => sentence).join(' '));
  });

  it('cuts a word longer than a line', async () => {
    const w = await writer();
    w.paragraph('x'.repeat(400));
    const items = await pdfTextItems(await w.finish());
    const xs = items.filter((i) => /^x+$/.test(i.text));
    expect(xs.length).toBeGreaterThan(1);
    expect(xs.map((i) => i.text).join('')).toBe('x'.repeat(400));
  });

  it('repeats the table header on every page the table spans', async () => {
    const w = await writer();
    const rows = Array.from({ length: 150 }, (_, i) => [
      `Row ${i + 1}`,
      `Wrapped value ${'word '.repeat(i % 7)}`,
    ]);
    w.table(
      [
        { header: 'Name', width: 0.3 },
        { header: 'Value', width: 0.7 },
      ],
      rows,
    );
    const bytes = await w.finish();
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const items = await pdfTextItems(bytes);
    expect(items.filter((i) => i.text === 'Name')).toHaveLength(pages);
    for (let i = 1; i <= 150; i += 1) expect(items.some((item) => item.text === `Row ${i}`)).toBe(true);
  });

  it('splits a table row taller than a page across pages', async () => {
    const w = await writer();
    const tall = Array.from({ length: 120 }, (_, i) => `line${i}`).join('\n');
    w.table([{ header: 'Only', width: 1 }], [[tall]]);
    const bytes = await w.finish();
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
    const text = await pdfText(bytes, { minY: 50 });
    expect(text.replace(/Only /g, '')).toContain(Array.from({ length: 120 }, (_, i) => `line${i}`).join(' '));
  });
});
