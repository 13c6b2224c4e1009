/** Seeded randomness whose whole state is plain data, so it can live inside the session state. */
import seedrandom from "seedrandom";

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** The generator state for an integer seed (pure: same seed, same state). */
export function seedRng(seed: number): RngState {
  return seedrandom.alea(`case-by-case:${seed}`, { state: true }).state() as RngState;
}

/**
 * Draws `count` numbers in [0, 1) from `state`; returns them with the advanced state.
 * Pure: the input state is not modified. This is seedrandom's Alea step, run inline: building a generator
 * for every draw cost more than the draws themselves (the golden test pins that the numbers are the same).
 */
export function drawMany(state: RngState, count: number): { values: number[]; state: RngState } {
  let { c, s0, s1, s2 } = state;
  const values: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    values[i] = s2;
  }
  return { values, state: { c, s0, s1, s2 } };
}

/** A tiny cursor over pre-drawn values, for code that needs a few numbers at a time. */
export class Draws {
  private index = 0;
  private readonly values: readonly number[];
  constructor(values: readonly number[]) {
    this.values = values;
  }
  /** The next value in [0, 1). */
  next(): number {
    const v = this.values[this.index % this.values.length] ?? 0;
    this.index++;
    return v;
  }
  /** A value between lo and hi. */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
}
