/** The seeded PRNG: reproducible per seed and stream, ranges respected, UUIDs well formed. */
import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const draw = (seed: number, stream = '', n = 20) => {
  const rng = createPrng(seed, stream);
  return Array.from({ length: n }, () => rng.uint32());
};

describe('createPrng', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42, 'ids')).toEqual(draw(42, 'ids'));
  });

  it('gives different sequences for different seeds, streams and large seeds', () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1, 'ids')).not.toEqual(draw(1, 'places'));
    expect(draw(1)).not.toEqual(draw(1 + 2 ** 32));
    expect(draw(0)).not.toEqual(draw(-1));
  });

  it('pins the sequence of seed 1 (generated demo data must not change by accident)', () => {
    expect(draw(1, '', 3)).toEqual([191029939, 1558236643, 3411820602]);
    expect(createPrng(1, 'ids').uuid()).toBe('730fc39a-0cac-41a2-bb55-f00121a37415');
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createPrng(1.5)).toThrow(RangeError);
    expect(() => createPrng(Number.NaN)).toThrow(RangeError);
  });

  it('keeps next() in [0, 1) and int() in its inclusive range, reaching both ends', () => {
    const rng = createPrng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(-2, 3);
      expect(Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
  });

  it('picks, shuffles and samples without changing the input', () => {
    const rng = createPrng(3);
    const items = ['a', 'b', 'c', 'd', 'e'] as const;
    expect(items).toContain(rng.pick(items));
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual([...items]);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    const sample = rng.sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.sample(items, 6)).toThrow(RangeError);
  });

  it('makes valid, distinct version 4 UUIDs', () => {
    const rng = createPrng(9);
    const ids = Array.from({ length: 2000 }, () => rng.uuid());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
