import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { applyEvent, createEnv, createSession, phaseOf, stateOf } from "../../src/sim/session.ts";
import { ok, refused, until } from "../support/drive.ts";

const scenario = bundledScenario("estonia-2007");
if (!scenario) throw new Error("no scenario");
const env = createEnv(scenario, bundledRoster());

const briefing = createSession(env, 2, { role: "chair", chair: "ai", humans: [] });
const consulting = until(briefing, "consultation");
const control = (ally: string, controller: "human" | "ai") => ({
  type: "seat.control",
  by: "system",
  ally,
  controller,
});

describe("seat.control", () => {
  it.each([
    ["briefing", briefing],
    ["consultation", consulting],
  ])("hands a seat to a person and back to the AI in the %s, refusing no-ops", (_phase, start) => {
    const phase = phaseOf(start);
    const taken = ok(applyEvent(start, control("EST", "human")));
    expect(stateOf(taken).humans).toEqual(["EST"]);
    expect(stateOf(taken).log.at(-1)).toEqual({
      k: "control",
      h: stateOf(start).hour,
      ally: "EST",
      controller: "human",
    });
    expect(phaseOf(taken)).toBe(phase);
    expect(stateOf(taken).rng).toEqual(stateOf(start).rng);
    expect(refused(applyEvent(taken, control("EST", "human")))).toBe("EST is already played by a person");

    const back = ok(applyEvent(taken, control("EST", "ai")));
    expect(stateOf(back).humans).toEqual([]);
    expect(stateOf(back).log.at(-1)).toMatchObject({ k: "control", ally: "EST", controller: "ai" });
    expect(refused(applyEvent(back, control("EST", "ai")))).toBe("EST is already played by the AI");
  });

  it("refuses strangers, other senders and a finished session", () => {
    expect(refused(applyEvent(briefing, control("AUS", "human")))).toBe("AUS has no seat in this Council");
    expect(refused(applyEvent(briefing, { ...control("EST", "human"), by: "EST" }))).toMatch(/malformed event: by/);
    expect(refused(applyEvent(briefing, { ...control("EST", "robot" as "ai") }))).toMatch(/malformed event/);
    const over = ok(applyEvent(consulting, { type: "session.end", by: "system" }));
    expect(refused(applyEvent(over, control("EST", "human")))).toMatch(/not allowed in the debrief/);
  });

  it("lets a person act for the seat only while they hold it", () => {
    const statement = { type: "consultation.statement", by: "EST", stance: "support", wants: [], rejects: [] };
    expect(refused(applyEvent(consulting, statement))).toBe("EST is played by the AI");
    const taken = ok(applyEvent(consulting, control("EST", "human")));
    expect(stateOf(ok(applyEvent(taken, statement))).log.at(-1)).toMatchObject({ k: "statement", by: "EST" });
  });
});

describe("facilitator.note", () => {
  it("logs the text, trimmed, in any phase before the end", () => {
    for (const start of [briefing, consulting]) {
      const noted = ok(applyEvent(start, { type: "facilitator.note", by: "system", text: "  Ten minutes left " }));
      expect(stateOf(noted).log.at(-1)).toEqual({ k: "note", h: stateOf(start).hour, text: "Ten minutes left" });
      expect(phaseOf(noted)).toBe(phaseOf(start));
      expect(stateOf(noted).rng).toEqual(stateOf(start).rng);
    }
  });

  it("refuses an empty or overlong note, and notes from anyone but the system", () => {
    const note = (text: string, by = "system") => applyEvent(consulting, { type: "facilitator.note", by, text });
    expect(refused(note("   "))).toMatch(/malformed event: text/);
    expect(refused(note("x".repeat(501)))).toMatch(/malformed event: text/);
    expect(refused(note("hello", "chair"))).toMatch(/malformed event: by/);
  });
});

describe("truth.reveal", () => {
  it("reveals once", () => {
    const revealed = ok(applyEvent(consulting, { type: "truth.reveal", by: "system" }));
    expect(stateOf(revealed).log.at(-1)).toEqual({ k: "reveal", h: stateOf(consulting).hour });
    expect(phaseOf(revealed)).toBe("consultation");
    expect(refused(applyEvent(revealed, { type: "truth.reveal", by: "system" }))).toBe("the truth is already revealed");
    const later = ok(applyEvent(revealed, { type: "facilitator.note", by: "system", text: "later" }));
    expect(refused(applyEvent(later, { type: "truth.reveal", by: "system" }))).toBe("the truth is already revealed");
    expect(stateOf(later).log.filter((e) => e.k === "reveal")).toHaveLength(1);
  });
});
