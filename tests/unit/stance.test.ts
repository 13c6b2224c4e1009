import { describe, expect, it } from "vitest";
import { bundledRoster } from "../../src/sim/catalog.ts";
import { explainReason } from "../../src/sim/explain.ts";
import { MEASURES, measureById } from "../../src/sim/measures.ts";
import {
  type AllyOutlook,
  judgeDraft,
  judgeMeasure,
  NO_SWAY,
  objectionStrength,
  requiredSeverity,
} from "../../src/sim/stance.ts";

const profile = (code: string) => {
  const p = bundledRoster().allies.find((a) => a.code === code);
  if (!p) throw new Error(code);
  return p.params;
};
const outlook = (code: string, severity: number, confidence: number, victim = false): AllyOutlook => ({
  params: profile(code),
  severity,
  confidence,
  victim,
  sway: NO_SWAY,
  stateHarm: 0.5,
  pleaded: 0,
  helpSought: true,
});

describe("judgeMeasure", () => {
  it("rejects Article 5 on attribution with the numbers that decide it", () => {
    const j = judgeMeasure(outlook("DEU", 0.95, 0.45), "article5", "2026-01-01");
    expect(j.accept).toBe(false);
    expect(j.hard).toBe(true);
    const r = j.reasons.find((x) => x.code === "attribution_below_threshold");
    expect(r?.value).toBe(0.45);
    expect(r?.threshold).toBeGreaterThan(0.45);
    expect(explainReason(r ?? j.reasons[0] ?? { code: "supports", value: 0, threshold: 0 })).toMatch(
      /attribution confidence 0\.45 < our threshold 0\.\d\d for invoke article 5/,
    );
  });
  it("rejects Article 5 on severity below the ally's own armed-attack threshold", () => {
    const j = judgeMeasure(outlook("HUN", 0.5, 0.99), "article5", "2026-01-01");
    expect(j.reasons.map((r) => r.code)).toContain("severity_below_threshold");
  });
  it("accepts Article 5 when an armed attack is clear and attributed, even for a cautious ally", () => {
    expect(judgeMeasure(outlook("HUN", 0.99, 0.99), "article5", "2026-01-01").accept).toBe(true);
  });
  it("makes Article 5 harder before the Wales Summit (2014) recognised cyber defence as collective defence", () => {
    const m = measureById("article5");
    expect(requiredSeverity(profile("EST"), m, "2007-04-27")).toBeGreaterThan(
      requiredSeverity(profile("EST"), m, "2015-01-01"),
    );
  });
  it("refuses measures not yet in NATO's toolbox at the scenario's date", () => {
    const j = judgeMeasure(outlook("USA", 0.9, 0.99, true), "defensiveCyber", "2017-06-27");
    expect(j.accept).toBe(false);
    expect(j.reasons[0]?.code).toBe("not_available");
    expect(judgeMeasure(outlook("USA", 0.9, 0.99, true), "defensiveCyber", "2019-01-01").accept).toBe(true);
  });
  it("lets an ally with strong economic ties object to sanctions on cost, not thresholds", () => {
    const j = judgeMeasure(outlook("HUN", 0.6, 0.95), "sanctions", "2026-01-01");
    expect(j.accept).toBe(false);
    expect(j.hard).toBe(false);
    expect(j.reasons.map((r) => r.code)).toContain("economic_cost");
  });
  it("always accepts a statement of concern", () => {
    for (const a of bundledRoster().allies)
      expect(judgeMeasure(outlook(a.code, 0, 0), "concern", "2026-01-01").accept).toBe(true);
  });
  it("lists every measure of the ladder once, weakest first", () => {
    expect(MEASURES.map((m) => m.rank)).toEqual(MEASURES.map((_, i) => i));
  });
});

describe("judgeDraft", () => {
  const all = MEASURES.map((m) => m.id).filter((m) => m !== "article4");
  it("opposes a draft with a measure it cannot accept, and says why", () => {
    const d = judgeDraft(outlook("DEU", 0.95, 0.45), ["solidarity", "article5"], all, "2026-01-01");
    expect(d.stance).toBe("oppose");
    expect(d.reasons.some((r) => r.measure === "article5")).toBe(true);
  });
  it("is undecided when it wants more than the draft gives", () => {
    const d = judgeDraft(outlook("EST", 0.9, 0.95, true), ["concern"], all, "2026-01-01");
    expect(d.stance).toBe("undecided");
    expect(d.reasons.every((r) => r.code === "wants_more")).toBe(true);
  });
  it("objects more strongly the further attribution falls short", () => {
    const draft = ["article5"] as const;
    const near = judgeDraft(outlook("DEU", 0.95, 0.75), draft, all, "2026-01-01");
    const far = judgeDraft(outlook("DEU", 0.95, 0.3), draft, all, "2026-01-01");
    expect(objectionStrength(far.judgements, draft)).toBeGreaterThan(objectionStrength(near.judgements, draft));
    expect(objectionStrength(near.judgements, ["concern"])).toBe(0);
  });
});
