/**
 * The counterfactual search's time per record: solo records of every bundled scenario (the person chairing,
 * and the person playing the first ally attacked), played as autoplay plays them, each searched in full. The
 * debrief runs the same search in a Web Worker; the aim is under a second on a laptop.
 *   npm run bench -- --counterfactual-only
 */
import { nextSystemEvent, suggestMove } from "../../sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { searchCounterfactuals } from "../../sim/counterfactual/search.ts";
import { newRecord, type SessionRecord } from "../../sim/record.ts";
import { applyParsed, createEnv, createSession, type SeatPlan } from "../../sim/session.ts";
import type { Env, SeatId } from "../../sim/state.ts";
import type { Figure } from "./report.ts";

const TARGET_MS = 1000;
const SEEDS = [1, 2, 3, 4, 5];

/** A solo record as autoplay makes it: the AI plays the person's seat, the driver the rest. */
export function autoplayRecord(env: Env, seed: number, role: SeatId): SessionRecord {
  const seats: SeatPlan =
    role === "chair" ? { role, chair: "human", humans: [] } : { role, chair: "ai", humans: [role] };
  let session = createSession(env, seed, seats);
  const record = newRecord(env, seed, seats);
  for (let i = 0; i < 3000; i++) {
    const event = suggestMove(session, role) ?? nextSystemEvent(session);
    if (!event) break;
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`autoplay ${event.type} refused: ${result.reason}`);
    session = result.session;
    record.events.push(result.event);
  }
  return record;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Milliseconds per record searched, per scenario (median and worst), and how many reruns a search makes. */
export function counterfactualBenchmarks(): Figure[] {
  const figures: Figure[] = [];
  for (const id of SCENARIO_IDS) {
    const scenario = bundledScenario(id);
    if (!scenario) throw new Error(id);
    const env = createEnv(scenario, bundledRoster());
    const roles: SeatId[] = ["chair", scenario.injects[0]?.targets[0] ?? "chair"];
    const records = roles.flatMap((role) => SEEDS.map((seed) => autoplayRecord(env, seed, role)));
    searchCounterfactuals(env, records[0] as SessionRecord); // warm-up: compile the hot paths first
    const ms: number[] = [];
    const reruns: number[] = [];
    let flips = 0;
    for (const record of records) {
      const t0 = performance.now();
      const result = searchCounterfactuals(env, record);
      ms.push(performance.now() - t0);
      reruns.push(result.tried);
      if (result.flips.length) flips++;
    }
    figures.push({
      name: `${id}.counterfactual_ms_per_record`,
      value: Math.round(median(ms)),
      unit: "ms",
      target: { value: TARGET_MS, better: "lower" },
      note: `median of ${records.length} solo records (chair and ${roles[1]}, seeds ${SEEDS[0]}–${SEEDS[SEEDS.length - 1]}); worst ${Math.round(Math.max(...ms))} ms; ${Math.round(median(reruns))} reruns each; ${flips} with a flip`,
    });
    figures.push({
      name: `${id}.counterfactual_worst_ms`,
      value: Math.round(Math.max(...ms)),
      unit: "ms",
      target: { value: TARGET_MS, better: "lower" },
      note: `up to ${Math.max(...reruns)} reruns`,
    });
  }
  return figures;
}
