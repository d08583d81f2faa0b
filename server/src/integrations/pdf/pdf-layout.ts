/**
 * A small top-to-bottom text layout on US Letter pages (612 × 792 pt, 54 pt margins) with pdf-lib and
 * the standard Helvetica fonts: headings, word-wrapped paragraphs, label–value fields, fill-in lines,
 * checkboxes and tables whose rows wrap and break across pages (repeating the header row). `finish`
 * puts a footer line and "Page n of m" in the bottom margin of every page. Helvetica draws only the
 * WinAnsi character set (Latin-1 plus curly quotes, dashes, € and a few more): every other character is
 * drawn as '?', so drawing never throws. Also two formatting helpers the PDFs share.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 54;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = PAGE_HEIGHT - MARGIN;
/** Content stops at the bottom margin; the footer sits inside the margin, under a rule. */
const BOTTOM = MARGIN;
const FOOTER_RULE = MARGIN - 8;
const BODY_SIZE = 10;
const HEADING_SIZE = 12;
const TABLE_SIZE = 8.5;
const FOOTER_SIZE = 7;
const LEADING = 1.3;
const CELL_PADDING = 3;
const LABEL_WIDTH = 170;
const INK = rgb(0, 0, 0);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.9, 0.9, 0.9);

/** The code points WinAnsi adds to printable ASCII and U+00A0–U+00FF. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** The text with tabs and line breaks as spaces and every character WinAnsi cannot encode as '?'. */
export function winAnsiSafe(text: string): string {
  let safe = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (/\s/.test(char) && code < 0x20) safe += ' ';
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char))
      safe += char;
    else safe += '?';
  }
  return safe;
}

/** A template with `{name}` placeholders filled in, e.g. "Page {n} of {m}". */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** An ISO timestamp as "YYYY-MM-DD HH:MM UTC"; anything that is not a time is returned as given. */
export function utcStamp(value: string | Date): string {
  const time = new Date(value);
  return Number.isNaN(time.getTime())
    ? String(value)
    : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
}

export interface PdfWriterOptions {
  /** Document title (metadata). */
  title: string;
  /** BCP 47 language of the document, e.g. "en-US". */
  language: string;
  /** Printed at the foot of every page, e.g. the §2.32 Statement 2. */
  footer: string;
  /** The page label, e.g. `(n, m) => \`Page ${n} of ${m}\``. */
  pageLabel: (page: number, pages: number) => string;
  /** Creation date written into the metadata. */
  createdAt: Date;
}

export interface PdfWriter {
  heading(text: string): void;
  paragraph(text: string, options?: { size?: number; bold?: boolean; indent?: number }): void;
  /** A bold label on the left and its (wrapping) value on the right. */
  field(label: string, value: string): void;
  /** A prompt followed by empty lines to write on (paper forms). */
  fillIn(label: string, options?: { lines?: number }): void;
  /** An empty box followed by its label. */
  checkbox(label: string): void;
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void;
  space(points?: number): void;
  /** Draws the footers and returns the PDF bytes. */
  finish(): Promise<Uint8Array>;
}

/** Lines of at most `width` points; "\n" starts a new line, over-long words are cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  for (const source of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of winAnsiSafe(source)
      .split(' ')
      .filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (!fits(line)) {
        let cut = line.length - 1;
        while (cut > 1 && !fits(line.slice(0, cut))) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Starts a document with one empty page. */
export async function createPdfWriter(options: PdfWriterOptions): Promise<PdfWriter> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  let y = TOP;

  const newPage = () => {
    page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    y = TOP;
  };
  const ensure = (height: number) => {
    if (y - height < BOTTOM) newPage();
  };
  /** Draws one already-wrapped line whose top is at `top`. */
  const draw = (line: string, x: number, top: number, font: PDFFont, size: number) => {
    if (line !== '') page.drawText(line, { x, y: top - size, size, font, color: INK });
  };
  const rule = (at: number, from = MARGIN, to = PAGE_WIDTH - MARGIN) =>
    page.drawLine({ start: { x: from, y: at }, end: { x: to, y: at }, thickness: 0.5, color: RULE });

  const paragraph: PdfWriter['paragraph'] = (
    text,
    { size = BODY_SIZE, bold: isBold = false, indent = 0 } = {},
  ) => {
    const font = isBold ? bold : regular;
    for (const line of wrap(text, font, size, CONTENT_WIDTH - indent)) {
      ensure(size * LEADING);
      draw(line, MARGIN + indent, y, font, size);
      y -= size * LEADING;
    }
    y -= size * 0.5;
  };

  const table: PdfWriter['table'] = (columns, rows) => {
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const lineHeight = TABLE_SIZE * LEADING;
    const cellLines = (cells: readonly string[], font: PDFFont) =>
      widths.map((w, i) => wrap(cells[i] ?? '', font, TABLE_SIZE, w - 2 * CELL_PADDING));
    const header = cellLines(
      columns.map((c) => c.header),
      bold,
    );
    const headerLines = Math.max(...header.map((l) => l.length));
    const headerHeight = headerLines * lineHeight + 2 * CELL_PADDING;
    const drawCells = (lines: string[][], from: number, count: number, font: PDFFont) => {
      let x = MARGIN;
      lines.forEach((cell, i) => {
        cell.slice(from, from + count).forEach((line, k) => {
          draw(line, x + CELL_PADDING, y - CELL_PADDING - k * lineHeight, font, TABLE_SIZE);
        });
        x += widths[i] ?? 0;
      });
      y -= count * lineHeight + 2 * CELL_PADDING;
      rule(y);
    };
    const drawHeader = () => {
      page.drawRectangle({
        x: MARGIN,
        y: y - headerHeight,
        width: CONTENT_WIDTH,
        height: headerHeight,
        color: SHADE,
      });
      drawCells(header, 0, headerLines, bold);
    };
    const pageCapacity = Math.floor((TOP - BOTTOM - headerHeight - 2 * CELL_PADDING) / lineHeight);

    ensure(headerHeight + lineHeight + 2 * CELL_PADDING);
    drawHeader();
    for (const row of rows) {
      const lines = cellLines(row, regular);
      const total = Math.max(1, ...lines.map((l) => l.length));
      let done = 0;
      while (done < total) {
        const room = Math.floor((y - BOTTOM - 2 * CELL_PADDING) / lineHeight);
        const left = total - done;
        // Start a row on a fresh page when it does not fit here but would fit a page; split only longer rows.
        if (room < 1 || (room < left && done === 0 && total <= pageCapacity)) {
          newPage();
          drawHeader();
          continue;
        }
        const count = Math.min(room, left);
        drawCells(lines, done, count, regular);
        done += count;
        if (done < total) {
          newPage();
          drawHeader();
        }
      }
    }
    y -= BODY_SIZE * 0.5;
  };

  return {
    heading(text) {
      const lines = wrap(text, bold, HEADING_SIZE, CONTENT_WIDTH);
      if (y < TOP) y -= HEADING_SIZE * 0.5;
      // Keep a heading together with at least two lines of what follows it.
      ensure(lines.length * HEADING_SIZE * LEADING + 2 * BODY_SIZE * LEADING);
      for (const line of lines) {
        draw(line, MARGIN, y, bold, HEADING_SIZE);
        y -= HEADING_SIZE * LEADING;
      }
      y -= 2;
    },
    paragraph,
    field(label, value) {
      const labelLines = wrap(label, bold, BODY_SIZE, LABEL_WIDTH - 10);
      const valueLines = wrap(value, regular, BODY_SIZE, CONTENT_WIDTH - LABEL_WIDTH);
      const count = Math.max(labelLines.length, valueLines.length);
      for (let i = 0; i < count; i += 1) {
        ensure(BODY_SIZE * LEADING);
        draw(labelLines[i] ?? '', MARGIN, y, bold, BODY_SIZE);
        draw(valueLines[i] ?? '', MARGIN + LABEL_WIDTH, y, regular, BODY_SIZE);
        y -= BODY_SIZE * LEADING;
      }
      y -= 3;
    },
    fillIn(label, { lines = 1 } = {}) {
      const labelLines = wrap(label, regular, BODY_SIZE - 1, CONTENT_WIDTH);
      ensure(labelLines.length * (BODY_SIZE - 1) * LEADING + 24);
      paragraph(label, { size: BODY_SIZE - 1 });
      for (let i = 0; i < lines; i += 1) {
        ensure(24);
        y -= 20;
        rule(y);
        y -= 4;
      }
      y -= BODY_SIZE * 0.5;
    },
    checkbox(label) {
      const lines = wrap(label, regular, BODY_SIZE, CONTENT_WIDTH - 16);
      ensure(lines.length * BODY_SIZE * LEADING);
      page.drawRectangle({
        x: MARGIN,
        y: y - BODY_SIZE,
        width: 9,
        height: 9,
        borderColor: INK,
        borderWidth: 0.75,
      });
      for (const line of lines) {
        draw(line, MARGIN + 16, y, regular, BODY_SIZE);
        y -= BODY_SIZE * LEADING;
      }
      y -= 3;
    },
    table,
    space(points = BODY_SIZE) {
      y -= points;
    },
    async finish() {
      const pages = doc.getPages();
      pages.forEach((footerPage, index) => {
        page = footerPage;
        const label = winAnsiSafe(options.pageLabel(index + 1, pages.length));
        const labelWidth = regular.widthOfTextAtSize(label, FOOTER_SIZE);
        rule(FOOTER_RULE);
        const top = FOOTER_RULE - 3;
        wrap(options.footer, regular, FOOTER_SIZE, CONTENT_WIDTH - labelWidth - 12).forEach((line, i) => {
          draw(line, MARGIN, top - i * FOOTER_SIZE * LEADING, regular, FOOTER_SIZE);
        });
        draw(label, PAGE_WIDTH - MARGIN - labelWidth, top, regular, FOOTER_SIZE);
      });
      doc.setTitle(options.title);
      doc.setLanguage(options.language);
      doc.setCreator('Handoff');
      doc.setProducer('Handoff (pdf-lib)');
      doc.setCreationDate(options.createdAt);
      doc.setModificationDate(options.createdAt);
      return doc.save();
    },
  };
}
