/** The delegations' voices: every reason in words, no raw codes, no line said twice at one table. */
import { describe, expect, it } from "vitest";
import { nextSystemEvent, runToEnd } from "../../src/sim/autopilot.ts";
import { SCENARIO_IDS } from "../../src/sim/catalog.ts";
import type { EngineEvent } from "../../src/sim/events.ts";
import { MEASURE_IDS, type MeasureId } from "../../src/sim/measures.ts";
import { applyParsed, createSession, phaseOf, type Session, stateOf } from "../../src/sim/session.ts";
import type { Reason } from "../../src/sim/state.ts";
import { parseBreakReason, type Speaker, voiceOne, voiceTable } from "../../src/sim/voice.ts";
import { allyHistory, breakVoices, roundVoices } from "../../src/ui/tableVoices.ts";
import { currentVoices, logLines, positionLines } from "../../src/ui/viewModel.ts";
import { envOf } from "../support/fixtures.ts";

const CODES: Reason["code"][] = [
  "not_available",
  "severity_below_threshold",
  "attribution_below_threshold",
  "escalation_risk",
  "economic_cost",
  "domestic_constraint",
  "wants_more",
  "rejects_by_instruction",
  "supports",
];

/** A raw engine code or measure id in text meant for people. */
function rawCode(text: string): string | null {
  const hit =
    /\b[a-z]+_[a-z_]+\b/.exec(text) ??
    /\w:\w/.exec(text.replace(/\b\d{2}:\d{2}\b/g, "")) ??
    /\b(article[45]|defensiveCyber)\b/.exec(text); // measure ids that are not also English words
  return hit ? hit[0] : null;
}

const SPEAKER: Speaker = { code: "HUN", name: "Hungary" };

describe("voicing one reason", () => {
  it.each(CODES)("%s is said in words for every measure, with no raw code", (code) => {
    for (const measure of MEASURE_IDS) {
      const r: Reason = { code, measure, value: 0.45, threshold: 0.6 };
      for (const kind of ["stance", "break", "reservation"] as const) {
        const u =
          kind === "stance"
            ? { kind, stance: code === "supports" ? ("support" as const) : ("oppose" as const), reasons: [r] }
            : { kind, reasons: [r], measures: [measure] };
        const v = voiceOne(SPEAKER, u, "t");
        expect(v.lead.length, `${code} ${measure} ${kind}`).toBeGreaterThan(20);
        expect(v.lead.charAt(0)).toMatch(/[A-Z]/);
        expect(rawCode(v.lead), v.lead).toBeNull();
        expect(rawCode(v.detail), v.detail).toBeNull();
      }
    }
  });

  it("keeps the figures for readers who want them, and leads with words", () => {
    const r: Reason = { code: "attribution_below_threshold", measure: "article5", value: 0.45, threshold: 0.6 };
    const v = voiceOne(SPEAKER, { kind: "stance", stance: "oppose", reasons: [r] }, "x");
    expect(v.detail).toBe("confidence 45% < 60% needed");
    expect(v.lead.replace(/Article \d/g, "")).not.toMatch(/\d/);
  });

  it("says why an ally will not join Article 5 in treaty terms", () => {
    const r: Reason = { code: "severity_below_threshold", measure: "article5", value: 0.5, threshold: 0.8 };
    const leads = new Set(
      ["HUN", "TUR", "ITA", "ESP", "PRT"].map(
        (code) => voiceOne({ code, name: code }, { kind: "break", reasons: [r], measures: ["article5"] }, "s").lead,
      ),
    );
    for (const lead of leads) expect(lead).toMatch(/armed attack/);
  });

  it("is stable: the same ally and moment give the same words", () => {
    const r: Reason = { code: "economic_cost", measure: "sanctions", value: 0.2, threshold: 0.1 };
    const u = { kind: "break" as const, reasons: [r], measures: ["sanctions" as MeasureId] };
    expect(voiceOne(SPEAKER, u, "a")).toEqual(voiceOne(SPEAKER, u, "a"));
  });

  it("reads a logged break reason back, and refuses what is not one", () => {
    expect(parseBreakReason("attribution_below_threshold:acknowledge")?.measure).toBe("acknowledge");
    expect(parseBreakReason("objects")).toBeNull();
    expect(parseBreakReason("we cannot agree: too soon")).toBeNull();
    expect(parseBreakReason("severity_below_threshold:nuclear")).toBeNull();
  });
});

describe("voicing a table", () => {
  it("never repeats a line, even when 32 allies give the same reason", () => {
    const r: Reason = { code: "attribution_below_threshold", measure: "acknowledge", value: 0.4, threshold: 0.6 };
    const items = Array.from({ length: 32 }, (_, i) => ({
      speaker: { code: `A${i % 3}`, name: `Ally ${i}` }, // even colliding codes
      utterance: { kind: "break" as const, reasons: [r], measures: ["acknowledge" as MeasureId] },
    }));
    const leads = voiceTable(items, "same").map((v) => v.lead);
    expect(new Set(leads).size).toBe(32);
  });
});

/** A chair who tables the given measures as soon as a round has been held, up to five times. */
function chairTables(id: string, seed: number, measures: MeasureId[]): Session {
  let s = createSession(envOf(id), seed, { role: "chair", chair: "human", humans: [] });
  let tabled = 0;
  for (let i = 0; i < 400 && phaseOf(s) !== "debrief"; i++) {
    const table: EngineEvent = { type: "draft.table", by: "chair", measures };
    const system = nextSystemEvent(s);
    const due = phaseOf(s) === "consultation" && (stateOf(s).round >= 1 || !system) && tabled < 5;
    const event = due ? table : system;
    if (!event) break;
    if (due) tabled++;
    const r = applyParsed(s, event);
    if (!r.ok) throw new Error(r.reason);
    s = r.session;
  }
  return s;
}

/** Every table of a session (rounds, silence procedures, the current positions) and its lines. */
function tables(session: Session): string[][] {
  const out: string[][] = [];
  for (const e of stateOf(session).log) if (e.k === "round") out.push(roundVoices(session, e).map((v) => v.lead));
  const byProcedure = new Map<number, string[]>();
  let procedure = -1;
  const voices = breakVoices(session);
  stateOf(session).log.forEach((e, i) => {
    if (e.k === "table") procedure = i;
    const v = voices.get(i);
    if (v) byProcedure.set(procedure, [...(byProcedure.get(procedure) ?? []), v.lead]);
  });
  out.push(
    ...byProcedure.values(),
    [...currentVoices(session).values()].map((v) => v.lead),
  );
  return out;
}

describe.each(SCENARIO_IDS)("%s: every table played to the end", (id) => {
  const sessions = [
    ...[1, 2].map(
      (seed) => runToEnd(createSession(envOf(id), seed, { role: "chair", chair: "ai", humans: [] })).session,
    ),
    chairTables(id, 1, ["acknowledge"]),
    chairTables(id, 2, ["solidarity", "acknowledge", "sanctions", "article5"]),
  ];

  it("has no line said twice at one table", () => {
    for (const session of sessions)
      for (const lines of tables(session)) expect(new Set(lines).size, lines.join("\n")).toBe(lines.length);
  });

  it("shows no raw code in the log, the dossiers or an ally's history", () => {
    for (const session of sessions) {
      for (const l of logLines(session)) {
        expect(rawCode(l.text), l.text).toBeNull();
        for (const said of l.said ?? []) expect(rawCode(said.text), said.text).toBeNull();
      }
      for (const a of stateOf(session).allies) {
        for (const line of positionLines(session, a.code)) expect(rawCode(line), line).toBeNull();
        for (const line of allyHistory(session, a.code)) expect(rawCode(line.text), line.text).toBeNull();
      }
    }
  });
});
