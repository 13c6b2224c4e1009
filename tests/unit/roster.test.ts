import { describe, expect, it } from "vitest";
import { bundledRoster } from "../../src/sim/catalog.ts";
import { compareNames, seatedAllies } from "../../src/sim/roster.ts";

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
