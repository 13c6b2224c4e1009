/**
 * The counterfactual search off the page's thread: receives a record's JSON, answers with the search's result
 * (or a sentence saying why there is none). Reads only bundled scenarios, like the game itself.
 */
import { bundledRoster, bundledScenario } from "../../sim/catalog.ts";
import { searchCounterfactuals } from "../../sim/counterfactual/search.ts";
import type { SearchResult } from "../../sim/counterfactual/types.ts";
import { parseRecord } from "../../sim/record.ts";
import { createEnv } from "../../sim/session.ts";

export type WorkerAnswer = { ok: true; result: SearchResult; ms: number } | { ok: false; error: string };

/** The record itself from a file that may carry more (a facilitator's export adds the people who played). */
function recordPart(data: unknown): unknown {
  if (typeof data !== "object" || data === null) return data;
  const { format, engine, scenario, seed, seats, events } = data as Record<string, unknown>;
  return { format, engine, scenario, seed, seats, events };
}

/** Runs the search for one record's JSON. */
export function answer(data: unknown): WorkerAnswer {
  try {
    const record = parseRecord(recordPart(data));
    const scenario = bundledScenario(record.scenario.id);
    if (!scenario) return { ok: false, error: `the scenario ${record.scenario.id} is not one this game ships` };
    const env = createEnv(scenario, bundledRoster());
    const t0 = performance.now();
    const result = searchCounterfactuals(env, record);
    return { ok: true, result, ms: performance.now() - t0 }; // the search itself, without loading the worker
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

if (typeof self !== "undefined" && typeof document === "undefined")
  self.onmessage = (e: MessageEvent<unknown>) => self.postMessage(answer(e.data));
