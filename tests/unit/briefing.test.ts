/**
 * The chair's briefings of the whole Council, and wordings that enter NATO's toolbox before the rest of their
 * measure (sharing threat indicators before defensive cyber operations).
 */
import { describe, expect, it } from "vitest";
import { legalMoves } from "../../src/sim/bots/bot.ts";
import { judgeOne } from "../../src/sim/council.ts";
import { describeEntry } from "../../src/sim/explain.ts";
import { defaultWording, hasWording, MEASURES, wordingsAt } from "../../src/sim/measures.ts";
import { BRIEFING_COST, TALK_HOURS } from "../../src/sim/negotiation.ts";
import { applyEvent, createSession, type SeatPlan, stateHash, stateOf } from "../../src/sim/session.ts";
import { ok, refused, until } from "../support/drive.ts";
import { envOf } from "../support/fixtures.ts";

const humanChair: SeatPlan = { role: "chair", chair: "human", humans: [] };

describe("wordings by date", () => {
  it("offers only the softer text of a measure whose standard text comes later", () => {
    expect(wordingsAt("defensiveCyber", "2007-04-27")).toEqual(["soft"]);
    expect(defaultWording("defensiveCyber", "2007-04-27")).toBe("soft");
    expect(wordingsAt("defensiveCyber", "2021-05-07")).toEqual(["soft", "standard", "strong"]);
    expect(wordingsAt("countermeasures", "2007-04-27")).toEqual([]);
    // Every measure without its own earlier date keeps all its wordings or none together.
    for (const m of MEASURES.filter((x) => !x.softSince))
      for (const date of ["2007-04-27", "2017-06-27"])
        expect(hasWording(m.id, "soft", date) && !hasWording(m.id, "standard", date), m.id).toBe(false);
  });

  it("judges the softer text on its own date and refuses the standard one with a reason", () => {
    const e = envOf("estonia-2007");
    const s = stateOf(until(createSession(e, 4, humanChair), "consultation"));
    const codes = (w: "soft" | "standard") =>
      judgeOne(e, s, 0, ["defensiveCyber"], { defensiveCyber: w })
        .judgements.find((j) => j.measure === "defensiveCyber")
        ?.reasons.map((r) => r.code) ?? [];
    expect(codes("standard")).toContain("not_available");
    expect(codes("soft")).not.toContain("not_available");
  });

  it("lets a chair table it only in the wording the toolbox has", () => {
    const e = envOf("estonia-2007");
    const s = until(createSession(e, 4, humanChair), "consultation");
    const spec = legalMoves(s, "chair").find((m) => m.type === "draft.table");
    expect(spec?.type === "draft.table" && spec.wordings.defensiveCyber).toEqual(["soft"]);
    const standard = applyEvent(s, { type: "draft.table", by: "chair", measures: ["concern", "defensiveCyber"] });
    expect(refused(standard)).toMatch(/only be tabled as “Share threat indicators across allied networks”/);
    ok(
      applyEvent(s, {
        type: "draft.table",
        by: "chair",
        measures: ["concern", "defensiveCyber"],
        wording: { defensiveCyber: "soft" },
      }),
    );
    expect(refused(applyEvent(s, { type: "draft.table", by: "chair", measures: ["countermeasures"] }))).toMatch(
      /not in NATO's toolbox on 2007-04-27/,
    );
  });
});

describe("the chair's briefings", () => {
  const e = envOf("estonia-2007");
  const start = () => until(createSession(e, 4, humanChair), "consultation");

  it("move exactly the allies whose profile the argument reaches, for capital and game time", () => {
    const s = start();
    const before = stateOf(s);
    const after = stateOf(ok(applyEvent(s, { type: "chair.brief", by: "chair", argument: "legal" })));
    expect(after.capital.chair).toBe((before.capital.chair ?? 0) - BRIEFING_COST);
    expect(after.hour).toBe(before.hour + TALK_HOURS);
    const entry = after.log[after.log.length - 1];
    expect(entry?.k).toBe("briefing");
    const moved = after.allies.filter((a, i) => a.sway.severity > (before.allies[i]?.sway.severity ?? 0));
    const reached = before.allies.filter((a) => a.params.economicHarmWeight >= 0.5);
    expect(moved.map((a) => a.code)).toEqual(reached.map((a) => a.code));
    expect(entry?.k === "briefing" && entry.moved).toEqual(reached.map((a) => a.code));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(before.allies.length);
    if (entry) expect(describeEntry(entry)).toMatch(/briefed on the law; it weighs with \d+ allies/);
  });

  it("can hold the table back: a warning of escalation makes cautious allies warier", () => {
    const s = start();
    const after = stateOf(ok(applyEvent(s, { type: "chair.brief", by: "chair", argument: "escalation" })));
    const warier = after.allies.filter((a) => a.sway.escalation < 0);
    expect(warier.length).toBeGreaterThan(0);
    expect(warier.every((a) => a.params.escalationAversion >= 0.5)).toBe(true);
  });

  it("share the evidence allies have pooled with every ally", () => {
    const s = start();
    const before = stateOf(s);
    const pooled = [...new Set(before.allies.flatMap((a) => a.held))].filter(
      (id) => before.allies.filter((a) => a.held.includes(id)).length > 1,
    );
    const after = stateOf(ok(applyEvent(s, { type: "chair.brief", by: "chair", argument: "evidence" })));
    for (const a of after.allies) for (const id of pooled) expect(a.held, a.code).toContain(id);
  });

  it("are heard once a cycle each, need capital, and a refusal changes nothing", () => {
    let s = ok(applyEvent(start(), { type: "chair.brief", by: "chair", argument: "legal" }));
    const hash = stateHash(s);
    expect(refused(applyEvent(s, { type: "chair.brief", by: "chair", argument: "legal" }))).toMatch(
      /already been briefed on the law/,
    );
    s = ok(applyEvent(s, { type: "chair.brief", by: "chair", argument: "solidarity" }));
    expect(refused(applyEvent(s, { type: "chair.brief", by: "chair", argument: "escalation" }))).toMatch(
      /not enough political capital/,
    );
    expect(legalMoves(s, "chair").some((m) => m.type === "chair.brief")).toBe(false);
    expect(stateHash(s)).not.toBe(hash);
    const refusal = applyEvent(s, { type: "chair.brief", by: "chair", argument: "escalation" });
    expect(stateHash(refusal.session)).toBe(stateHash(s));
  });

  it("belong to a human chair in consultation only", () => {
    const ai = until(createSession(e, 4, { role: "EST", chair: "ai", humans: ["EST"] }), "consultation");
    expect(refused(applyEvent(ai, { type: "chair.brief", by: "chair", argument: "legal" }))).toMatch(/AI/);
    const early = until(createSession(e, 4, humanChair), "attribution");
    expect(refused(applyEvent(early, { type: "chair.brief", by: "chair", argument: "legal" }))).toMatch(
      /not allowed in the attribution phase/,
    );
  });
});
