/**
 * The audit hash chain, as pure functions. Each event's hash is SHA-256 over the previous hash and a
 * canonical JSON form of the event (keys sorted, dates as ISO-8601 strings), so changing, removing or
 * reordering any stored event breaks every later link.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  chain: string;
  seq: number;
  id: string;
  at: Date;
  networkId: string | null;
  actorUserId: string | null;
  actorMembershipId: string | null;
  actorOrganizationId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  purpose: string | null;
  outcome: string;
  requestId: string | null;
  clientAddress: string | null;
  via: string;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth, so equal values always serialize identically. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type LinkProblem = { seq: number; reason: string };

/**
 * Checks a run of consecutive events of one chain, given the hash and sequence number that precede
 * it. Returns the first broken link, or undefined when the run is intact.
 */
export function findBrokenLink(
  events: readonly StoredEvent[],
  previous: { seq: number; hash: string },
): LinkProblem | undefined {
  let { seq, hash } = previous;
  for (const event of events) {
    if (event.seq !== seq + 1)
      return { seq: seq + 1, reason: `event ${seq + 1} is missing (next found: ${event.seq})` };
    if (event.prevHash !== hash)
      return { seq: event.seq, reason: 'prev_hash does not match the previous event' };
    const { prevHash: _p, hash: stored, ...fields } = event;
    if (chainHash(hash, fields) !== stored)
      return { seq: event.seq, reason: 'content does not match its hash (altered)' };
    seq = event.seq;
    hash = stored;
  }
  return undefined;
}
