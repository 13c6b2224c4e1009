/**
 * Skill matters: the same crises played by the built-in bots in one seat, the built-in AI everywhere else.
 * The project's best play (`negotiator`) must beat plain play (`ai`) and the Secretariat's hint taken as it
 * stands (`secretariat`) in every historical case while plain play stays historical, pushing too hard (`maximalist`) must cost
 * Council decisions, and the Secretariat's hint must stay fair (never worse than plain play).
 * The figures behind these thresholds are printed by `npm run tournament` and recorded in docs/calibration.md.
 */
import { describe, expect, it } from "vitest";
import { meanValue, playSeeds, type Tally } from "../../src/cli/tournamentReport.ts";
import { BUILT_IN_BOTS } from "../../src/sim/bots/index.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { createEnv } from "../../src/sim/session.ts";
import type { SeatId } from "../../src/sim/state.ts";

const SEEDS = 60;
const HISTORICAL = ["estonia-2007", "notpetya-2017", "colonial-pipeline-2021"] as const;
const VICTIMS: Record<(typeof HISTORICAL)[number], SeatId> = {
  "estonia-2007": "EST",
  "notpetya-2017": "DNK",
  "colonial-pipeline-2021": "USA",
};

function tallies(id: string, seat: SeatId): Record<string, Tally> {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  const env = createEnv(scenario, bundledRoster());
  return Object.fromEntries(
    Object.entries(BUILT_IN_BOTS).map(([name, bot]) => [name, playSeeds(env, seat, bot, 1, SEEDS)]),
  );
}

const noDecision = (t: Tally | undefined) => (t ? (t.outcomes["no-consensus"] + t.outcomes.coalition) / t.runs : 0);
const mean = (t: Tally | undefined) => (t ? meanValue(t) : Number.NaN);

describe("skill matters", () => {
  const chair = Object.fromEntries(HISTORICAL.map((id) => [id, tallies(id, "chair")]));
  const victim = Object.fromEntries(HISTORICAL.map((id) => [id, tallies(id, VICTIMS[id])]));

  it("as chair, negotiator beats ai and secretariat by 0.2 or more in every historical case", () => {
    for (const id of HISTORICAL) {
      const t = chair[id] ?? {};
      expect(mean(t.negotiator), id).toBeGreaterThanOrEqual(Math.max(mean(t.ai), mean(t.secretariat)) + 0.2);
    }
  });

  it("historical cases stay historical under plain play: ai and secretariat chairs reach statements, no more", () => {
    for (const id of HISTORICAL) {
      const t = chair[id] ?? {};
      for (const bot of [t.ai, t.secretariat]) expect(mean(bot), id).toBeLessThanOrEqual(1.05);
    }
  });

  it("as chair, negotiator is never worse than plain play, and maximalist ends without a decision more often", () => {
    for (const id of HISTORICAL) {
      const t = chair[id] ?? {};
      expect(mean(t.negotiator)).toBeGreaterThanOrEqual(mean(t.ai));
      expect(noDecision(t.maximalist)).toBeGreaterThan(noDecision(t.negotiator));
    }
  });

  it("the Secretariat's suggestion is a fair hint: tabled unchanged, it does as well as plain play", () => {
    for (const id of HISTORICAL) {
      const t = chair[id] ?? {};
      expect(mean(t.secretariat)).toBeGreaterThanOrEqual(mean(t.ai) - 0.05);
    }
  });

  it("in the victim's seat, negotiator beats ai and secretariat by 0.1 or more in at least two cases", () => {
    const beaten = HISTORICAL.filter((id) => {
      const t = victim[id] ?? {};
      return mean(t.negotiator) >= Math.max(mean(t.ai), mean(t.secretariat)) + 0.1;
    });
    expect(beaten.length).toBeGreaterThanOrEqual(2);
  });
});
