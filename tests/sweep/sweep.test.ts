import { describe, expect, it } from "vitest";
import { runToEnd } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { createEnv, createSession, phaseOf, stateOf } from "../../src/sim/session.ts";
import { summarize } from "../../src/sim/summary.ts";

// Every scenario × many seats and seeds: each run ends in a debrief with sane, consistent numbers.
const SEEDS = 60;

describe.each(SCENARIO_IDS)("sweep of %s", (id) => {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  const env = createEnv(scenario, bundledRoster());
  const roles = ["chair", ...env.profiles.slice(0, 4).map((p) => p.code)];

  it(`reaches the debrief for ${SEEDS} seeds × ${roles.length} roles with consistent summaries`, () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      for (const role of roles) {
        const { session, events } = runToEnd(createSession(env, seed, { role, chair: "ai", humans: [] }));
        expect(phaseOf(session)).toBe("debrief");
        expect(events.length).toBeLessThan(200);
        const s = stateOf(session);
        const summary = summarize(session);
        outcomes.add(summary.outcome);
        for (const v of Object.values(summary.scores)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(s.injects.length).toBeGreaterThanOrEqual(1);
        expect(s.reactions).toHaveLength(s.cycle);
        expect(s.cycle).toBe(s.injects.length); // no optional injects in all-AI play
        for (const d of s.decisions) expect(d.adopted).toBe(d.brokenBy.length === 0 && d.measures.length > 0);
        for (const a of s.allies) {
          expect(a.severity).toBeGreaterThanOrEqual(0);
          expect(a.severity).toBeLessThanOrEqual(1);
        }
        expect(s.hour).toBeGreaterThanOrEqual(s.injects[s.injects.length - 1]?.startHour ?? 0);
      }
    }
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  });
});
