/**
 * Small helpers of the demo history: weighted picks from its PRNG and clamping.
 */
import type { Prng } from './prng.ts';

/** One of `options` (value and weight pairs), with probability in proportion to its weight. */
export function weighted<T>(rng: Prng, options: readonly (readonly [T, number])[]): T {
  return weightedPick(
    rng,
    options.map(([value]) => value),
    options.map(([, weight]) => weight),
  );
}

/** One of `items`, with probability in proportion to its weight (negative weights count as zero). */
export function weightedPick<T>(rng: Prng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  let roll = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    roll -= Math.max(0, weights[i] ?? 0);
    if (roll < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
