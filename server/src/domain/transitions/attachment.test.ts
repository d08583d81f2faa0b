import { describe, expect, it } from 'vitest';
import { checkAttachment, sniffAttachmentType } from './attachment.ts';
import { MAX_ATTACHMENT_BYTES } from './vocabulary.ts';

const pdf = Buffer.from('%PDF-1.7\n%…');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe('attachments', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffAttachmentType(pdf)).toBe('application/pdf');
    expect(sniffAttachmentType(png)).toBe('image/png');
    expect(sniffAttachmentType(jpeg)).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from('<html>'))).toBeUndefined();
  });

  it('refuses a file whose content is not the declared type, an empty file and one over the limit', () => {
    expect(checkAttachment(pdf, 'application/pdf')).toBeUndefined();
    expect(checkAttachment(png, 'application/pdf')).toBe('type_mismatch');
    expect(checkAttachment(Buffer.from('MZ\x90\x00'), 'image/png')).toBe('type_mismatch');
    expect(checkAttachment(Buffer.alloc(0), 'image/png')).toBe('empty');
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    pdf.copy(big);
    expect(checkAttachment(big, 'application/pdf')).toBe('too_large');
  });
});
