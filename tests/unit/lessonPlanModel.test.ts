/**
 * Lesson plans: for every bundled scenario and every lesson length the phases add up to the lesson, the
 * timers are ones the server accepts, and a session run by the server's own clock (every timed step waits
 * its full time, as src/server/pacer.ts says) fits the plan's crisis minutes. Also the progress readings.
 */
import { describe, expect, it } from "vitest";
import { timerSettingsSchema } from "../../src/net/protocol.ts";
import { stepDelayMs } from "../../src/server/pacer.ts";
import { nextSystemEvent } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { applyParsed, createEnv, createSession, phaseOf } from "../../src/sim/session.ts";
import type { Env } from "../../src/sim/state.ts";
import {
  cycleSeconds,
  cycleShape,
  LESSON_MINUTES,
  type LessonMinutes,
  planLesson,
  planProgress,
} from "../../src/ui/classroom/lessonPlanModel.ts";

const envOf = (id: string): Env => {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  return createEnv(scenario, bundledRoster());
};

/** Seconds the server's clock waits over a whole session with AI everywhere, with these timers. */
function clockSeconds(env: Env, seed: number, timers: Parameters<typeof stepDelayMs>[2]): number {
  let session = createSession(env, seed, { role: "chair", chair: "ai", humans: [] });
  let ms = 0;
  for (let i = 0; i < 5000; i++) {
    const event = nextSystemEvent(session);
    if (!event) break;
    ms += stepDelayMs(phaseOf(session), event.type, timers) ?? 0;
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(result.reason);
    session = result.session;
  }
  expect(phaseOf(session)).toBe("debrief");
  return ms / 1000;
}

describe.each(SCENARIO_IDS)("lesson plans for %s", (id) => {
  const env = envOf(id);

  it.each(LESSON_MINUTES)("a %i-minute lesson adds up and its timers fit", (minutes) => {
    for (const seed of [1, 2, 3]) {
      const plan = planLesson(env, seed, minutes as LessonMinutes);
      expect(plan.phases.reduce((sum, p) => sum + p.minutes, 0)).toBe(minutes);
      expect(plan.phases[0]?.kind).toBe("briefing");
      expect(plan.phases.at(-1)?.kind).toBe("debrief");
      expect(plan.phases.filter((p) => p.kind === "cycle")).toHaveLength(plan.played);
      expect(timerSettingsSchema.parse(plan.timers)).toEqual(plan.timers);
      const shape = cycleShape(env, seed);
      expect(cycleSeconds(shape, plan.timers)).toBeLessThanOrEqual(plan.cycleMinutes * 60);
      // The server's clock, every step at its full time: the whole crisis fits the plan's crisis minutes.
      if (plan.played === shape.cycles)
        expect(clockSeconds(env, seed, plan.timers)).toBeLessThanOrEqual(plan.crisisMinutes * 60);
    }
  });

  it("gives longer lessons longer rounds, never shorter reading or silence", () => {
    const plans = LESSON_MINUTES.map((m) => planLesson(env, 1, m as LessonMinutes).timers);
    for (let i = 1; i < plans.length; i++) {
      const [before, after] = [plans[i - 1], plans[i]];
      if (!before || !after) throw new Error("no plan");
      expect(after.roundSeconds).toBeGreaterThanOrEqual(before.roundSeconds);
      expect(after.incidentSeconds).toBeGreaterThanOrEqual(before.incidentSeconds);
      expect(after.silenceSeconds).toBeGreaterThanOrEqual(before.silenceSeconds);
    }
    expect(plans.at(-1)?.roundSeconds).toBeGreaterThan(plans[0]?.roundSeconds ?? 0);
  });
});

describe("planProgress", () => {
  const plan = planLesson(envOf("estonia-2007"), 1, 45); // 7 briefing, cycles of 9, 9 and 10, 10 debrief
  const min = 60_000;
  const t0 = 1_000_000;

  it("reads the plan's minutes", () => {
    expect(plan.phases.map((p) => p.minutes)).toEqual([7, 9, 9, 10, 10]);
  });

  it("is on time in the first cycle", () => {
    const p = planProgress(plan, { now: t0 + 4 * min, startedAt: t0, cycle: 1, cycleStartedAt: t0 });
    expect(p).toEqual({
      crisisLeftMs: 24 * min,
      lessonLeftMs: 34 * min,
      cycleLeftMs: 5 * min,
      behindMs: 0,
      beyondPlan: false,
    });
  });

  it("counts how far behind a late cycle is, and what is left of its own time", () => {
    // Cycle 2 began at minute 12 (3 late); the plan ended it at minute 18; now it is minute 20.
    const p = planProgress(plan, { now: t0 + 20 * min, startedAt: t0, cycle: 2, cycleStartedAt: t0 + 12 * min });
    expect(p.behindMs).toBe(2 * min);
    expect(p.cycleLeftMs).toBe(1 * min);
    expect(p.crisisLeftMs).toBe(8 * min);
  });

  it("goes negative past the crisis minutes", () => {
    const p = planProgress(plan, { now: t0 + 30 * min, startedAt: t0, cycle: 3, cycleStartedAt: t0 + 19 * min });
    expect(p.crisisLeftMs).toBe(-2 * min);
    expect(p.behindMs).toBe(2 * min);
  });
});
