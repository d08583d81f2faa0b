/** Optimistic concurrency over HTTP: versions travel as ETags (`"3"`) and come back in `If-Match`. */
import type { FastifyReply } from 'fastify';
import { AppError } from '../lib/errors.ts';

/** Parses `If-Match: "<version>"` (or W/"…"); undefined when absent. */
export function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match?.[1])
    throw new AppError('precondition_failed', 'If-Match must be an ETag from this API, e.g. "3"');
  return Number(match[1]);
}

/** The ETag of a versioned object. */
export const etagOf = (version: number): string => `"${version}"`;

/** Answers a versioned object: its ETag, never cached (patient data). */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, view: T, code = 200) {
  return reply.code(code).header('ETag', etagOf(view.version)).header('Cache-Control', 'no-store').send(view);
}
