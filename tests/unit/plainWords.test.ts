/**
 * Issue 9's leftovers in words: what players read is plain sentences, never the engine's codes. Whole games
 * are played with a person's seat run by the `ai` bot (as autoplay and hints run it), and every text a player
 * can be shown along the way — hints, log lines, voiced breaks and reservations, projector banners, how each
 * ally moved, what corridor talks revealed, the soundings' reasons — is scanned for raw codes. Also: counts
 * with the right plural on the facilitator's console, and long lists of names summarised for the projector.
 */
import { describe, expect, it } from "vitest";
import { nextSystemEvent, suggestMove } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import type { EngineEvent } from "../../src/sim/events.ts";
import type { MeasureId } from "../../src/sim/measures.ts";
import { applyParsed, createEnv, createSession, phaseOf, type Session, stateOf } from "../../src/sim/session.ts";
import type { Reason } from "../../src/sim/state.ts";
import { parseBreakReason } from "../../src/sim/voice.ts";
import { momentOf } from "../../src/ui/classroom/projectorBanner.ts";
import { reasonWords } from "../../src/ui/council/soundingsPanel.ts";
import { talkPartners } from "../../src/ui/council/talks.ts";
import { hintFor } from "../../src/ui/guide/hintWords.ts";
import { allyHistory } from "../../src/ui/tableVoices.ts";
import { logLines, talkSummary } from "../../src/ui/viewModel.ts";
import { namesSummary, seatsLine } from "../../src/ui/words.ts";

/**
 * A reason code ("attribution_below_threshold"), a code pair ("x:acknowledge"), a measure id or move type, or
 * the engine's figures in place of words ("0.45 < our threshold 0.60", "net 0.12, tolerance 0.05").
 */
const RAW =
  /\b[a-z]+_[a-z_]+\b|\b[a-z]+:[A-Za-z]+\b|\b(article[45]|defensiveCyber)\b|\b[a-z0-9]+\.[a-z]+\b|\d < |our threshold|\(net -?\d|Make this move/;

/** Every text of a session a player can be shown, with where it comes from. */
function textsOf(session: Session, seat: string): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const hint = hintFor(session, seat);
  out.push({ where: "hint", text: hint.move }, ...hint.reasons.map((text) => ({ where: "hint reason", text })));
  return out;
}

function endTexts(session: Session): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const line of logLines(session)) {
    out.push({ where: `log ${line.kind}`, text: `${line.text} ${line.detail ?? ""}` });
    for (const said of line.said ?? []) out.push({ where: `log ${line.kind} said`, text: said.text });
  }
  for (const ally of stateOf(session).allies)
    for (const h of allyHistory(session, ally.code)) out.push({ where: `history ${ally.code}`, text: h.text });
  for (const t of stateOf(session).talks) {
    const { title, heard } = talkSummary(session, t);
    out.push({ where: "talk", text: [title, ...heard].join(" ") });
  }
  return out;
}

/**
 * Plays a whole game with a person's `seat` run by the `ai` bot, gathering what the player reads. With `table`,
 * the chair is a person too and tables that text as soon as consultation opens (so that the seat may object).
 */
function playAndRead(id: string, seed: number, seat: string, table: MeasureId[] = []) {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const env = createEnv(scenario, bundledRoster());
  const chair = seat === "chair" || table.length ? ("human" as const) : ("ai" as const);
  let session = createSession(env, seed, { role: seat, chair, humans: seat === "chair" ? [] : [seat] });
  const texts: { where: string; text: string }[] = [];
  const moves: EngineEvent[] = [];
  let seen = 0;
  let talkedCycle = -1;
  for (let i = 0; i < 600 && phaseOf(session) !== "debrief"; i++) {
    texts.push(...textsOf(session, seat));
    const s = stateOf(session);
    // Once a cycle, corridor talks about Article 5 with the first ally the form offers (what is heard, with its
    // reasons, is shown to the player);
    // not when the chair tables at once (the talks would move the seat).
    const partner = talkPartners(session, seat)[0];
    let event: EngineEvent | null =
      phaseOf(session) === "consultation" && partner && talkedCycle !== s.cycle && !table.length
        ? { type: "corridor.talk", by: seat, with: partner, offer: "none", measure: "article5" }
        : null;
    if (event) talkedCycle = s.cycle;
    if (!event && table.length && seat !== "chair" && phaseOf(session) === "consultation")
      event = { type: "draft.table", by: "chair", measures: table };
    const mine = event ? null : suggestMove(session, seat);
    if (mine) moves.push(mine);
    event ??=
      mine ??
      (chair === "human" && seat !== "chair" ? suggestMove(session, "chair") : null) ??
      nextSystemEvent(session);
    if (!event) throw new Error(`${id} seed ${seed} (${seat}) stuck in ${phaseOf(session)}`);
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.reason}`);
    session = result.session;
    const moment = momentOf(session, seen);
    if (moment) texts.push({ where: "banner", text: `${moment.title} ${moment.detail}` });
    seen = stateOf(session).log.length;
  }
  expect(phaseOf(session)).toBe("debrief");
  texts.push(...endTexts(session));
  return { session, texts, moves };
}

const GAMES: [string, number, string, MeasureId[]][] = [
  ["estonia-2007", 1, "EST", []],
  ["estonia-2007", 2, "HUN", []],
  ["estonia-2007", 3, "chair", []],
  ["estonia-2007", 1, "HUN", ["acknowledge"]],
  ["notpetya-2017", 1, "HUN", ["sanctions", "solidarity"]],
  ["notpetya-2017", 2, "DEU", []],
  ["notpetya-2017", 1, "TUR", ["solidarity", "acknowledge"]],
  ["colonial-pipeline-2021", 1, "TUR", ["sanctions"]],
  ["control-article-5", 1, "HUN", ["article5"]],
  ["control-article-5", 2, "chair", []],
];

describe("what a player reads is plain words, never the engine's codes", () => {
  it.each(GAMES)("%s seed %i as %s (the chair tables %j)", (id, seed, seat, table) => {
    const { texts, moves } = playAndRead(id, seed, seat, table);
    expect(texts.length).toBeGreaterThan(50);
    for (const { where, text } of texts) expect(text, where).not.toMatch(RAW);
    // The bot's own words for a person's seat: a reservation is a sentence; a break is recorded as the engine
    // records its allies' breaks (voiced wherever it is shown).
    for (const m of moves) {
      if (m.type === "silence.reserve") expect(m.text).toMatch(/^[A-Z][^_:]+\.$/);
      if (m.type === "silence.break") expect(m.reason === "objects" || parseBreakReason(m.reason) !== null).toBe(true);
    }
  });

  it("the games above include the bot's breaks and reservations for a person's seat, and voiced banners", () => {
    const all = GAMES.map(([id, seed, seat, table]) => playAndRead(id, seed, seat, table));
    const kinds = new Set(all.flatMap((g) => g.moves.map((m) => m.type)));
    expect(kinds).toContain("silence.break");
    expect(kinds).toContain("silence.reserve");
    const texts = all.flatMap((g) => g.texts);
    expect(texts.some((t) => t.where === "banner" && /break silence/.test(t.text))).toBe(true);
    expect(texts.some((t) => t.where === "hint reason")).toBe(true);
    expect(texts.some((t) => t.where === "talk" && / would (not )?accept /.test(t.text))).toBe(true);
  });

  it("names every reason of the soundings in a few plain words", () => {
    const codes: Reason["code"][] = [
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
    for (const code of codes) {
      const words = reasonWords({ code, measure: "article5", value: 0.4, threshold: 0.6 });
      expect(words).not.toMatch(RAW);
      expect(words).not.toMatch(/\d/);
    }
  });
});

describe("counts and names in sentences", () => {
  it("says how many seats the AI plays with the right plural", () => {
    expect(seatsLine(25, 0, 26)).toBe("25 people seated · 0 waiting · the AI plays 1 seat.");
    expect(seatsLine(1, 2, 26)).toBe("1 person seated · 2 waiting · the AI plays 25 seats.");
    expect(seatsLine(26, 0, 26)).toMatch(/plays 0 seats\.$/);
  });

  it("names up to three allies and summarises the rest", () => {
    expect(namesSummary(["Hungary"])).toBe("Hungary");
    expect(namesSummary(["Hungary", "Türkiye"])).toBe("Hungary and Türkiye");
    expect(namesSummary(["Hungary", "Türkiye", "Italy"])).toBe("Hungary, Türkiye and Italy");
    expect(namesSummary(["Hungary", "Türkiye", "Italy", "Greece", "Spain"])).toBe("Hungary, Türkiye and 3 others");
    expect(namesSummary(["A", "B", "C", "D"])).toBe("A, B and 2 others");
  });
});

describe("the corridor-talks form", () => {
  it("offers only allies the AI plays; a person's ally is reached in the classroom's threads", () => {
    const scenario = bundledScenario("estonia-2007");
    if (!scenario) throw new Error("no scenario");
    const env = createEnv(scenario, bundledRoster());
    let session = createSession(env, 1, { role: "EST", chair: "human", humans: ["EST", "LVA"] });
    for (let i = 0; i < 50 && phaseOf(session) !== "attribution"; i++) {
      const event = nextSystemEvent(session);
      if (!event) break;
      const result = applyParsed(session, event);
      if (!result.ok) throw new Error(result.reason);
      session = result.session;
    }
    expect(phaseOf(session)).toBe("attribution");
    const partners = talkPartners(session, "EST");
    expect(partners).toContain("LTU");
    expect(partners).not.toContain("LVA");
    expect(partners).not.toContain("EST");
    expect(talkPartners(session, "chair")).not.toContain("EST");
    expect(talkPartners(session, "chair")).toHaveLength(stateOf(session).allies.length - 2);
  });
});
