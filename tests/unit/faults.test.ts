/** Issue 9's smaller faults, each checked so that it cannot come back. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runToEnd } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { countOf, describeEntry } from "../../src/sim/explain.ts";
import { dossierAt, provenanceAt } from "../../src/sim/profiles.ts";
import { seatedAllies } from "../../src/sim/roster.ts";
import { applyParsed, createSession, type Session, stateOf } from "../../src/sim/session.ts";
import { roundTally } from "../../src/ui/tableVoices.ts";
import { availableMeasures, logLines, roundLabel } from "../../src/ui/viewModel.ts";
import { outcomeSentence } from "../../src/ui/words.ts";
import { until } from "../support/drive.ts";
import { envOf } from "../support/fixtures.ts";

function played(id: string, seed: number, humans: string[] = []): Session {
  return runToEnd(createSession(envOf(id), seed, { role: humans[0] ?? "chair", chair: "ai", humans })).session;
}

describe("round tallies count every seat, people's included", () => {
  it("adds up to the whole table and says how many seats people play", () => {
    const session = played("estonia-2007", 1, ["EST", "LVA"]);
    const log = stateOf(session).log;
    const rounds = log.flatMap((e, i) => (e.k === "round" ? [i] : []));
    expect(rounds.length).toBeGreaterThan(0);
    for (const i of rounds) {
      const text = roundTally(session, i);
      const numbers = [...text.matchAll(/(\d+) (support|undecided|oppose|not yet stated)/g)].map((m) => Number(m[1]));
      expect(
        numbers.reduce((a, b) => a + b, 0),
        text,
      ).toBe(stateOf(session).allies.length);
      expect(text).toContain("2 seats played by people");
    }
  });

  it("counts a person's stance from their statement", () => {
    let s = until(
      createSession(envOf("estonia-2007"), 3, { role: "EST", chair: "ai", humans: ["EST"] }),
      "consultation",
    );
    const r = applyParsed(s, { type: "consultation.statement", by: "EST", stance: "oppose", wants: [], rejects: [] });
    if (!r.ok) throw new Error(r.reason);
    s = until(r.session, "decision");
    const i = stateOf(s).log.findLastIndex((e) => e.k === "round");
    expect(roundTally(s, i)).not.toContain("not yet stated");
  });
});

describe("the round counter", () => {
  it("never shows round 0, and says what is left after a broken silence", () => {
    const at = until(
      createSession(envOf("estonia-2007"), 1, { role: "chair", chair: "human", humans: [] }),
      "consultation",
    );
    expect(roundLabel(at)).toBe("Before round 1 of 4");
    const tabled = applyParsed(at, { type: "draft.table", by: "chair", measures: ["acknowledge"] });
    if (!tabled.ok) throw new Error(tabled.reason);
    const after = until(tabled.session, "consultation");
    expect(stateOf(after).decisions.at(-1)?.adopted).toBe(false);
    expect(roundLabel(after)).toMatch(/^After the broken silence: \d rounds? left$/);
    expect(roundLabel(after)).not.toMatch(/Round 0/);
  });
});

describe("measures offered match the scenario's date", () => {
  it("Estonia 2007 offers no measure agreed in 2018", () => {
    const session = createSession(envOf("estonia-2007"), 1, { role: "EST", chair: "ai", humans: ["EST"] });
    expect(availableMeasures(session)).not.toContain("defensiveCyber");
    expect(availableMeasures(session)).not.toContain("countermeasures");
    expect(availableMeasures(session)).toContain("solidarity");
  });
});

describe("the debrief headline", () => {
  it("is a sentence, not a list of yes and no", () => {
    const text = outcomeSentence("no-consensus", true, false);
    expect(text).toBe(
      "The Council could not agree on a decision, although allies held Article 4 consultations. Article 5 was not invoked.",
    );
    for (const outcome of ["article-5", "collective-response", "statements", "no-consensus"])
      for (const a4 of [true, false]) {
        const t = outcomeSentence(outcome, a4, outcome === "article-5");
        expect(t).not.toMatch(/: (yes|no)\b/);
        expect(t).toMatch(/^The Council [^.]+\.( Article 5 was not invoked\.)?$/);
      }
  });
});

describe("the log keeps time", () => {
  it.each(SCENARIO_IDS)("%s: hours never run backwards", (id) => {
    for (const seed of [3, 4, 5]) {
      const lines = logLines(played(id, seed));
      const hours = lines.map((l) => l.hour);
      const parsed = hours.map((h) => {
        const m = /Day (\d+), (\d+):00/.exec(h);
        return m ? Number(m[1]) * 24 + Number(m[2]) : Number.NaN;
      });
      for (let i = 1; i < parsed.length; i++)
        expect(parsed[i], `${hours[i - 1]} then ${hours[i]}`).toBeGreaterThanOrEqual(parsed[i - 1] ?? 0);
    }
  });
});

describe("plurals", () => {
  it("says 1 item and 2 items", () => {
    expect(countOf(1, "item")).toBe("1 item");
    expect(countOf(2, "item")).toBe("2 items");
    expect(describeEntry({ k: "share", h: 0, by: "EST", to: "all", items: 1 })).toContain("(1 item)");
  });

  it("leaves no '(1 items)' in any played log", () => {
    for (const id of SCENARIO_IDS)
      for (const l of logLines(played(id, 1))) expect(l.text).not.toMatch(/\b1 (items|allies|days|seats|rounds)\b/);
  });
});

/** Phrases that belong to the project's notes, not to the game. */
const INTERNAL = [
  /project's sources/i,
  /uncertain in/i,
  /in our sources/i,
  /\[U\]/,
  /\.md\b/,
  /reference\//,
  /fact sheet/i,
  /\[[A-Z]{1,3}(-[A-Z]+)?\d*[a-z]?\]/, // a citation key like [E1] or [I-HU]
];

/** Every string in a JSON value with its path, leaving out fields that are notes to the project. */
function strings(v: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof v === "string") out.push([path, v]);
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) strings(x, `${path}[${i}]`, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) if (k !== "note") strings(x, `${path}.${k}`, out);
  return out;
}

describe("players see game text and real references only", () => {
  const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && !f.includes("schema"));

  it.each(files)("%s holds no internal note where players read it", (f) => {
    const found = strings(JSON.parse(readFileSync(`scenarios/${f}`, "utf8")), f, []).filter(([, t]) =>
      INTERNAL.some((r) => r.test(t)),
    );
    expect(found.map(([p, t]) => `${p}: ${t.slice(0, 120)}`)).toEqual([]);
  });

  it("every scenario source is a web address", () => {
    for (const id of SCENARIO_IDS)
      for (const src of bundledScenario(id)?.sources ?? [])
        for (const ref of src.ref.split(" ; ")) expect(ref, `${id}: ${src.label}`).toMatch(/^https?:\/\/\S+$/);
  });

  it("no dossier or profile basis cites a year after the scenario's date", () => {
    for (const id of SCENARIO_IDS) {
      const scenario = bundledScenario(id);
      if (!scenario) continue;
      const year = Number(scenario.date.slice(0, 4));
      for (const p of seatedAllies(bundledRoster(), scenario.date))
        for (const text of [dossierAt(p, scenario.date), provenanceAt(p, scenario.date), ...p.redLines]) {
          const late = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0])).filter((y) => y > year);
          expect(late, `${id} ${p.code}: ${text.slice(0, 100)}`).toEqual([]);
        }
    }
  });
});
