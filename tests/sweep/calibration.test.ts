import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { outcomeClassOf } from "../../src/sim/scoring.ts";
import { createEnv } from "../../src/sim/session.ts";
import { study } from "../../src/sim/study.ts";

// History is the calibration set. With AI in every seat over 200 seeds, each historical case must adopt
// measure by measure what the record says (mean Jaccard similarity >= 0.75), end most often in the record's
// outcome class, and still differ from seed to seed (no adopted set in more than 95% of runs). The control
// case — a destructive, attributed attack on grids — must usually reach Article 5.
const SEEDS = 200;

function distribution(id: string) {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  return { scenario, d: study(createEnv(scenario, bundledRoster()), 1, SEEDS) };
}

describe("calibration against history", () => {
  for (const id of SCENARIO_IDS.filter((s) => bundledScenario(s)?.kind === "historical")) {
    it(`${id}: measures match the record, the record's outcome is modal, and seeds differ`, () => {
      const { scenario, d } = distribution(id);
      expect(d.runs).toBe(SEEDS);
      expect(d.jaccard).toBeGreaterThanOrEqual(0.75);
      expect(d.modal).toBe(outcomeClassOf(scenario.history.measures));
      expect(d.topSetShare).toBeLessThanOrEqual(0.95);
      expect(d.article5 / d.runs).toBeLessThanOrEqual(0.05); // history: never
      expect(d.article4 / d.runs).toBeLessThanOrEqual(0.2); // history: never; a pressed victim sometimes asks
    });
  }

  it(`control-article-5: Article 5 in at least 80% of ${SEEDS} runs`, () => {
    const { d } = distribution("control-article-5");
    expect(d.article5 / d.runs).toBeGreaterThanOrEqual(0.8);
    expect(d.modal).toBe("article-5");
  });
});
