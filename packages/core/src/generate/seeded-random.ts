import { mersenne } from 'pure-rand/generator/mersenne';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A seeded source of 32-bit random integers (`next()` returns a signed int32), from `pure-rand`. */
export type SeededRandom = RandomGenerator;

/**
 * Creates the deterministic random source of the data generators: xoroshiro128+ whose 128-bit state is drawn from a
 * Mersenne Twister seeded with `seed`.
 *
 * @remarks
 * `xoroshiro128plus(seed)` alone starts from a state that differs by a few bits between nearby seeds (its first output
 * is `~seed`), so seeds 1 and 2 would give correlated starts. MT19937's initialisation diffuses the seed over 624
 * words; its first four outputs then seed xoroshiro128+, which is several times faster per draw. Everything is 32-bit
 * integer arithmetic: the same seed gives the same stream on every platform.
 *
 * @param seed - an integer in [0, 2^32 - 1]
 * @returns a generator; call `next()` for signed int32 values
 * @example
 * ```ts
 * const rng = createSeededRandom(42);
 * const bits = rng.next() >>> 0; // uint32
 * ```
 */
export function createSeededRandom(seed: number): SeededRandom {
  const seeder = mersenne(seed | 0);
  const state = [seeder.next(), seeder.next(), seeder.next(), seeder.next()];
  // xoroshiro128+ is stuck at zero when its whole state is zero.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

const twoToMinus26 = 2 ** -26;
const twoToMinus53 = 2 ** -53;

/**
 * Draws a uniform number in the open interval (0, 1) with 53 random bits.
 *
 * @remarks
 * Uses the high bits of two draws (the lowest bits of xoroshiro128+ are its weakest) and centres the value in its
 * 2^-53 cell, `(k + 0.5) / 2^53`, so neither 0 nor 1 can come out. Exact arithmetic: same bits everywhere.
 *
 * @param rng - the random source; advanced by two draws
 * @returns a number strictly between 0 and 1
 * @example
 * ```ts
 * const u = openUniform(createSeededRandom(7)); // 0 < u < 1
 * ```
 */
export function openUniform(rng: SeededRandom): number {
  const high = rng.next() >>> 6; // 26 bits
  const low = rng.next() >>> 5; // 27 bits
  return high * twoToMinus26 + (low + 0.5) * twoToMinus53;
}
