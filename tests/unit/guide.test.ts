/**
 * The guide without a browser: which card comes up when (on real sessions and on hand-made logs), that every
 * term a card links is in the glossary, the hint's words and reasons, and the stored reading preferences.
 */
import { describe, expect, it } from "vitest";
import { nextSystemEvent, suggestMove } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { applyParsed, createEnv, createSession, phaseOf, type Session, stateOf } from "../../src/sim/session.ts";
import type { LogEntry, SeatId } from "../../src/sim/state.ts";
import { GLOSSARY, glossaryEntry } from "../../src/ui/guide/glossary.ts";
import { hintFor } from "../../src/ui/guide/hintWords.ts";
import { loadPrefs, PREFS_KEY } from "../../src/ui/guide/prefs.ts";
import {
  GUIDE_STEPS,
  type GuideSituation,
  type GuideStepId,
  linkedTerms,
  nextGuideStep,
  parseGuideText,
} from "../../src/ui/guide/steps.ts";
import { MemoryStorage } from "../support/memoryStorage.ts";

function newSession(scenario: string, seed: number, you: SeatId): Session {
  const env = createEnv(bundledScenario(scenario) ?? expect.fail(`no ${scenario}`), bundledRoster());
  return createSession(
    env,
    seed,
    you === "chair" ? { role: you, chair: "human", humans: [] } : { role: you, chair: "ai", humans: [you] },
  );
}

function situation(session: Session, you: SeatId): GuideSituation {
  return { phase: phaseOf(session), log: stateOf(session).log, you };
}

/** Plays a session with the AI in every seat, pressing "Got it" on each card at once; returns the cards in order. */
function cardsShown(scenario: string, seed: number, you: SeatId): GuideStepId[] {
  let session = newSession(scenario, seed, you);
  const seen = new Set<GuideStepId>();
  const shown: GuideStepId[] = [];
  const read = () => {
    for (
      let step = nextGuideStep(situation(session, you), seen);
      step;
      step = nextGuideStep(situation(session, you), seen)
    ) {
      seen.add(step.id);
      shown.push(step.id);
    }
  };
  for (let i = 0; i < 3000; i++) {
    read();
    const event = suggestMove(session, you) ?? nextSystemEvent(session);
    if (!event) break;
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(result.reason);
    session = result.session;
  }
  read();
  expect(phaseOf(session)).toBe("debrief");
  return shown;
}

const log = (...entries: LogEntry[]): LogEntry[] => entries;

describe("guide steps", () => {
  it("a new session shows the welcome card first and nothing else until the crisis moves", () => {
    const session = newSession("estonia-2007", 3, "EST");
    const sit = situation(session, "EST");
    expect(nextGuideStep(sit, new Set())?.id).toBe("council");
    expect(nextGuideStep(sit, new Set(["council"]))).toBeNull();
  });

  it("a whole game as an ally brings the cards up in the guide's order, from the welcome to the debrief", () => {
    const shown = cardsShown("estonia-2007", 7, "EST");
    const order = GUIDE_STEPS.map((s) => s.id);
    expect(shown).toEqual([...shown].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(shown).toEqual(
      expect.arrayContaining([
        "council",
        "incident",
        "attribution",
        "consultation",
        "working-text",
        "silence",
        "decision",
        "response",
        "debrief",
      ]),
    );
    expect(shown.at(0)).toBe("council");
    expect(shown.at(-1)).toBe("debrief");
  });

  it("the chair's game in the control case reaches Article 5 on the table and the card that explains it", () => {
    const shown = cardsShown("control-article-5", 2, "chair");
    expect(shown).toContain("article5");
    expect(shown.indexOf("working-text")).toBeLessThan(shown.indexOf("silence"));
  });

  it("cards come up on their log entries: Article 4, a break of silence, a coalition — named by ally", () => {
    const base: GuideSituation = {
      phase: "decision",
      log: [],
      you: "EST",
      nameOf: (c) => (c === "HUN" ? "Hungary" : c),
    };
    const everything = new Set(GUIDE_STEPS.map((s) => s.id));
    const only = (id: GuideStepId) => new Set([...everything].filter((x) => x !== id));
    const broke = { ...base, log: log({ k: "break", h: 50, by: "HUN", reason: "too early", measures: [] }) };
    const step = nextGuideStep(broke, only("break"));
    expect(step?.id).toBe("break");
    expect(step?.text(broke)).toContain("Hungary has broken silence");
    expect(nextGuideStep(base, only("break"))).toBeNull();
    const a4 = { ...base, log: log({ k: "article4", h: 3, by: "EST" }) };
    expect(nextGuideStep(a4, only("article4"))?.text(a4)).toContain("EST asks for consultations");
    const coalition = {
      ...base,
      log: log({ k: "coalition", h: 90, measure: "sanctions", members: ["EST", "LVA", "LTU"] }),
    };
    expect(nextGuideStep(coalition, only("coalition"))?.id).toBe("coalition");
  });

  it("the decision card says whether silence held", () => {
    const held = {
      phase: "response",
      you: "chair",
      log: log({ k: "silence", h: 80, adopted: true, brokenBy: [], reservations: [], measures: ["concern"] }),
    } as const;
    const fell = {
      phase: "consultation",
      you: "chair",
      log: log({ k: "silence", h: 80, adopted: false, brokenBy: ["FRA"], reservations: [], measures: ["concern"] }),
    } as const;
    const decision = GUIDE_STEPS.find((s) => s.id === "decision");
    expect(decision?.text(held)).toMatch(/Silence held/);
    expect(decision?.text(fell)).toMatch(/this draft falls/);
  });
});

describe("guide texts and the glossary", () => {
  const variants: GuideSituation[] = (["chair", "EST"] as const).flatMap((you) =>
    [true, false].map((adopted) => ({
      phase: "debrief" as const,
      you,
      log: log({ k: "silence", h: 1, adopted, brokenBy: [], reservations: [], measures: [] }),
    })),
  );

  it("every term a card links to is in the glossary", () => {
    const missing: string[] = [];
    let links = 0;
    for (const step of GUIDE_STEPS)
      for (const sit of variants)
        for (const term of linkedTerms(step.text(sit))) {
          links++;
          if (!glossaryEntry(term)) missing.push(`${step.id} → ${term}`);
        }
    expect(links).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("the glossary has the terms a first game needs, each once, with no unverified claims", () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "nac",
      "consensus",
      "silence",
      "break",
      "reservation",
      "article4",
      "article5",
      "attribution",
      "corridor",
      "capital",
      "wording",
      "package",
      "coalition",
      "sg",
      "permrep",
    ])
      expect(ids).toContain(id);
    for (const e of GLOSSARY) {
      expect(e.text.length, e.id).toBeGreaterThan(20);
      expect(`${e.text} ${e.inGame ?? ""}`).not.toMatch(/\[U\]|unverified/i);
    }
  });

  it("a text is cut into words and links, keeping every character", () => {
    const text = "One [[break|break of silence]] stops a [[consensus]] text.";
    expect(parseGuideText(text)).toEqual([
      { text: "One " },
      { term: "break", label: "break of silence" },
      { text: " stops a " },
      { term: "consensus", label: "consensus" },
      { text: " text." },
    ]);
    expect(parseGuideText("no links")).toEqual([{ text: "no links" }]);
  });
});

describe("hints", () => {
  function playUntil(session: Session, stop: (s: Session) => boolean): Session {
    let current = session;
    for (let i = 0; i < 500 && !stop(current); i++) {
      const event = nextSystemEvent(current);
      if (!event) break;
      const r = applyParsed(current, event);
      if (!r.ok) throw new Error(r.reason);
      current = r.session;
    }
    return current;
  }

  it("an ally in consultation is told what to state, with its own reasons", () => {
    const session = playUntil(newSession("estonia-2007", 7, "EST"), (s) => phaseOf(s) === "consultation");
    expect(phaseOf(session)).toBe("consultation");
    const hint = hintFor(session, "EST");
    expect(hint.event?.type).toBe("consultation.statement");
    expect(hint.move).toMatch(/^State your position: /);
    expect(hint.reasons.length).toBeGreaterThan(0);
    expect(hint.reasons.join(" ")).not.toMatch(/[a-z]+_[a-z]+:/); // words, not reason codes
  });

  it("the chair early in consultation is told to wait, with the Secretariat's reading of the table", () => {
    const session = playUntil(newSession("estonia-2007", 7, "chair"), (s) => phaseOf(s) === "consultation");
    const hint = hintFor(session, "chair");
    expect(hint.event).toBeNull();
    expect(hint.move).toMatch(/another round/);
    expect(hint.reasons.some((r) => /expects about \d+% of the table/.test(r))).toBe(true);
  });

  it("a seat with nothing to decide is told so", () => {
    const session = newSession("estonia-2007", 7, "EST");
    expect(hintFor(session, "EST").move).toMatch(/Nothing for your seat/);
  });
});

describe("reading preferences", () => {
  it("are read back as stored, and fall back to normal size without contrast", () => {
    const storage = new MemoryStorage();
    expect(loadPrefs(storage)).toEqual({ size: "normal", contrast: false });
    storage.setItem(PREFS_KEY, JSON.stringify({ size: "larger", contrast: true }));
    expect(loadPrefs(storage)).toEqual({ size: "larger", contrast: true });
    storage.setItem(PREFS_KEY, "{not json");
    expect(loadPrefs(storage)).toEqual({ size: "normal", contrast: false });
    storage.setItem(PREFS_KEY, JSON.stringify({ size: "huge", contrast: "yes" }));
    expect(loadPrefs(storage)).toEqual({ size: "normal", contrast: false });
    expect(loadPrefs(null)).toEqual({ size: "normal", contrast: false });
  });
});
