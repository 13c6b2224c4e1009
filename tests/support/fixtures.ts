/** Small fixtures the engine tests share: bundled environments, the phases, seeded property runs. */
import fc from "fast-check";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { createEnv } from "../../src/sim/session.ts";
import type { Env, Phase } from "../../src/sim/state.ts";

/** Every phase of the crisis statechart. */
export const PHASES: readonly Phase[] = [
  "briefing",
  "incident",
  "attribution",
  "consultation",
  "decision",
  "response",
  "debrief",
];

/** The value, or a failure naming what was missing. */
export function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

/** The engine environment of a bundled scenario. */
export function envOf(id: string): Env {
  return createEnv(defined(bundledScenario(id), id), bundledRoster());
}

/**
 * A property runner with a fixed seed and regression seeds (past failures, or runs worth keeping): it runs the
 * property from the seed, then a tenth as many runs (at least five) from every regression seed.
 */
export function seededCheck(seed: number, regressionSeeds: readonly number[]) {
  return <T>(property: fc.IProperty<T>, numRuns: number): void => {
    fc.assert(property, { seed, numRuns });
    for (const s of regressionSeeds) fc.assert(property, { seed: s, numRuns: Math.max(5, Math.floor(numRuns / 10)) });
  };
}
