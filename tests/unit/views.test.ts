import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { applyEvent, createEnv, createSession, stateHash, stateOf } from "../../src/sim/session.ts";
import { NEUTRAL_PARAMS } from "../../src/sim/severity.ts";
import { NO_SWAY } from "../../src/sim/stance.ts";
import type { SessionState } from "../../src/sim/state.ts";
import { commonEvidence, redactState, truthRevealed } from "../../src/sim/views.ts";
import { ok, until } from "../support/drive.ts";

const scenario = bundledScenario("estonia-2007");
if (!scenario) throw new Error("no scenario");
const env = createEnv(scenario, bundledRoster());
const ZERO_RNG = { c: 0, s0: 0, s1: 0, s2: 0 };

/** Consultation after the attribution window: allies hold different evidence and believe different things. */
const consulting = until(createSession(env, 4, { role: "EST", chair: "ai", humans: ["EST"] }), "consultation");
const state = stateOf(consulting);

describe("redactState", () => {
  it("starts from a state worth hiding", () => {
    const common = commonEvidence(state);
    expect(state.allies.some((a) => a.held.length > common.length)).toBe(true);
    expect(new Set(state.allies.map((a) => a.belief.join())).size).toBeGreaterThan(1);
  });

  it("hides evidence that has not surfaced yet", () => {
    const early = stateOf(until(createSession(env, 4, { role: "EST", chair: "ai", humans: ["EST"] }), "incident"));
    const pending = early.injects.flatMap((i) => i.evidence).filter((e) => !e.delivered);
    expect(pending.length).toBeGreaterThan(0);
    const shown = redactState(early, "EST").injects.flatMap((i) => i.evidence);
    expect(shown.every((e) => e.delivered)).toBe(true);
    expect(shown).toHaveLength(early.injects.flatMap((i) => i.evidence).length - pending.length);
  });

  it("gives the facilitator the state itself", () => {
    expect(redactState(state, "facilitator")).toBe(state);
  });

  it.each(["EST", "LVA", "chair", "public"])("shows %s only its own ally's private state", (audience) => {
    const before = stateHash(consulting);
    const seen: SessionState = redactState(state, audience);
    const common = commonEvidence(state);
    state.allies.forEach((ally, i) => {
      const shown = seen.allies[i];
      if (ally.code === audience) expect(shown).toEqual(ally);
      else {
        expect(shown).toEqual({
          ...ally,
          params: NEUTRAL_PARAMS,
          sway: NO_SWAY,
          belief: [0, 0, 0, 0],
          held: common,
          assisted: false,
        });
        expect(shown?.held).not.toBe(ally.held); // a copy, not the engine's array
      }
    });
    expect(seen.seed).toBe(0);
    expect(seen.rng).toEqual(ZERO_RNG);
    seen.injects.forEach((inject, i) => {
      expect(inject.evidence).toEqual(state.injects[i]?.evidence.filter((e) => e.delivered));
    });
    expect(seen.log).toEqual(state.log);
    expect(seen.talks.every((t) => t.by === audience || t.with === audience)).toBe(true);
    expect(stateHash(consulting)).toBe(before); // the engine's state is untouched
  });

  it("tells the seed once the session is over, never the generator", () => {
    const over = stateOf(ok(applyEvent(consulting, { type: "session.end", by: "system" })));
    expect(over.outcome).not.toBeNull();
    const seen = redactState(over, "public");
    expect(seen.seed).toBe(4);
    expect(seen.rng).toEqual(ZERO_RNG);
    expect(seen.allies.every((a) => a.belief.every((w) => w === 0))).toBe(true);
  });
});

describe("commonEvidence and truthRevealed", () => {
  it("finds what every ally holds", () => {
    const common = commonEvidence(state);
    for (const id of common) expect(state.allies.every((a) => a.held.includes(id))).toBe(true);
    expect(commonEvidence({ ...state, allies: [] })).toEqual([]);
  });

  it("says the truth is out after a reveal or at the end, not before", () => {
    expect(truthRevealed(state)).toBe(false);
    const revealed = ok(applyEvent(consulting, { type: "truth.reveal", by: "system" }));
    expect(truthRevealed(stateOf(revealed))).toBe(true);
    const ended = ok(applyEvent(consulting, { type: "session.end", by: "system" }));
    expect(truthRevealed(stateOf(ended))).toBe(true);
  });
});
