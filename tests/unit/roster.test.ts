import { describe, expect, it } from "vitest";
import rosterFile from "../../scenarios/allies.json" with { type: "json" };
import { bundledRoster } from "../../src/sim/catalog.ts";
import { compareNames, seatedAllies } from "../../src/sim/roster.ts";
import { ScenarioError, validateRoster } from "../../src/sim/scenarioLoader.ts";

describe("council membership at a date", () => {
  const roster = bundledRoster();
  it.each([
    ["2007-04-27", 26], // Estonia 2007
    ["2009-03-31", 26],
    ["2009-04-01", 28], // Albania and Croatia
    ["2017-06-04", 28],
    ["2017-06-05", 29], // Montenegro
    ["2020-03-27", 30], // North Macedonia
    ["2023-04-04", 31], // Finland
    ["2024-03-07", 32], // Sweden
    ["2026-11-22", 32],
  ])("on %s the Council seats %i allies", (date, count) => {
    expect(seatedAllies(roster, date)).toHaveLength(count);
  });

  it("has 32 allies with unique ISO 3166 alpha-3 codes", () => {
    const codes = roster.allies.map((a) => a.code);
    expect(new Set(codes).size).toBe(32);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{3}$/);
  });

  it("seats allies in English alphabetical order, Türkiye between Sweden and the United Kingdom", () => {
    const names = seatedAllies(roster, "2026-01-01").map((a) => a.name);
    expect([...names].sort(compareNames)).toEqual(names);
    const t = names.indexOf("Türkiye");
    expect(names[t - 1]).toBe("Sweden");
    expect(names[t + 1]).toBe("United Kingdom");
    expect(names[0]).toBe("Albania");
    expect(names[names.length - 1]).toBe("United States");
  });

  it("marks every profile as a stylized parameter set with provenance", () => {
    expect(roster.note.toLowerCase()).toMatch(/stylized|stylised/);
    for (const a of roster.allies) expect(a.provenance.length).toBeGreaterThan(40);
  });
});

describe("roster validation", () => {
  type RosterFile = { note: string; spread?: number; allies: Record<string, unknown>[] };
  const copy = () => structuredClone(rosterFile) as unknown as RosterFile;
  function firstProblem(mutate: (r: RosterFile) => unknown): { path: string; reason: string } {
    const r = copy();
    mutate(r);
    try {
      validateRoster(r, "allies.json");
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      const e = err as ScenarioError;
      expect(e.message.startsWith("allies.json: ")).toBe(true);
      const first = e.problems[0];
      if (!first) throw new Error("no problem reported");
      return first;
    }
    throw new Error("the malformed roster was accepted");
  }
  const ally = (r: RosterFile, i = 0) =>
    r.allies[i] as { adversaries: Record<string, unknown>; eras: Record<string, unknown>[] };

  it("still accepts a roster in the format before adversaries, eras and spreads", () => {
    const r = copy();
    delete r.spread;
    for (const a of r.allies) {
      delete a.adversaries;
      delete a.eras;
      delete a.spread;
    }
    const parsed = validateRoster(r, "old.json");
    expect(parsed.allies).toHaveLength(32);
    expect(parsed.spread).toBeUndefined();
  });

  it.each([
    [
      "an adversary key that is not an alpha-3 code",
      (r: RosterFile) => (ally(r).adversaries.Rus = { exposure: 0.5, economicTies: 0.1, note: "x" }),
      "$.allies[0].adversaries.Rus",
      /invalid key "Rus": expected an ISO 3166 alpha-3 code/,
    ],
    [
      "an era whose cutoff is not a date",
      (r: RosterFile) => ((ally(r).eras[0] as { before: string }).before = "before the war"),
      "$.allies[0].eras[0].before",
      /YYYY-MM-DD/,
    ],
    [
      "an era whose cutoff does not exist in the calendar",
      (r: RosterFile) => ((ally(r).eras[0] as { before: string }).before = "2022-02-30"),
      "$.allies[0].eras[0].before",
      /real calendar date/,
    ],
    [
      "two eras with the same cutoff",
      (r: RosterFile) =>
        ((ally(r).eras[1] as { before: string }).before = (ally(r).eras[0] as { before: string }).before),
      "$.allies[0].eras[1].before",
      /another era of ALB also ends before 2022-07-15/,
    ],
    [
      "an era overriding an adversary the ally has no entry for",
      (r: RosterFile) => (ally(r).eras[0] = { ...ally(r).eras[0], adversaries: { BLR: { exposure: 0.5 } } }),
      "$.allies[0].eras[0].adversaries.BLR",
      /ALB has no entry for BLR/,
    ],
    [
      "an era with an unknown parameter",
      (r: RosterFile) => (ally(r).eras[0] = { ...ally(r).eras[0], params: { instruments: { nuclear: 1 } } }),
      "$.allies[0].eras[0].params.instruments",
      /nuclear/,
    ],
    ["a spread outside 0..1", (r: RosterFile) => (r.spread = 2), "$.spread", /<=1/],
  ])("rejects %s with the JSON path and the reason", (_name, mutate, path, reason) => {
    const p = firstProblem(mutate);
    expect(p.path).toBe(path);
    expect(p.reason).toMatch(reason);
  });
});
