/**
 * The referral state machine, row by row as the issue states it: who may make each move, what it must carry,
 * what a refused move lists as allowed, and the FHIR Task / BSeR business status of each status.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  BOOKED,
  checkMove,
  LINKED,
  MOVES,
  STANDARD_STATUS,
  TERMINAL,
  WAITING_FOR_ANSWER,
} from './referral-states.ts';
import type { Requirement, Side } from './referral-states.ts';
import { REFERRAL_STATUSES } from './vocabulary.ts';
import type { ReferralStatus } from './vocabulary.ts';

const ALL_REQUIREMENTS: readonly Requirement[] = [
  'decline_reason',
  'cancel_reason',
  'failure_reason',
  'appointment',
  'note',
];
const carrying = (...requirements: Requirement[]) => new Set<Requirement>(requirements);
const everything = carrying(...ALL_REQUIREMENTS);
const other = (side: Side): Side => (side === 'sender' ? 'receiver' : 'sender');
const sorted = <T extends string>(items: readonly T[]): T[] => [...items].sort();

/** One legal move of the issue's machine: from, to, the sides that may make it, what it must carry. */
type Row = [ReferralStatus, ReferralStatus, readonly Side[], readonly Requirement[]];
const S: readonly Side[] = ['sender'];
const R: readonly Side[] = ['receiver'];
const BOTH: readonly Side[] = ['sender', 'receiver'];

const ISSUE_MACHINE: readonly Row[] = [
  ['draft', 'sent', S, []],
  ['sent', 'accepted', R, []],
  ['sent', 'declined', R, ['decline_reason']],
  ['sent', 'scheduled', R, ['appointment']],
  ['accepted', 'scheduled', R, ['appointment']],
  ['accepted', 'declined', R, ['decline_reason']],
  ['scheduled', 'scheduled', R, ['appointment']],
  ['scheduled', 'attended', R, []],
  ['scheduled', 'no_show', R, []],
  ['no_show', 'scheduled', R, ['appointment']],
  ['attended', 'engaged', R, []],
  ['sent', 'cancelled', BOTH, ['cancel_reason']],
  ['accepted', 'cancelled', BOTH, ['cancel_reason']],
  ['scheduled', 'cancelled', BOTH, ['cancel_reason']],
  ['no_show', 'cancelled', BOTH, ['cancel_reason']],
  ['accepted', 'failed', R, ['failure_reason']],
  ['scheduled', 'failed', R, ['failure_reason']],
  ['no_show', 'failed', R, ['failure_reason']],
  ['attended', 'failed', R, ['failure_reason']],
  ['declined', 'sent', BOTH, ['note']],
  ['cancelled', 'sent', S, ['note']],
  ['failed', 'sent', BOTH, ['note']],
  ...REFERRAL_STATUSES.filter((s) => s !== 'entered_in_error').map((from): Row => [
    from,
    'entered_in_error',
    S,
    ['note'],
  ]),
];

describe('checkMove: every row of the machine', () => {
  for (const [from, to, sides, requires] of ISSUE_MACHINE) {
    for (const side of sides) {
      it(`${from} → ${to} by the ${side}${requires.length ? ` with ${requires.join(', ')}` : ''}`, () => {
        const result = checkMove(from, to, side, carrying(...requires));
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.move).toMatchObject({ from, to });
          expect(result.move.by).toContain(side);
          expect(sorted(result.move.requires)).toEqual(sorted(requires));
        }
      });
    }
    if (requires.length > 0) {
      it(`${from} → ${to} without ${requires.join(', ')} lists what is missing`, () => {
        expect(checkMove(from, to, sides[0] ?? 'sender', carrying())).toEqual({
          ok: false,
          problem: 'missing',
          missing: [...requires],
        });
      });
    }
    if (sides.length === 1) {
      const wrong = other(sides[0] ?? 'sender');
      it(`${from} → ${to} is refused to the ${wrong}, with what the ${wrong} may do instead`, () => {
        const result = checkMove(from, to, wrong, everything);
        expect(result).toEqual({ ok: false, problem: 'illegal_move', allowed: allowedMoves(from, wrong) });
        expect(allowedMoves(from, wrong)).not.toContain(to);
      });
    }
  }

  it('has no legal move the issue does not name (one extra: the sender may cancel its own draft)', () => {
    const named = new Set(
      ISSUE_MACHINE.flatMap(([from, to, sides]) => sides.map((s) => `${from}>${to}>${s}`)),
    );
    const extra = MOVES.flatMap((m) => m.by.map((s) => `${m.from}>${m.to}>${s}`)).filter(
      (k) => !named.has(k),
    );
    expect(extra).toEqual(['draft>cancelled>sender']);
    expect(checkMove('draft', 'cancelled', 'sender', carrying('cancel_reason')).ok).toBe(true);
    expect(checkMove('draft', 'cancelled', 'receiver', everything).ok).toBe(false);
  });

  it('lists every missing requirement, and ignores what a move does not need', () => {
    expect(checkMove('sent', 'declined', 'receiver', carrying('note', 'cancel_reason'))).toEqual({
      ok: false,
      problem: 'missing',
      missing: ['decline_reason'],
    });
    expect(checkMove('sent', 'accepted', 'receiver', everything).ok).toBe(true);
    expect(checkMove('scheduled', 'attended', 'receiver', carrying()).ok).toBe(true);
  });

  it('a reason of the wrong kind does not count', () => {
    expect(
      checkMove('sent', 'declined', 'receiver', carrying('cancel_reason', 'failure_reason')),
    ).toMatchObject({
      problem: 'missing',
      missing: ['decline_reason'],
    });
    expect(checkMove('scheduled', 'failed', 'receiver', carrying('decline_reason'))).toMatchObject({
      problem: 'missing',
      missing: ['failure_reason'],
    });
    expect(checkMove('accepted', 'cancelled', 'sender', carrying('decline_reason'))).toMatchObject({
      problem: 'missing',
      missing: ['cancel_reason'],
    });
  });

  it('an illegal move is refused even when the request carries everything', () => {
    for (const [from, to] of [
      ['draft', 'accepted'],
      ['sent', 'attended'],
      ['sent', 'failed'],
      ['declined', 'accepted'],
      ['attended', 'cancelled'],
      ['engaged', 'sent'],
      ['engaged', 'cancelled'],
      ['no_show', 'attended'],
      ['scheduled', 'engaged'],
      ['accepted', 'accepted'],
      ['sent', 'draft'],
    ] as const) {
      for (const side of ['sender', 'receiver'] as const) {
        expect(checkMove(from, to, side, everything), `${from} → ${to} by ${side}`).toEqual({
          ok: false,
          problem: 'illegal_move',
          allowed: allowedMoves(from, side),
        });
      }
    }
  });
});

describe('allowedMoves: exactly the legal targets for that side', () => {
  const cases: [ReferralStatus, Side, ReferralStatus[]][] = [
    ['draft', 'sender', ['sent', 'cancelled', 'entered_in_error']],
    ['draft', 'receiver', []],
    ['sent', 'sender', ['cancelled', 'entered_in_error']],
    ['sent', 'receiver', ['accepted', 'declined', 'scheduled', 'cancelled']],
    ['accepted', 'sender', ['cancelled', 'entered_in_error']],
    ['accepted', 'receiver', ['scheduled', 'declined', 'failed', 'cancelled']],
    ['scheduled', 'sender', ['cancelled', 'entered_in_error']],
    ['scheduled', 'receiver', ['scheduled', 'attended', 'no_show', 'failed', 'cancelled']],
    ['no_show', 'sender', ['cancelled', 'entered_in_error']],
    ['no_show', 'receiver', ['scheduled', 'failed', 'cancelled']],
    ['attended', 'sender', ['entered_in_error']],
    ['attended', 'receiver', ['engaged', 'failed']],
    ['engaged', 'sender', ['entered_in_error']],
    ['engaged', 'receiver', []],
    ['declined', 'sender', ['sent', 'entered_in_error']],
    ['declined', 'receiver', ['sent']],
    ['cancelled', 'sender', ['sent', 'entered_in_error']],
    ['cancelled', 'receiver', []],
    ['failed', 'sender', ['sent', 'entered_in_error']],
    ['failed', 'receiver', ['sent']],
    ['entered_in_error', 'sender', []],
    ['entered_in_error', 'receiver', []],
  ];
  for (const [from, side, expected] of cases) {
    it(`from ${from}, the ${side} may move to ${expected.join(', ') || 'nothing'}`, () => {
      expect(sorted(allowedMoves(from, side))).toEqual(sorted(expected));
    });
  }

  it('covers every status and side', () => {
    const seen = new Set(cases.map(([from, side]) => `${from}/${side}`));
    for (const status of REFERRAL_STATUSES) {
      expect(seen.has(`${status}/sender`) && seen.has(`${status}/receiver`), status).toBe(true);
    }
  });

  it('a refused move answers with the same list', () => {
    expect(checkMove('sent', 'engaged', 'receiver', everything)).toEqual({
      ok: false,
      problem: 'illegal_move',
      allowed: allowedMoves('sent', 'receiver'),
    });
    expect(checkMove('sent', 'accepted', 'sender', everything)).toMatchObject({
      problem: 'illegal_move',
      allowed: expect.arrayContaining(['cancelled', 'entered_in_error']) as unknown,
    });
  });
});

describe('status groups', () => {
  it('terminal statuses leave only by reopening (to sent) or as entered in error', () => {
    expect(sorted(TERMINAL)).toEqual(
      sorted(['declined', 'engaged', 'cancelled', 'failed', 'entered_in_error']),
    );
    for (const status of TERMINAL) {
      for (const side of ['sender', 'receiver'] as const) {
        for (const to of allowedMoves(status, side)) expect(['sent', 'entered_in_error']).toContain(to);
      }
    }
  });

  it('engaged (the closed loop) cannot be reopened or cancelled', () => {
    expect(allowedMoves('engaged', 'receiver')).toEqual([]);
    expect(allowedMoves('engaged', 'sender')).toEqual(['entered_in_error']);
  });

  it('only a referral waiting for an answer is unacknowledged; linked means a visit took place', () => {
    expect(WAITING_FOR_ANSWER).toEqual(['sent']);
    expect(sorted(LINKED)).toEqual(['attended', 'engaged']);
    expect(BOOKED).toEqual(['scheduled']);
  });
});

describe('STANDARD_STATUS: FHIR Task status (SDOH CC) and BSeR business status', () => {
  const BSER_DISPLAY: Record<string, string> = {
    '2.0': 'Service Request Created',
    '3.0': 'Service Request Accepted',
    '4.0': 'Service Request Declined',
    '5.1.1': 'Service Request Event Scheduled',
    '5.1.2': 'Scheduled Service Request Event Unattended',
    '5.1.4': 'Service Request Event Completed',
    '6.0': 'Service Request Fulfillment Cancelled',
    '7.0': 'Service Request Fulfillment Completed',
  };
  const expected: Record<ReferralStatus, [string, string | null]> = {
    draft: ['draft', null],
    sent: ['requested', '2.0'],
    accepted: ['accepted', '3.0'],
    declined: ['rejected', '4.0'],
    scheduled: ['in-progress', '5.1.1'],
    no_show: ['on-hold', '5.1.2'],
    attended: ['in-progress', '5.1.4'],
    engaged: ['completed', '7.0'],
    cancelled: ['cancelled', '6.0'],
    failed: ['failed', '6.0'],
    entered_in_error: ['entered-in-error', null],
  };
  for (const status of REFERRAL_STATUSES) {
    const [task, code] = expected[status];
    it(`${status} → Task ${task}${code ? `, businessStatus ${code}` : ''}`, () => {
      const mapped = STANDARD_STATUS[status];
      expect(mapped.task).toBe(task);
      if (code === null) expect(mapped.business).toBeNull();
      else expect(mapped.business).toEqual({ code, display: BSER_DISPLAY[code] });
    });
  }

  it('never uses ready or received (not in the SDOH CC referral Task status value set)', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(['ready', 'received']).not.toContain(STANDARD_STATUS[status].task);
    }
  });

  it('terminal statuses map to terminal Task statuses', () => {
    const fhirTerminal = ['rejected', 'completed', 'failed', 'cancelled', 'entered-in-error'];
    for (const status of TERMINAL) expect(fhirTerminal).toContain(STANDARD_STATUS[status].task);
    for (const status of REFERRAL_STATUSES.filter((s) => !TERMINAL.includes(s))) {
      expect(fhirTerminal).not.toContain(STANDARD_STATUS[status].task);
    }
  });
});
