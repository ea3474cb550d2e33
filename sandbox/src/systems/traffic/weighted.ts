import type { Prng } from '../../core/prng';
import type { Weighted } from './tables';

/** One entry of a weighted table (weights need not add up to anything; zero never comes up). */
export function pickWeighted<T extends Weighted>(random: Prng, entries: readonly T[]): T {
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  let roll = random.next() * total;
  for (const entry of entries) {
    roll -= entry.weight;
    if (roll < 0 && entry.weight > 0) return entry;
  }
  const last = entries.filter((entry) => entry.weight > 0).at(-1);
  if (!last) throw new Error('traffic: empty weighted table');
  return last;
}

/** A count from a table of {count: weight}. */
export function pickCount(random: Prng, weights: readonly number[]): number {
  return pickWeighted(
    random,
    weights.map((weight, count) => ({ weight, count })),
  ).count;
}
