/** Resolves a scenario argument (a bundled id or a file path) for the command-line tools. */
import { readFileSync } from "node:fs";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../sim/catalog.ts";
import { parseScenario } from "../sim/scenarioLoader.ts";
import type { Scenario } from "../sim/scenarioSchema.ts";

/** Thrown for problems a user can fix: the message is one line and names the file or argument. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Loads a bundled scenario by id, or a scenario file by path. Throws UsageError or ScenarioError. */
export function loadScenario(arg: string): Scenario {
  if (!arg.endsWith(".json") && !arg.includes("/")) {
    const scenario = bundledScenario(arg);
    if (!scenario) throw new UsageError(`unknown scenario "${arg}"; bundled: ${SCENARIO_IDS.join(", ")}`);
    return scenario;
  }
  return parseScenario(readText(arg), arg, bundledRoster());
}

/** Reads a text file, turning file-system errors into one-line usage errors. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot read file${code ? ` (${code})` : ""}`);
  }
}
