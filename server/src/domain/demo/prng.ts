/**
 * A small seeded pseudo-random number generator for generated data (demo network, benchmarks):
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter, 128-bit state) seeded through splitmix32, with
 * helpers for integers, picks, shuffles and RFC 4122 version-4-shaped UUIDs. Same seed and stream
 * label, same sequence, on every platform: only 32-bit integer arithmetic is used.
 * Not for secrets: use node:crypto for anything an attacker must not guess.
 */

export interface Prng {
  /** The next 32-bit unsigned integer. */
  uint32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct elements, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A UUID with the RFC 4122 version (4) and variant (10xx) bits set, drawn from this generator. */
  uuid(): string;
}

const TWO_POW_32 = 2 ** 32;

/** FNV-1a over the UTF-16 code units of a label: separates independent streams of one seed. */
function fnv1a(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

function sfc32(seedA: number, seedB: number, seedC: number, seedD: number): () => number {
  let a = seedA | 0;
  let b = seedB | 0;
  let c = seedC | 0;
  let d = seedD | 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * A generator for `seed` (any safe integer) and an optional stream label. Different labels give
 * independent sequences, so adding draws to one part of a generator does not shift the others.
 */
export function createPrng(seed: number, stream = ''): Prng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, not ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x9e3779b1) ^ fnv1a(stream));
  const uint32 = sfc32(mix(), mix(), mix(), mix());
  // Discard the first outputs: sfc32 needs a few rounds to spread a small seed over its state.
  for (let i = 0; i < 12; i++) uint32();

  const next = (): number => uint32() / TWO_POW_32;
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`invalid integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  return {
    uint32,
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    shuffle,
    sample: <T>(items: readonly T[], count: number): T[] => {
      if (count > items.length) throw new RangeError(`cannot sample ${count} of ${items.length} items`);
      return shuffle(items).slice(0, count);
    },
    uuid: () => {
      const w0 = uint32();
      const w1 = (uint32() & 0xffff0fff) | 0x00004000; // version 4 in the high nibble of byte 6
      const w2 = (uint32() & 0x3fffffff) | 0x80000000; // variant 10xx in the high bits of byte 8
      const w3 = uint32();
      const s = hex(w0) + hex(w1 >>> 0) + hex(w2 >>> 0) + hex(w3);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
