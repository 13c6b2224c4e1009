/**
 * Engine benchmarks: all-AI playthroughs per second on one core, and the time for a 1,000-seed batch.
 * The rate that has a target is the steady one, after the JIT has compiled the engine's paths (a tournament or a
 * counterfactual search plays thousands of sessions in one process); the first 200 runs of each scenario are
 * reported beside it, and so is the steady rate with V8's default settings (see src/cli/v8Tuning.ts), measured
 * in a child process in the same run.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runToEnd } from "../../sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { createEnv, createSession, type SeatPlan } from "../../sim/session.ts";
import { summarize } from "../../sim/summary.ts";
import { V8_DEFAULTS_ENV } from "../v8Tuning.ts";
import type { Figure } from "./report.ts";

const ALL_AI: SeatPlan = { role: "chair", chair: "ai", humans: [] };
const TARGET_PER_SECOND = 1000; // counterfactuals and tournaments depend on it
const WARM_UP_RUNS = 1000; // measured: the rate of 100-run batches stops rising after 600–1,000 runs
const BATCH = 200;
const BATCHES = 7;

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
const perSecond = (count: number, ms: number) => count / (ms / 1000);

/** The steady rate of one scenario: the median of 7 batches of 200 after the warm-up, and the best batch. */
function steadyRate(id: string): { median: number; best: number } {
  batch(id, 100_000 + BATCH, WARM_UP_RUNS, false);
  const rates: number[] = [];
  for (let i = 0; i < BATCHES; i++) rates.push(perSecond(BATCH, batch(id, i * BATCH, BATCH, false)));
  return { median: Math.round(median(rates)), best: Math.round(Math.max(...rates)) };
}

/** Measures every bundled scenario on this thread (one core). */
export function engineBenchmarks(): Figure[] {
  const figures: Figure[] = [];
  for (const id of SCENARIO_IDS) {
    const cold = perSecond(BATCH, batch(id, 100_000, BATCH, false));
    const rate = steadyRate(id);
    figures.push({
      name: `${id}.playthroughs_per_second`,
      value: rate.median,
      unit: "runs/s",
      target: { value: TARGET_PER_SECOND, better: "higher" },
      note: `median of ${BATCHES} batches of ${BATCH} after ${WARM_UP_RUNS.toLocaleString("en")} warm-up runs (best ${rate.best})`,
    });
    figures.push({
      name: `${id}.first_200_runs_per_second`,
      value: Math.round(cold),
      unit: "runs/s",
      note: "the scenario's first 200 runs in this process, while the JIT compiles",
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

/** The steady rates alone, one JSON line per scenario (what the child process prints). */
export function steadyRatesOnly(): void {
  for (const id of SCENARIO_IDS) process.stdout.write(`${JSON.stringify({ id, ...steadyRate(id) })}\n`);
}

/** The steady rates again in a child process with V8's default settings, for comparison (no targets). */
export function v8DefaultsBenchmarks(): Figure[] {
  const bench = fileURLToPath(new URL("../bench.ts", import.meta.url));
  const child = spawnSync(process.execPath, [bench, "--steady-rates-only"], {
    env: { ...process.env, [V8_DEFAULTS_ENV]: "1" },
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`the V8-defaults child failed: ${child.stderr}`);
  return child.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { id: string; median: number; best: number })
    .map((r) => ({
      name: `${r.id}.playthroughs_per_second_v8_defaults`,
      value: r.median,
      unit: "runs/s",
      note: `the same measure with V8's default settings (${V8_DEFAULTS_ENV}=1), in a child process (best ${r.best})`,
    }));
}
