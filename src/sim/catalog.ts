/** The scenarios and roster that ship with the game, validated on first use. */
import rosterData from "../../scenarios/allies.json" with { type: "json" };
import colonial from "../../scenarios/colonial-pipeline-2021.json" with { type: "json" };
import control from "../../scenarios/control-article-5.json" with { type: "json" };
import estonia from "../../scenarios/estonia-2007.json" with { type: "json" };
import notpetya from "../../scenarios/notpetya-2017.json" with { type: "json" };
import { validateRoster, validateScenario } from "./scenarioLoader.ts";
import type { Roster, Scenario } from "./scenarioSchema.ts";

const FILES: Record<string, unknown> = {
  "estonia-2007": estonia,
  "notpetya-2017": notpetya,
  "colonial-pipeline-2021": colonial,
  "control-article-5": control,
};

/** Ids of the bundled scenarios, in play order. */
export const SCENARIO_IDS: readonly string[] = Object.keys(FILES);

let roster: Roster | undefined;
const scenarios = new Map<string, Scenario>();

/** The ally roster (all 32 allies with their stylized profiles). */
export function bundledRoster(): Roster {
  roster ??= validateRoster(rosterData, "scenarios/allies.json");
  return roster;
}

/** A bundled scenario by id; undefined when there is none. Throws ScenarioError if the file is malformed. */
export function bundledScenario(id: string): Scenario | undefined {
  const cached = scenarios.get(id);
  if (cached) return cached;
  if (!Object.hasOwn(FILES, id)) return undefined; // "constructor" and friends are not scenarios
  const data = FILES[id];
  const scenario = validateScenario(data, `scenarios/${id}.json`, bundledRoster());
  scenarios.set(id, scenario);
  return scenario;
}
