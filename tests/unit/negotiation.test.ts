/** The negotiation rules, one at a time: what each move changes, for better and for worse, and why. */
import { describe, expect, it } from "vitest";
import { nextSystemEvent } from "../../src/sim/autopilot.ts";
import { aiBot } from "../../src/sim/bots/aiBot.ts";
import { playWithBot } from "../../src/sim/bots/play.ts";
import { judgeAll, judgeOne } from "../../src/sim/council.ts";
import { OFFER_COST } from "../../src/sim/negotiation.ts";
import { adoptedMeasures } from "../../src/sim/scoring.ts";
import { applyEvent, createSession, phaseOf, type SeatPlan, stateOf } from "../../src/sim/session.ts";
import { ok, refused, until } from "../support/drive.ts";
import { envOf } from "../support/fixtures.ts";

const humanChair: SeatPlan = { role: "chair", chair: "human", humans: [] };

describe("corridor talks", () => {
  const e = envOf("notpetya-2017");
  it("spend capital, take game time, and tell the talker what the ally would need", () => {
    const s = until(createSession(e, 3, humanChair), "consultation");
    const before = stateOf(s);
    const after = ok(
      applyEvent(s, { type: "corridor.talk", by: "chair", with: "HUN", offer: "linkage", measure: "sanctions" }),
    );
    const t = stateOf(after);
    expect(t.capital.chair).toBe((before.capital.chair ?? 0) - OFFER_COST.linkage);
    expect(t.hour).toBe(before.hour + 2);
    const talk = t.talks[t.talks.length - 1];
    expect(talk?.heard.map((c) => c.measure)).toEqual(["sanctions"]);
    expect(typeof talk?.heard[0]?.acceptsSoft).toBe("boolean");
  });
  it("move the ally: linkage eases its economic objection to sanctions", () => {
    const s = until(createSession(e, 3, humanChair), "consultation");
    const i = e.index.get("HUN") ?? -1;
    const cost = (x: typeof s) =>
      judgeOne(e, stateOf(x), i, ["sanctions"]).judgements.find((j) => j.measure === "sanctions")?.score ?? 0;
    const after = ok(applyEvent(s, { type: "corridor.talk", by: "chair", with: "HUN", offer: "linkage" }));
    expect(cost(after)).toBeGreaterThan(cost(s));
  });
  it("are refused without capital, with oneself, and for a seat the AI plays", () => {
    let s = until(createSession(e, 3, humanChair), "consultation");
    for (const w of ["HUN", "TUR", "GRC"])
      s = ok(applyEvent(s, { type: "corridor.talk", by: "chair", with: w, offer: "intelligence" }));
    expect(refused(applyEvent(s, { type: "corridor.talk", by: "chair", with: "ITA", offer: "linkage" }))).toMatch(
      /not enough political capital/,
    );
    const ally = until(createSession(e, 3, { role: "DNK", chair: "ai", humans: ["DNK"] }), "consultation");
    expect(refused(applyEvent(ally, { type: "corridor.talk", by: "DNK", with: "DNK", offer: "none" }))).toMatch(
      /itself/,
    );
    expect(refused(applyEvent(ally, { type: "corridor.talk", by: "USA", with: "DNK", offer: "none" }))).toMatch(/AI/);
  });
});

describe("wording and splitting", () => {
  const e = envOf("colonial-pipeline-2021");
  it("softer wording is easier to accept", () => {
    const s = stateOf(until(createSession(e, 2, humanChair), "consultation"));
    const count = (w: "standard" | "soft") =>
      judgeAll(e, s, ["defensiveCyber"], { defensiveCyber: w }).filter((j) => j.accepts.includes("defensiveCyber"))
        .length;
    expect(count("soft")).toBeGreaterThan(count("standard"));
  });
  it("a measure decided separately falls alone; the package passes", () => {
    let s = until(createSession(e, 2, humanChair), "consultation");
    for (let i = 0; i < 10 && (stateOf(s).round < 3 || phaseOf(s) !== "consultation"); i++) {
      const ev = nextSystemEvent(s);
      if (!ev) break;
      s = ok(applyEvent(s, ev));
    }
    s = ok(applyEvent(s, { type: "draft.table", by: "chair", measures: ["concern", "article5"], split: ["article5"] }));
    expect(stateOf(s).draft?.separate).toEqual(["article5"]);
    s = ok(applyEvent(s, { type: "silence.deadline", by: "system" }));
    const decisions = stateOf(s).decisions;
    expect(decisions.find((d) => d.measures.includes("concern"))?.adopted).toBe(true);
    expect(decisions.find((d) => d.measures.includes("article5"))?.adopted).toBe(false);
  });
  it("refuses a wording a measure does not have", () => {
    const s = until(createSession(e, 2, humanChair), "consultation");
    expect(
      refused(
        applyEvent(s, { type: "draft.table", by: "chair", measures: ["article5"], wording: { article5: "soft" } }),
      ),
    ).toMatch(/no soft wording/);
  });
});

describe("agency", () => {
  it("a human chair who awaits evidence gets it: the Council returns to attribution until it is due", () => {
    const e = envOf("notpetya-2017");
    let s = until(createSession(e, 5, humanChair), "consultation");
    const due = stateOf(s).injects[0]?.evidence.filter((x) => !x.delivered) ?? [];
    expect(due.length).toBeGreaterThan(0);
    s = ok(applyEvent(s, { type: "phase.attribution", by: "chair" }));
    expect(phaseOf(s)).toBe("attribution");
    expect(stateOf(s).awaitUntil).toBe(Math.min(...due.map((x) => x.dueHour)));
    s = until(s, "consultation");
    expect(stateOf(s).injects[0]?.evidence.filter((x) => x.delivered).length).toBeGreaterThan(
      (stateOf(s).injects[0]?.evidence.length ?? 0) - due.length,
    );
  });
  it("Article 4 in a draft is judged like any measure and keeps the weight of the table", () => {
    const e = envOf("control-article-5");
    const s = stateOf(until(createSession(e, 1, humanChair), "consultation"));
    const judged = judgeAll(e, s, ["concern", "article4"]);
    expect(judged.every((j) => j.accepts.includes("article4") || j.reasons.some((r) => r.measure === "article4"))).toBe(
      true,
    );
    expect(judged.filter((j) => j.accepts.includes("article4")).length).toBeGreaterThan(judged.length / 2);
  });
  it("a human seat on autoplay behaves like the AI seat across cycles (Hungary keeps Article 5 in reach)", () => {
    const e = envOf("control-article-5");
    let reached = 0;
    for (let seed = 1; seed <= 30; seed++)
      if (adoptedMeasures(stateOf(playWithBot(e, seed, "HUN", aiBot).session)).includes("article5")) reached++;
    expect(reached).toBeGreaterThanOrEqual(24);
  });
  it("people are read from what they say: a stated red line leaves the Secretariat's text", () => {
    const e = envOf("control-article-5");
    let s = until(createSession(e, 1, { role: "HUN", chair: "ai", humans: ["HUN"] }), "consultation");
    expect(stateOf(s).proposal).toContain("assistance"); // the opening text
    s = ok(
      applyEvent(s, {
        type: "consultation.statement",
        by: "HUN",
        stance: "oppose",
        wants: [],
        rejects: ["assistance"],
      }),
    );
    s = ok(applyEvent(s, { type: "ai.round", by: "system" }));
    // The Secretariat's revised text leaves it out, whether the chair then tables, waits or consults on.
    expect(stateOf(s).proposal).not.toContain("assistance");
    expect(stateOf(s).draft?.measures ?? []).not.toContain("assistance");
  });
});
