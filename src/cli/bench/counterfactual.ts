/**
 * The counterfactual search's time per record: solo records of every bundled scenario (the person chairing,
 * and the person playing the first ally attacked), played as autoplay plays them, each searched in full. The
 * debrief runs the same search in a Web Worker; the aim is under a second on a laptop. A contested record (a
 * chair whose drafts allies break) is the heavy case.
 *   npm run bench -- --counterfactual-only
 */
import { nextSystemEvent, suggestMove } from "../../sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { searchCounterfactuals } from "../../sim/counterfactual/search.ts";
import type { EngineEvent } from "../../sim/events.ts";
import { availableAt, MEASURES, measureById } from "../../sim/measures.ts";
import { newRecord, type SessionRecord } from "../../sim/record.ts";
import {
  applyParsed,
  createEnv,
  createSession,
  phaseOf,
  type SeatPlan,
  type Session,
  stateOf,
} from "../../sim/session.ts";
import type { Env, SeatId } from "../../sim/state.ts";
import type { Figure } from "./report.ts";

const TARGET_MS = 1000;
const SEEDS = [1, 2, 3, 4, 5];

/** A person's move in place of the AI's suggestion (undefined: take the suggestion). */
type Script = (session: Session) => EngineEvent | undefined;

/**
 * A contested record: a person chairing who tables, from the first round on, the Secretariat's text plus the
 * next measure up the ladder that is available at the scenario's date (drafts that allies break).
 */
const pushy: Script = (session) => {
  const s = stateOf(session);
  if (phaseOf(session) !== "consultation" || s.round < 1) return undefined;
  const top = Math.max(...s.proposal.map((m) => measureById(m).rank));
  const next = MEASURES.find((m) => m.rank > top && availableAt(m, session.env.scenario.date));
  return { type: "draft.table", by: "chair", measures: [...s.proposal, ...(next ? [next.id] : [])] };
};

/** A solo record as autoplay makes it: the AI plays the person's seat (unless scripted), the driver the rest. */
export function autoplayRecord(env: Env, seed: number, role: SeatId, script: Script = () => undefined): SessionRecord {
  const seats: SeatPlan =
    role === "chair" ? { role, chair: "human", humans: [] } : { role, chair: "ai", humans: [role] };
  let session = createSession(env, seed, seats);
  const record = newRecord(env, seed, seats);
  for (let i = 0; i < 3000; i++) {
    const event = script(session) ?? suggestMove(session, role) ?? nextSystemEvent(session);
    if (!event) break;
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`autoplay ${event.type} refused: ${result.reason}`);
    session = result.session;
    record.events.push(result.event);
  }
  return record;
}

/** The search on contested records (a pushy chair, seeds 1–3): the heavy case, with pairs tried. */
function contested(env: Env, id: string): Figure {
  const ms: number[] = [];
  const reruns: number[] = [];
  for (const seed of SEEDS.slice(0, 3)) {
    const record = autoplayRecord(env, seed, "chair", pushy);
    const t0 = performance.now();
    reruns.push(searchCounterfactuals(env, record).tried);
    ms.push(performance.now() - t0);
  }
  return {
    name: `${id}.counterfactual_contested_ms`,
    value: Math.round(median(ms)),
    unit: "ms",
    target: { value: TARGET_MS, better: "lower" },
    note: `median of 3 records of a chair tabling one measure more than the Secretariat's text; worst ${Math.round(Math.max(...ms))} ms; up to ${Math.max(...reruns)} reruns`,
  };
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
    figures.push(contested(env, id));
  }
  return figures;
}
