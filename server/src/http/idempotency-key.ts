/** Reads the `Idempotency-Key` header of a create request (1–200 visible ASCII characters) for the use case. */
import type { FastifyRequest } from 'fastify';
import type { IdempotencyRequest } from '../app/idempotency/claim-idempotency-key.ts';
import { invalid } from '../lib/errors.ts';

export function idempotencyOf(request: FastifyRequest, route: string): IdempotencyRequest | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !/^[\x21-\x7e]{1,200}$/.test(key))
    throw invalid('Idempotency-Key', 'must be 1–200 visible ASCII characters, e.g. a UUID');
  return { key, route, body: { params: request.params, body: request.body } };
}

/** Answers a replayed create with the first object and says so. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
