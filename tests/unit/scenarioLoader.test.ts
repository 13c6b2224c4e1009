import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { parseScenario, ScenarioError } from "../../src/sim/scenarioLoader.ts";

const roster = bundledRoster();
const estonia = JSON.parse(readFileSync("scenarios/estonia-2007.json", "utf8"));
const clone = () => structuredClone(estonia);

function problemOf(mutate: (s: Record<string, unknown> & typeof estonia) => unknown): { path: string; reason: string } {
  const s = clone();
  mutate(s);
  try {
    parseScenario(JSON.stringify(s), "bad.json", roster);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    const e = err as ScenarioError;
    expect(e.file).toBe("bad.json");
    expect(e.message.startsWith("bad.json: ")).toBe(true);
    expect(e.message).not.toMatch(/\n\s+at /); // no stack trace in the message
    const first = e.problems[0];
    if (!first) throw new Error("no problem reported");
    return first;
  }
  throw new Error("the malformed scenario was accepted");
}

describe("scenario validation", () => {
  it("loads every bundled scenario", () => {
    for (const id of SCENARIO_IDS) expect(bundledScenario(id)?.id).toBe(id);
  });
  it("still accepts a scenario in the format before named adversaries", () => {
    const s = clone();
    delete s.adversary.state;
    delete s.adversary.stateName;
    const parsed = parseScenario(JSON.stringify(s), "old.json", roster);
    expect(parsed.adversary).toEqual({ name: "the Russian Federation", resolve: 0.6, escalation: 0.4 });
  });
  it("rejects text that is not JSON, naming the file", () => {
    expect(() => parseScenario("{ not json", "broken.json", roster)).toThrow(/^broken\.json: \$: not valid JSON/);
  });
  it.each([
    ["a wrong type", (s: typeof estonia) => (s.injects[0].day = "zero"), "$.injects[0].day", /number/],
    ["a missing field", (s: typeof estonia) => delete s.history, "$.history", /object/],
    ["an unknown measure", (s: typeof estonia) => (s.history.measures = ["nukes"]), "$.history.measures[0]", /concern/],
    [
      "an unknown ally code",
      (s: typeof estonia) => (s.injects[0].targets = ["XYZ"]),
      "$.injects[0].targets[0]",
      /unknown ally code XYZ/,
    ],
    [
      "an ally not yet a member",
      (s: typeof estonia) => (s.injects[0].targets = ["FIN"]),
      "$.injects[0].targets[0]",
      /FIN was not an ally on 2007-04-27/,
    ],
    [
      "a bad range",
      (s: typeof estonia) => (s.injects[0].effects.disruption = [0.9, 0.1]),
      "$.injects[0].effects.disruption",
      /low <= high/,
    ],
    ["an unexpected key", (s: typeof estonia) => (s.surprise = 1), "$", /surprise/],
    ["a duplicate id", (s: typeof estonia) => (s.injects[1].id = s.injects[0].id), "$.injects[1].id", /duplicate id/],
    [
      "a false flag that reveals nothing",
      (s: typeof estonia) => {
        s.injects[0].evidence[0].kind = "falseFlag";
        delete s.injects[0].evidence[0].reveals;
      },
      "$.injects[0].evidence[0].reveals",
      /false flag/,
    ],
    [
      "an adversary state that is not an alpha-3 code",
      (s: typeof estonia) => (s.adversary.state = "Russia"),
      "$.adversary.state",
      /ISO 3166 alpha-3/,
    ],
    [
      "a state name without its code",
      (s: typeof estonia) => delete s.adversary.state,
      "$.adversary.state",
      /stateName needs/,
    ],
    ["an impossible date", (s: typeof estonia) => (s.date = "2007-02-30"), "$.date", /real calendar date/],
  ])("rejects %s with the JSON path and the reason", (_name, mutate, path, reason) => {
    const p = problemOf(mutate);
    expect(p.path).toBe(path);
    expect(p.reason).toMatch(reason);
  });
});
