/**
 * mulberry32, the one small seedable generator of the emulator and the demo: the same seed gives the
 * same sequence on every machine, so a run (and a failure) replays exactly.
 */
const INCREMENT = 0x6d2b79f5;

/** The generator's state after one step. */
export function mulberry32Advance(state: number): number {
  return (state + INCREMENT) >>> 0;
}

/** The number in [0, 1) an advanced state gives. */
export function mulberry32Value(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A generator of numbers in [0, 1) from `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = mulberry32Advance(state);
    return mulberry32Value(state);
  };
}
