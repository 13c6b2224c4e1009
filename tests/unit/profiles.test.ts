import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import {
  adversaryLabel,
  DEFAULT_SPREAD,
  dossierAt,
  erasAt,
  GENERIC_ADVERSARY,
  paramsAt,
  provenanceAt,
  spreadOf,
} from "../../src/sim/profiles.ts";
import { seatedAllies } from "../../src/sim/roster.ts";
import type { AllyProfile, Roster, Scenario } from "../../src/sim/scenarioSchema.ts";

const roster = bundledRoster();
const scenarios: Scenario[] = SCENARIO_IDS.map((id) => {
  const s = bundledScenario(id);
  if (!s) throw new Error(id);
  return s;
});

/** A profile built for the tests: fallback exposure 0.5, RUS 0.9, and three eras. */
function fixture(): AllyProfile {
  return {
    code: "TST",
    name: "Testland",
    joined: "1949-08-24",
    params: {
      exposure: 0.5,
      severityThreshold: 0.7,
      attributionThreshold: 0.6,
      escalationAversion: 0.5,
      solidarity: 0.8,
      cyberCapability: 0.6,
      domesticConstraint: 0.3,
      economicTies: 0.2,
      economicHarmWeight: 0.5,
      instruments: { political: 0.8, economic: 0.6, cyber: 0.5, military: 0.5 },
    },
    provenance: "Provenance of today, long enough to pass.",
    dossier: "Dossier of today, long enough to pass.",
    objectives: ["consensus"],
    redLines: ["none"],
    adversaries: {
      RUS: { exposure: 0.9, economicTies: 0.1, note: "border" },
      CHN: { exposure: 0.3, economicTies: 0.6, note: "trade" },
    },
    eras: [
      // listed out of order on purpose: application order comes from the dates, not the file
      {
        before: "2014-03-18",
        params: { solidarity: 0.6, instruments: { military: 0.2 } },
        adversaries: { RUS: { exposure: 0.7 } },
        dossier: "Dossier before 2014, long enough to pass.",
        note: "pre-Crimea",
      },
      {
        before: "2022-02-24",
        params: { solidarity: 0.7, escalationAversion: 0.6 },
        adversaries: { RUS: { exposure: 0.8, economicTies: 0.4 } },
        dossier: "Dossier before 2022, long enough to pass.",
        note: "pre-invasion",
      },
      {
        before: "2018-01-01",
        provenance: "Provenance before 2018, long enough to pass.",
        note: "texts only",
      },
    ],
  };
}

describe("paramsAt", () => {
  it("applies no era on or after every cutoff", () => {
    const p = fixture();
    expect(paramsAt(p, "2022-02-24", undefined)).toEqual(p.params);
    expect(paramsAt(p, "2026-01-15", undefined)).toEqual(p.params);
  });

  it("applies an era only before its date", () => {
    const p = fixture();
    expect(paramsAt(p, "2022-02-23", undefined).solidarity).toBe(0.7);
    expect(paramsAt(p, "2014-03-18", undefined).solidarity).toBe(0.7);
    expect(paramsAt(p, "2014-03-18", undefined).instruments.military).toBe(0.5);
  });

  it("applies eras latest cutoff first, so the earliest cutoff wins", () => {
    const p = fixture();
    const at2007 = paramsAt(p, "2007-04-27", undefined);
    expect(at2007.solidarity).toBe(0.6); // the 2014 era overrides the 2022 era
    expect(at2007.escalationAversion).toBe(0.6); // only the 2022 era sets it, so it survives
    expect(at2007.instruments).toEqual({ political: 0.8, economic: 0.6, cyber: 0.5, military: 0.2 });
    expect(erasAt(p, "2007-04-27").map((e) => e.before)).toEqual(["2022-02-24", "2018-01-01", "2014-03-18"]);
  });

  it("replaces exposure and economic ties with the named adversary's entry, era-adjusted", () => {
    const p = fixture();
    expect(paramsAt(p, "2026-01-15", "RUS")).toMatchObject({ exposure: 0.9, economicTies: 0.1 });
    expect(paramsAt(p, "2026-01-15", "CHN")).toMatchObject({ exposure: 0.3, economicTies: 0.6 });
    expect(paramsAt(p, "2017-06-27", "RUS")).toMatchObject({ exposure: 0.8, economicTies: 0.4 });
    // the 2014 era overrides exposure only; economic ties keep the 2022 era's value
    expect(paramsAt(p, "2007-04-27", "RUS")).toMatchObject({ exposure: 0.7, economicTies: 0.4 });
    // an era's fallback-free adversary overrides leave other adversaries alone
    expect(paramsAt(p, "2007-04-27", "CHN")).toMatchObject({ exposure: 0.3, economicTies: 0.6 });
  });

  it("falls back to params.exposure and params.economicTies for an unnamed or unknown adversary", () => {
    const p = fixture();
    for (const state of [undefined, "PRK", "XYZ"]) {
      expect(paramsAt(p, "2026-01-15", state)).toMatchObject({ exposure: 0.5, economicTies: 0.2 });
      expect(paramsAt(p, "2007-04-27", state)).toMatchObject({ exposure: 0.5, economicTies: 0.2 });
    }
  });

  it("returns a fresh object and never mutates the profile or the roster", () => {
    const p = fixture();
    const before = structuredClone(p);
    const a = paramsAt(p, "2007-04-27", "RUS");
    a.solidarity = 0;
    a.instruments.military = 0;
    expect(p).toEqual(before);
    expect(paramsAt(p, "2026-01-15", undefined)).not.toBe(p.params);
    expect(paramsAt(p, "2026-01-15", undefined).instruments).not.toBe(p.params.instruments);

    const snapshot = structuredClone(roster);
    for (const s of scenarios)
      for (const ally of roster.allies) {
        const q = paramsAt(ally, s.date, s.adversary.state);
        q.exposure = -1;
        q.instruments.cyber = -1;
      }
    expect(roster).toEqual(snapshot);
  });
});

describe("dossierAt and provenanceAt", () => {
  it("return the text of the earliest-cutoff era that rewrites it, else today's", () => {
    const p = fixture();
    expect(dossierAt(p, "2026-01-15")).toBe(p.dossier);
    expect(dossierAt(p, "2017-06-27")).toMatch(/before 2022/);
    expect(dossierAt(p, "2007-04-27")).toMatch(/before 2014/);
    expect(provenanceAt(p, "2017-06-27")).toMatch(/before 2018/);
    expect(provenanceAt(p, "2021-05-07")).toBe(p.provenance);
  });
});

const YEAR = /\b(19[9]\d|20[0-3]\d)\b/g;
const yearsIn = (text: string) => [...text.matchAll(YEAR)].map((m) => Number(m[1]));

describe("no anachronisms in the bundled roster", () => {
  it.each(scenarios.map((s) => [s.id, s.date] as const))(
    "%s (%s): no seated ally's dossier or provenance cites a later year",
    (_id, date) => {
      // Allies not yet at the table are skipped: their texts cannot be read then (and may name their accession).
      const year = Number(date.slice(0, 4));
      const late: string[] = [];
      for (const ally of seatedAllies(roster, date)) {
        for (const y of yearsIn(dossierAt(ally, date))) if (y > year) late.push(`${ally.code} dossier: ${y}`);
        for (const y of yearsIn(provenanceAt(ally, date))) if (y > year) late.push(`${ally.code} provenance: ${y}`);
      }
      expect(late).toEqual([]);
    },
  );
});

describe("adversaries in the bundled scenarios", () => {
  it("every seated ally has an entry for a scenario's named adversary", () => {
    const named = scenarios.filter((s) => s.adversary.state);
    expect(named.map((s) => s.id)).toEqual(["estonia-2007", "notpetya-2017", "colonial-pipeline-2021"]);
    for (const s of named) {
      const state = s.adversary.state ?? "";
      const missing = seatedAllies(roster, s.date).filter((a) => !a.adversaries?.[state]);
      expect(
        missing.map((a) => a.code),
        s.id,
      ).toEqual([]);
    }
  });

  it("every ally has entries for RUS, CHN, IRN and PRK", () => {
    for (const a of roster.allies)
      expect(Object.keys(a.adversaries ?? {}).sort(), a.code).toEqual(["CHN", "IRN", "PRK", "RUS"]);
  });

  it("today's Russian entry equals today's fallback, so an unnamed adversary keeps today's behaviour", () => {
    for (const a of roster.allies)
      expect(a.adversaries?.RUS, a.code).toMatchObject({
        exposure: a.params.exposure,
        economicTies: a.params.economicTies,
      });
  });

  it("every era says what changed", () => {
    for (const a of roster.allies)
      for (const e of a.eras ?? []) expect(e.note.length, `${a.code} ${e.before}`).toBeGreaterThan(30);
  });

  it("labels the adversary by the state the attribution names", () => {
    const label = (id: string) => adversaryLabel(scenarios.find((s) => s.id === id) as Scenario);
    expect(label("colonial-pipeline-2021")).toBe("the Russian Federation");
    expect(label("control-article-5")).toBe(GENERIC_ADVERSARY);
    const base = scenarios[0] as Scenario;
    const withCode = (state?: string, stateName?: string) =>
      adversaryLabel({ ...base, adversary: { ...base.adversary, state, stateName } });
    expect(withCode("IRN")).toMatch(/Iran/);
    expect(withCode("BLR")).toBe(GENERIC_ADVERSARY);
    expect(withCode("BLR", "the Republic of Belarus")).toBe("the Republic of Belarus");
  });
});

describe("spreadOf", () => {
  it("uses the ally's spread, else the roster's, else the default", () => {
    const p = fixture();
    const bare: Roster = { note: "n", allies: [p] };
    expect(spreadOf(bare, p)).toBe(DEFAULT_SPREAD);
    expect(spreadOf({ ...bare, spread: 0.08 }, p)).toBe(0.08);
    expect(spreadOf({ ...bare, spread: 0.08 }, { ...p, spread: 0.12 })).toBe(0.12);
    expect(roster.spread).toBe(0.05);
    for (const a of roster.allies) expect(spreadOf(roster, a)).toBeLessThanOrEqual(0.15);
  });
});
