/**
 * Game length: minutes a solo game takes at each pace, for each bundled scenario — autoplayed games (the `ai`
 * bot in the chair) mapped to wall time by the pace model, the median over 50 seeds. The target is the range
 * on the scenario card (its upper end for relaxed is not a promise; the standard pace is what the card states).
 */
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { createEnv } from "../../sim/session.ts";
import { PACES } from "../../ui/pace.ts";
import { cardRange, gameLengths, lengthSeeds } from "../../ui/paceModel.ts";
import type { Figure } from "./report.ts";

const SEEDS = 50;

/** One figure per scenario and pace; standard is measured against the card's range (its lower and upper end). */
export function gameLengthBenchmarks(): Figure[] {
  const figures: Figure[] = [];
  for (const id of SCENARIO_IDS) {
    const scenario = bundledScenario(id);
    if (!scenario) throw new Error(id);
    const minutes = gameLengths(createEnv(scenario, bundledRoster()), lengthSeeds(SEEDS));
    const range = cardRange(scenario.length);
    for (const pace of PACES) {
      const value = Math.round(minutes[pace] * 10) / 10;
      const note = `median of ${SEEDS} autoplayed games as chair; card: ${scenario.length}`;
      if (pace !== "standard" || !range) {
        figures.push({ name: `${id}.game_length_${pace}`, value, unit: "min", note });
        continue;
      }
      figures.push({
        name: `${id}.game_length_standard`,
        value,
        unit: "min",
        target: { value: range.min, better: "higher" },
        note,
      });
      figures.push({
        name: `${id}.game_length_standard_vs_card_max`,
        value,
        unit: "min",
        target: { value: range.max, better: "lower" },
        note: "the same median, against the card's upper end",
      });
    }
  }
  return figures;
}
