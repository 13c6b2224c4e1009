/**
 * The counterfactual search off the page's thread: receives a parsed record with its scenario and roster (the
 * page has validated both already, so the worker loads neither the bundled files nor their checks) and answers
 * with the search's result, or a sentence saying why there is none.
 */
import { searchCounterfactuals } from "../../sim/counterfactual/search.ts";
import type { SearchResult } from "../../sim/counterfactual/types.ts";
import type { SessionRecord } from "../../sim/record.ts";
import type { Roster, Scenario } from "../../sim/scenarioSchema.ts";
import { createEnv } from "../../sim/session.ts";

export interface WorkerQuestion {
  record: SessionRecord;
  scenario: Scenario;
  roster: Roster;
}

export type WorkerAnswer = { ok: true; result: SearchResult; ms: number } | { ok: false; error: string };

/** Runs the search for one record. */
export function answer(q: WorkerQuestion): WorkerAnswer {
  try {
    const env = createEnv(q.scenario, q.roster);
    const t0 = performance.now();
    const result = searchCounterfactuals(env, q.record);
    return { ok: true, result, ms: performance.now() - t0 }; // the search itself, without loading the worker
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

if (typeof self !== "undefined" && typeof document === "undefined")
  self.onmessage = (e: MessageEvent<WorkerQuestion>) => self.postMessage(answer(e.data));
