import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainHash,
  findBrokenLink,
  GENESIS_HASH,
  type ChainedFields,
  type StoredEvent,
} from './chain.ts';

const event = (seq: number, action = 'x.do'): ChainedFields => ({
  chain: 'n1',
  seq,
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
  networkId: 'n1',
  actorUserId: 'u1',
  actorMembershipId: null,
  actorOrganizationId: null,
  action,
  entityType: null,
  entityId: null,
  patientId: null,
  purpose: null,
  outcome: 'success',
  requestId: null,
  clientAddress: null,
  via: 'web',
  details: { n: seq },
});

function build(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = event(seq);
    const hash = chainHash(prev, fields);
    out.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('is independent of key order at every depth', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe('findBrokenLink', () => {
  it('accepts an intact chain', () => {
    expect(findBrokenLink(build(20), { seq: 0, hash: GENESIS_HASH })).toBeUndefined();
  });

  it('names the first altered, missing or re-linked event', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('alter', 'remove', 'relink'),
        (seq, how) => {
          const events = build(20);
          const i = seq - 1;
          const original = events[i];
          if (!original) throw new Error('no event');
          if (how === 'alter') events[i] = { ...original, action: 'tampered' };
          if (how === 'remove') events.splice(i, 1);
          if (how === 'relink') events[i] = { ...original, prevHash: 'f'.repeat(64) };
          const problem = findBrokenLink(events, { seq: 0, hash: GENESIS_HASH });
          if (how === 'remove' && seq === 20)
            expect(problem).toBeUndefined(); // a cut tail is caught by the chain head
          else expect(problem?.seq).toBe(seq);
        },
      ),
    );
  });
});
