/**
 * V8 settings for the processes that play the engine in batches: the benchmarks, tournaments, calibration, studies
 * and the sim CLI. Not the classroom server, whose sessions live for a lesson, nor the browser.
 *
 * Allocation-site pretenuring lets V8 allocate straight into the old generation the objects of a site whose
 * objects have mostly survived young collections. A session's log entries, its first allies and its decisions
 * live for the whole session, so V8 pretenures them; in a batch, sessions end within a millisecond, and each dead
 * pretenured object still holds young objects alive at the next young collection, which promotes them. Measured
 * with `npm run bench -- --engine-only` (which prints both): about 70 KB of every finished session promoted and
 * collected only by full collections, GC a third of the run time, and all-AI playthroughs near half the rate
 * they reach with pretenuring off. Set `CBC_V8_DEFAULTS=1` to keep V8's defaults.
 */
import { setFlagsFromString } from "node:v8";

export const V8_DEFAULTS_ENV = "CBC_V8_DEFAULTS";

/** Applies the batch settings unless CBC_V8_DEFAULTS=1; returns whether it did. Call before the first session. */
export function tuneForBatchRuns(): boolean {
  if (process.env[V8_DEFAULTS_ENV] === "1") return false;
  setFlagsFromString("--no-allocation-site-pretenuring");
  return true;
}
