// Sampling helpers over the seeded PRNG.
import { deriveSeed, mulberry32 } from './mulberry32';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given (non-negative, not all zero) weights. */
  weightedIndex(weights: readonly number[]): number;
  poisson(mean: number): number;
  /** An independent stream that depends only on this stream's seed and `label`. */
  fork(label: string): Random;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(probability) {
      return next() < probability;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weightedIndex(weights) {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) throw new RangeError('weights must not all be zero');
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    poisson(mean) {
      // Knuth's method; the simulator's means are small (tens at most).
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    fork(label) {
      return createRandom(deriveSeed(seed, label));
    },
  };
  return random;
}
