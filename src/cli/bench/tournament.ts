/** Tournament benchmark: runs per second of one bot in one seat, the way `npm run tournament` plays them. */
import { BUILT_IN_BOTS } from "../../sim/bots/index.ts";
import { bundledRoster, bundledScenario } from "../../sim/catalog.ts";
import { createEnv } from "../../sim/session.ts";
import { playSeeds } from "../tournamentReport.ts";
import type { Figure } from "./report.ts";

const SCENARIO = "estonia-2007";
const SEEDS = 40;
const REPEATS = 5;
const TARGET_PER_SECOND = 100; // a 100-seed tournament of the four built-in bots in one seat in 4 s

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The negotiator in the chair of estonia-2007: the median of a few batches of 40 seeds, on this thread. */
export function tournamentBenchmarks(): Figure[] {
  const scenario = bundledScenario(SCENARIO);
  const bot = BUILT_IN_BOTS.negotiator;
  if (!scenario || !bot) throw new Error(`${SCENARIO} or the negotiator bot is missing`);
  const env = createEnv(scenario, bundledRoster());
  playSeeds(env, "chair", bot, 100_000, 100_000 + SEEDS - 1); // warm-up: compile the hot paths first
  const rates: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    playSeeds(env, "chair", bot, i * SEEDS + 1, (i + 1) * SEEDS);
    rates.push(SEEDS / ((performance.now() - t0) / 1000));
  }
  return [
    {
      name: `tournament.${SCENARIO}.negotiator_chair_runs_per_second`,
      value: Math.round(median(rates)),
      unit: "runs/s",
      target: { value: TARGET_PER_SECOND, better: "higher" },
      note: `median of ${REPEATS} batches of ${SEEDS} seeds (best ${Math.round(Math.max(...rates))})`,
    },
  ];
}
