import { getMessageBytes, Protocol } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { isViewFrame, peekView } from "../../src/cli/bench/peekView.ts";
import { nextSystemEvent } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { applyParsed, createEnv, createSession, phaseOf, stateOf } from "../../src/sim/session.ts";
import { redactState } from "../../src/sim/views.ts";

const frame = (message: unknown, type = "view") => getMessageBytes.raw(Protocol.ROOM_DATA, type, message);

describe("peekView (the load clients' view reader)", () => {
  it("reads seq, phase and state.round past values of every msgpack kind", () => {
    const odd = {
      text: "x".repeat(300),
      long: "y".repeat(70_000),
      bytes: new Uint8Array(300),
      numbers: [0, -1, -33, 127, 128, 255, 256, 65_535, 65_536, -129, -40_000, 2 ** 40, 1.5, Number.MAX_VALUE],
      flags: [true, false, null, undefined],
      nested: { list: Array.from({ length: 70 }, (_, i) => ({ i })), empty: {} },
    };
    const view = { code: "ABCDEF", odd, seq: 70_000, phase: "consultation", state: { odd, round: 2, after: odd } };
    expect(isViewFrame(frame(view))).toBe(true);
    expect(peekView(frame(view))).toEqual({ seq: 70_000, phase: "consultation", round: 2 });
  });

  it("reads a real session state, and tells other messages apart", () => {
    const scenario = bundledScenario("control-article-5");
    if (!scenario) throw new Error("no scenario");
    let session = createSession(createEnv(scenario, bundledRoster()), 3, { role: "chair", chair: "ai", humans: [] });
    for (let i = 0; i < 8; i++) {
      const event = nextSystemEvent(session);
      const result = event && applyParsed(session, event);
      if (result?.ok) session = result.session;
    }
    const { log, ...state } = redactState(stateOf(session), "EST");
    const view = {
      code: "ABCDEF",
      scenario: scenario.id,
      seq: 8,
      phase: phaseOf(session),
      state,
      log: { from: 0, entries: log },
    };
    expect(peekView(frame(view))).toEqual({ seq: 8, phase: phaseOf(session), round: state.round });
    expect(isViewFrame(frame(view, "result"))).toBe(false);
    expect(isViewFrame(frame(view, "views"))).toBe(false);
  });
});
