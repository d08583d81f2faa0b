/**
 * Message attachments are checked by their content, not their name or declared type: a PDF starts with
 * `%PDF-`, a PNG with its 8-byte signature, a JPEG with `FF D8 FF`. Anything else is refused, and so is a
 * file whose content does not match the type the sender declared.
 */
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentType } from './vocabulary.ts';

const SIGNATURES: Record<AttachmentType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The type the bytes are, or undefined when they are none of the allowed types. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | undefined {
  return ATTACHMENT_TYPES.find((type) => SIGNATURES[type].every((b, i) => bytes[i] === b));
}

export type AttachmentProblem = 'empty' | 'too_large' | 'type_mismatch';

export function checkAttachment(bytes: Uint8Array, declared: AttachmentType): AttachmentProblem | undefined {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_ATTACHMENT_BYTES) return 'too_large';
  return sniffAttachmentType(bytes) === declared ? undefined : 'type_mismatch';
}
