import { describe, expect, it } from "vitest";
import { nextSystemEvent } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import {
  applyEvent,
  createEnv,
  createSession,
  phaseOf,
  type SeatPlan,
  stateHash,
  stateOf,
} from "../../src/sim/session.ts";
import { ok, until } from "../support/drive.ts";

function env(id: string) {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  return createEnv(scenario, bundledRoster());
}
const humanEstonia: SeatPlan = { role: "EST", chair: "ai", humans: ["EST"] };
const humanChair: SeatPlan = { role: "chair", chair: "human", humans: [] };

describe("who may act", () => {
  const e = env("estonia-2007");
  it("refuses an action for an ally the AI plays, and leaves the state untouched", () => {
    const s = until(createSession(e, 1, humanEstonia), "attribution");
    const r = applyEvent(s, { type: "article4.request", by: "LVA" });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.reason).toBe("LVA is played by the AI");
    expect(stateHash(r.session)).toBe(stateHash(s));
  });
  it("refuses an ally with no seat on the scenario's date", () => {
    const s = until(createSession(e, 1, humanEstonia), "attribution");
    const r = applyEvent(s, { type: "intel.share", by: "EST", to: ["FIN"] });
    expect(r.ok ? "" : r.reason).toBe("FIN has no seat in this Council");
  });
  it("refuses chair actions when the AI chairs", () => {
    const s = until(createSession(e, 1, humanEstonia), "consultation");
    const r = applyEvent(s, { type: "draft.table", by: "chair", measures: ["concern"] });
    expect(r.ok ? "" : r.reason).toBe("the chair is played by the AI");
  });
  it("refuses an event outside its phase and malformed events, saying why", () => {
    const s = until(createSession(e, 1, humanEstonia), "attribution");
    const wrongPhase = applyEvent(s, { type: "silence.break", by: "EST", reason: "no" });
    expect(wrongPhase.ok ? "" : wrongPhase.reason).toBe("silence.break is not allowed in the attribution phase");
    for (const bad of [null, 42, "x", {}, { type: "ai.round" }, { type: "draft.table", by: "chair", measures: [] }]) {
      const r = applyEvent(s, bad);
      expect(r.ok).toBe(false);
      expect(r.ok ? "" : r.reason).toMatch(/^malformed event/);
    }
  });
});

describe("a human ally", () => {
  it("breaks silence and the draft falls; the Council returns to consultation", () => {
    let s = until(createSession(env("estonia-2007"), 2, humanEstonia), "decision");
    s = ok(applyEvent(s, { type: "silence.break", by: "EST", reason: "Too weak: we need Article 4." }));
    expect(stateOf(s).draft?.breaks).toEqual([{ by: "EST", reason: "Too weak: we need Article 4.", measures: [] }]);
    const again = applyEvent(s, { type: "silence.break", by: "EST", reason: "twice" });
    expect(again.ok ? "" : again.reason).toBe("EST has already broken silence");
    s = ok(applyEvent(s, { type: "silence.deadline", by: "system" }));
    const last = stateOf(s).decisions.at(-1);
    expect(last?.adopted).toBe(false);
    expect(last?.brokenBy).toContain("EST");
    expect(phaseOf(s)).toBe("consultation");
  });
  it("requests Article 4 consultations, which the Council then holds", () => {
    let s = until(createSession(env("estonia-2007"), 2, humanEstonia), "attribution");
    s = ok(applyEvent(s, { type: "article4.request", by: "EST" }));
    expect(stateOf(s).article4).toEqual({ held: true, requestedBy: ["EST"] });
  });
  it("states a position that the AI chair reads: a rejected measure leaves the working text", () => {
    let s = until(
      createSession(env("control-article-5"), 1, { role: "HUN", chair: "ai", humans: ["HUN"] }),
      "consultation",
    );
    s = ok(
      applyEvent(s, {
        type: "consultation.statement",
        by: "HUN",
        stance: "oppose",
        wants: [],
        rejects: ["article5", "assistance"],
      }),
    );
    for (let i = 0; i < 10 && phaseOf(s) === "consultation"; i++) {
      const ev = nextSystemEvent(s);
      if (!ev) break;
      s = ok(applyEvent(s, ev));
    }
    const tabled = stateOf(s).draft?.measures ?? stateOf(s).decisions.at(-1)?.measures ?? [];
    expect(tabled).not.toContain("assistance");
  });
});

describe("a human chair", () => {
  it("tables a draft that goes under the silence procedure", () => {
    let s = until(createSession(env("colonial-pipeline-2021"), 1, humanChair), "consultation");
    s = ok(applyEvent(s, { type: "draft.table", by: "chair", measures: ["concern", "solidarity", "assistance"] }));
    expect(phaseOf(s)).toBe("decision");
    expect(stateOf(s).draft?.measures).toEqual(["concern", "solidarity", "assistance"]);
  });
  it("cannot table a measure that was not in NATO's toolbox on the scenario's date", () => {
    const s = until(createSession(env("notpetya-2017"), 1, humanChair), "consultation");
    const r = applyEvent(s, { type: "draft.table", by: "chair", measures: ["countermeasures"] });
    expect(r.ok ? "" : r.reason).toMatch(/Sovereign cyber countermeasures is not in NATO's toolbox on 2017-06-27/);
    // Defensive cyber operations only in their softer text, which is older.
    const d = applyEvent(s, { type: "draft.table", by: "chair", measures: ["defensiveCyber"] });
    expect(d.ok ? "" : d.reason).toMatch(/can only be tabled as “Share threat indicators across allied networks”/);
  });
  it("must table or close once the consultation rounds are spent", () => {
    let s = until(createSession(env("colonial-pipeline-2021"), 1, humanChair), "consultation");
    for (let i = 0; i < 10; i++) {
      const ev = nextSystemEvent(s);
      if (!ev) break;
      s = ok(applyEvent(s, ev));
    }
    expect(nextSystemEvent(s)).toBeNull();
    const r = applyEvent(s, { type: "ai.round", by: "system" });
    expect(r.ok ? "" : r.reason).toMatch(/rounds are spent/);
    s = ok(applyEvent(s, { type: "consultation.close", by: "chair" }));
    expect(phaseOf(s)).toBe("response");
  });
  it("can send the Council back to attribution to wait for evidence", () => {
    let s = until(createSession(env("estonia-2007"), 1, humanChair), "consultation");
    s = ok(applyEvent(s, { type: "phase.attribution", by: "chair" }));
    expect(phaseOf(s)).toBe("attribution");
  });
});

describe("the facilitator's optional injects", () => {
  it("plays an optional inject once, joining the current cycle", () => {
    const e = env("estonia-2007");
    const optional = e.scenario.optionalInjects[0];
    if (!optional) throw new Error("no optional inject");
    let s = until(createSession(e, 1, humanChair), "attribution");
    s = ok(applyEvent(s, { type: "inject.play", by: "system", inject: optional.id }));
    expect(phaseOf(s)).toBe("incident");
    expect(stateOf(s).injects.at(-1)?.id).toBe(optional.id);
    expect(stateOf(s).cycle).toBe(1);
    s = until(s, "attribution");
    const twice = applyEvent(s, { type: "inject.play", by: "system", inject: optional.id });
    expect(twice.ok ? "" : twice.reason).toMatch(/already been played/);
  });
});

describe("a cycle with an optional inject", () => {
  it("ends with exactly one adversary response per cycle", () => {
    const e = env("estonia-2007");
    const optional = e.scenario.optionalInjects[0];
    if (!optional) throw new Error("no optional inject");
    let s = until(createSession(e, 1, { role: "chair", chair: "ai", humans: [] }), "attribution");
    s = ok(applyEvent(s, { type: "inject.play", by: "system", inject: optional.id }));
    s = until(s, "debrief");
    const st = stateOf(s);
    expect(st.reactions).toHaveLength(st.cycle);
    expect(st.cycle).toBe(st.injects.length - 1);
    expect(new Set(st.decisions.map((d) => d.cycle)).size).toBe(st.cycle);
  });
});
