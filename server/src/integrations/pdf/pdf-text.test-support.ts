/**
 * Test support: the strings a PDF draws, read back from its page content streams. pdf-lib shows text
 * with `Tj` (and readers may meet `TJ`) on hex strings `<…>` in the font's WinAnsi encoding, placed by a
 * `Tm` text matrix; content streams are usually Flate-compressed. Good enough for the PDFs that
 * `pdf-layout.ts` writes, not a general PDF text extractor.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';

export interface PdfTextItem {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  text: string;
}

/** WinAnsi bytes 0x80–0x9F that differ from Latin-1 (the rest of 0x20–0xFF is Latin-1). */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const fromWinAnsi = (bytes: readonly number[]): string =>
  bytes.map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');

const hexBytes = (hex: string): number[] => {
  const digits = hex.replace(/\s+/g, '');
  const even = digits.length % 2 === 0 ? digits : `${digits}0`;
  const bytes: number[] = [];
  for (let i = 0; i < even.length; i += 2) bytes.push(Number.parseInt(even.slice(i, i + 2), 16));
  return bytes;
};

/** Bytes of a literal string `( … )` without its parentheses, with the escapes resolved. */
const literalBytes = (literal: string): number[] => {
  const bytes: number[] = [];
  for (let i = 0; i < literal.length; i += 1) {
    const char = literal[i] ?? '';
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const next = literal[i + 1] ?? '';
    const octal = /^[0-7]{1,3}/.exec(literal.slice(i + 1));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += octal[0].length;
    } else {
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return bytes;
};

/** The decoded content streams of a page, concatenated. */
function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams: unknown[] = [];
  if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i += 1) streams.push(contents.lookup(i));
  } else if (contents) {
    streams.push(contents);
  }
  return streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) return '';
      const filter = stream.dict.lookup(PDFName.of('Filter'));
      const raw = stream.getContents();
      const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(raw) : Buffer.from(raw);
      return bytes.toString('latin1');
    })
    .join('\n');
}

/** Every string a page draws, in drawing order, with its position. */
function pageItems(content: string, page: number): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  const token = /<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)|\[|\]|(-?\d*\.?\d+)|([A-Za-z*']+)/g;
  let numbers: number[] = [];
  let pending: number[][] = [];
  let inArray = false;
  let x = 0;
  let y = 0;
  let leading = 0;
  for (const match of content.matchAll(token)) {
    const [whole, hex, literal, number, operator] = match;
    if (hex !== undefined) pending.push(hexBytes(hex));
    else if (literal !== undefined) pending.push(literalBytes(literal));
    else if (number !== undefined) numbers.push(Number(number));
    else if (whole === '[') inArray = true;
    else if (whole === ']') inArray = false;
    else if (operator !== undefined) {
      const [a = 0, b = 0] = numbers.slice(-2);
      if (operator === 'Tm') [x, y] = [numbers.at(-2) ?? 0, numbers.at(-1) ?? 0];
      else if (operator === 'Td' || operator === 'TD') [x, y] = [x + a, y + b];
      else if (operator === 'TL') leading = numbers.at(-1) ?? 0;
      else if (operator === 'T*') y -= leading;
      else if (operator === 'Tj' || operator === 'TJ' || operator === "'") {
        if (operator === "'") y -= leading;
        items.push({ page, x, y, text: fromWinAnsi(pending.flat()) });
      }
      if (!inArray) {
        numbers = [];
        pending = [];
      }
    }
  }
  return items;
}

/** Every string the PDF draws, page by page, in drawing order. */
export async function pdfTextItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().flatMap((page, index) => pageItems(pageContent(page), index + 1));
}

/**
 * The drawn text as one string with single spaces, so wrapped sentences read whole. `minY` drops
 * strings drawn lower on the page (e.g. 54 drops the footer in the bottom margin).
 */
export async function pdfText(bytes: Uint8Array, options: { minY?: number } = {}): Promise<string> {
  const items = await pdfTextItems(bytes);
  return items
    .filter((item) => item.y >= (options.minY ?? Number.NEGATIVE_INFINITY))
    .map((item) => item.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text with runs of whitespace as single spaces, to compare with `pdfText`. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
