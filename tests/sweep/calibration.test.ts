import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { createEnv } from "../../src/sim/session.ts";
import { study } from "../../src/sim/study.ts";

// History is the calibration set: with AI in every seat, the historical cases must rarely (history: never)
// end in Article 5, and the control case — a destructive, attributed attack on grids — must usually.
const SEEDS = 200;

function distribution(id: string) {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  return study(createEnv(scenario, bundledRoster()), 1, SEEDS);
}

describe("calibration against history", () => {
  for (const id of SCENARIO_IDS.filter((s) => s !== "control-article-5")) {
    it(`${id}: Article 5 in at most 20% of ${SEEDS} runs, and the modal outcome matches the record`, () => {
      const d = distribution(id);
      expect(d.runs).toBe(SEEDS);
      expect(d.article5 / d.runs).toBeLessThanOrEqual(0.2);
      expect(d.article4 / d.runs).toBeLessThanOrEqual(0.2); // history: no Article 4 either
      expect(d.modal).toBe("statements");
    });
  }

  it(`control-article-5: Article 5 in at least 80% of ${SEEDS} runs`, () => {
    const d = distribution("control-article-5");
    expect(d.article5 / d.runs).toBeGreaterThanOrEqual(0.8);
    expect(d.modal).toBe("article-5");
  });
});
