/** File downloads: the Content-Disposition header for any file name and a reply that sends one. */
import type { FastifyReply } from 'fastify';

/** A download header for any file name: an ASCII fallback and the UTF-8 form (RFC 6266). */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a generated file as a download that no cache keeps (it may hold patient data). */
export const sendDownload = (
  reply: FastifyReply,
  contentType: string,
  file: { body: Buffer; fileName: string },
) =>
  reply
    .type(contentType)
    .header('Content-Disposition', attachment(file.fileName))
    .header('Cache-Control', 'no-store')
    .send(file.body);
