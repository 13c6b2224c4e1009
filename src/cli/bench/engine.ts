/** Engine benchmarks: all-AI playthroughs per second on one core, and the time for a 1,000-seed batch. */
import { runToEnd } from "../../sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { createEnv, createSession, type SeatPlan } from "../../sim/session.ts";
import { summarize } from "../../sim/summary.ts";
import type { Figure } from "./report.ts";

const ALL_AI: SeatPlan = { role: "chair", chair: "ai", humans: [] };
const TARGET_PER_SECOND = 1000; // counterfactuals and tournaments depend on it

/** Runs `count` playthroughs from seed `from`; returns elapsed milliseconds. */
function batch(id: string, from: number, count: number, withSummary: boolean): number {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  const env = createEnv(scenario, bundledRoster());
  const t0 = performance.now();
  for (let seed = from; seed < from + count; seed++) {
    const { session } = runToEnd(createSession(env, seed, ALL_AI));
    if (withSummary) summarize(session);
  }
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Measures every bundled scenario on this thread (one core). */
export function engineBenchmarks(): Figure[] {
  const figures: Figure[] = [];
  for (const id of SCENARIO_IDS) {
    batch(id, 100_000, 100, false); // warm-up: compile the hot paths first
    const rates: number[] = [];
    for (let i = 0; i < 7; i++) rates.push(200 / (batch(id, i * 200, 200, false) / 1000));
    figures.push({
      name: `${id}.playthroughs_per_second`,
      value: Math.round(median(rates)),
      unit: "runs/s",
      target: { value: TARGET_PER_SECOND, better: "higher" },
      note: `median of 7 batches of 200 (best ${Math.round(Math.max(...rates))})`,
    });
    figures.push({
      name: `${id}.batch_1000_seeds`,
      value: Math.round(batch(id, 1, 1000, true)),
      unit: "ms",
      target: { value: (1000 / TARGET_PER_SECOND) * 1000, better: "lower" },
      note: "1,000 seeds with summaries and state hashes",
    });
  }
  return figures;
}
