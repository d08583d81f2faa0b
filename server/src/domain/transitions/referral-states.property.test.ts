/**
 * Properties of the referral state machine over every (from, to, side, what the request carries): `checkMove`
 * agrees with the MOVES table, a side is never offered the other side's moves, entered-in-error is a dead end,
 * every status is reachable and every open referral can still end, and the standard status mapping stays
 * inside the SDOH Clinical Care value set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedMoves, checkMove, MOVES, STANDARD_STATUS, TERMINAL } from './referral-states.ts';
import type { Requirement, Side } from './referral-states.ts';
import { REFERRAL_STATUSES } from './vocabulary.ts';
import type { ReferralStatus } from './vocabulary.ts';

const RUNS = 3000;
const REQUIREMENTS: readonly Requirement[] = [
  'decline_reason',
  'cancel_reason',
  'failure_reason',
  'appointment',
  'note',
];
const SIDES: readonly Side[] = ['sender', 'receiver'];

const status = fc.constantFrom(...REFERRAL_STATUSES);
const side = fc.constantFrom(...SIDES);
const provided = fc.subarray([...REQUIREMENTS]).map((r) => new Set<Requirement>(r));

/** The row of the table, by plain search (the reference the function must agree with). */
const rowFor = (from: ReferralStatus, to: ReferralStatus, by: Side) =>
  MOVES.filter((m) => m.from === from && m.to === to && m.by.includes(by));

/** Statuses reachable from `start` by any side's moves (breadth-first over the table). */
function reachable(start: ReferralStatus): Set<ReferralStatus> {
  const seen = new Set<ReferralStatus>([start]);
  const queue = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const m of MOVES) {
      if (m.from === next && !seen.has(m.to)) {
        seen.add(m.to);
        queue.push(m.to);
      }
    }
  }
  return seen;
}

describe('referral state machine properties', () => {
  it('checkMove is ok iff a MOVES row exists for that side and the request carries what it requires', () => {
    fc.assert(
      fc.property(status, status, side, provided, (from, to, by, carried) => {
        const rows = rowFor(from, to, by);
        const result = checkMove(from, to, by, carried);
        const row = rows[0];
        if (!row) {
          expect(result).toEqual({ ok: false, problem: 'illegal_move', allowed: allowedMoves(from, by) });
          return;
        }
        const missing = row.requires.filter((r) => !carried.has(r));
        if (missing.length === 0) expect(result).toEqual({ ok: true, move: row });
        else expect(result).toEqual({ ok: false, problem: 'missing', missing });
      }),
      { numRuns: RUNS },
    );
  });

  it('with everything carried, checkMove is ok exactly when a MOVES row exists', () => {
    for (const from of REFERRAL_STATUSES) {
      for (const to of REFERRAL_STATUSES) {
        for (const by of SIDES) {
          const ok = checkMove(from, to, by, new Set(REQUIREMENTS)).ok;
          expect(ok, `${from} → ${to} by ${by}`).toBe(rowFor(from, to, by).length > 0);
        }
      }
    }
  });

  it('holds at most one row per (from, to), so a move has one set of sides and requirements', () => {
    const keys = MOVES.map((m) => `${m.from}>${m.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of MOVES) expect(m.by.length).toBeGreaterThan(0);
  });

  it('allowedMoves never offers a move only the other side may make, and lists each legal target', () => {
    fc.assert(
      fc.property(status, side, (from, by) => {
        const allowed = allowedMoves(from, by);
        for (const to of allowed) expect(rowFor(from, to, by).length).toBe(1);
        for (const to of REFERRAL_STATUSES) {
          if (rowFor(from, to, by).length > 0) expect(allowed).toContain(to);
        }
        expect(new Set(allowed).size).toBe(allowed.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('no move leaves entered_in_error, and only the sender enters it', () => {
    fc.assert(
      fc.property(status, side, provided, (to, by, carried) => {
        expect(checkMove('entered_in_error', to, by, carried).ok).toBe(false);
        expect(checkMove(to, 'entered_in_error', 'receiver', carried).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
    expect(MOVES.filter((m) => m.from === 'entered_in_error')).toEqual([]);
  });

  it('every status is reachable from draft', () => {
    expect([...reachable('draft')].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  it('every non-terminal status has a path to a terminal one that avoids entered_in_error', () => {
    for (const from of REFERRAL_STATUSES.filter((s) => !TERMINAL.includes(s))) {
      const ends = [...reachable(from)].filter((s) => TERMINAL.includes(s) && s !== 'entered_in_error');
      expect(ends.length, from).toBeGreaterThan(0);
    }
  });

  it('a random walk of legal moves from draft never gets stuck outside a terminal status', () => {
    const step = fc.tuple(side, fc.nat());
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let current: ReferralStatus = 'draft';
        for (const [by, pick] of steps) {
          const options = [...allowedMoves(current, 'sender'), ...allowedMoves(current, 'receiver')];
          if (!TERMINAL.includes(current)) expect(options.length, current).toBeGreaterThan(0);
          const mine = allowedMoves(current, by);
          const to = mine[pick % Math.max(mine.length, 1)];
          if (to === undefined) continue;
          const result = checkMove(current, to, by, new Set(REQUIREMENTS));
          expect(result.ok).toBe(true);
          current = to;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the standard mapping stays in the SDOH CC value set (FHIR TaskStatus minus ready and received)', () => {
    const sdohcc = [
      'draft',
      'requested',
      'accepted',
      'rejected',
      'cancelled',
      'on-hold',
      'in-progress',
      'completed',
      'failed',
      'entered-in-error',
    ];
    fc.assert(
      fc.property(status, (s) => {
        expect(sdohcc).toContain(STANDARD_STATUS[s].task);
        expect(['ready', 'received']).not.toContain(STANDARD_STATUS[s].task);
      }),
    );
    expect(STANDARD_STATUS.declined.task).toBe('rejected');
    expect(STANDARD_STATUS.engaged).toMatchObject({ task: 'completed', business: { code: '7.0' } });
    expect(STANDARD_STATUS.sent).toMatchObject({ task: 'requested', business: { code: '2.0' } });
    expect(STANDARD_STATUS.scheduled.business?.code).toBe('5.1.1');
    expect(STANDARD_STATUS.no_show.business?.code).toBe('5.1.2');
  });
});
