import { describe, expect, it } from "vitest";
import { absorbEvidence, leadingHypothesis, priorBelief, stateConfidence } from "../../src/sim/attribution.ts";
import type { AllyParams, Evidence } from "../../src/sim/scenarioSchema.ts";
import { NEUTRAL_PARAMS } from "../../src/sim/severity.ts";

const params = (cyberCapability: number, exposure = 0.5): AllyParams => ({
  ...NEUTRAL_PARAMS,
  cyberCapability,
  exposure,
});
const evidence = (
  kind: Evidence["kind"],
  pointsTo: Evidence["pointsTo"],
  reveals?: Evidence["pointsTo"],
): Evidence => ({
  id: "e",
  hour: 0,
  kind,
  pointsTo,
  ...(reveals ? { reveals } : {}),
  strength: [0.5, 0.5],
  holders: "all",
  title: "t",
  text: "t",
});

describe("national attribution", () => {
  it("starts more suspicious of a state in more exposed allies", () => {
    expect(stateConfidence(priorBelief(params(0.5, 0.95)))).toBeGreaterThan(
      stateConfidence(priorBelief(params(0.5, 0.2))),
    );
  });
  it("rises with technical evidence pointing to a state, more for capable allies", () => {
    const prior = priorBelief(params(0.5));
    const weak = absorbEvidence(prior, evidence("technical", "state"), 0.6, params(0.2), false, false, 0.9);
    const strong = absorbEvidence(prior, evidence("technical", "state"), 0.6, params(0.95), false, false, 0.9);
    expect(stateConfidence(weak)).toBeGreaterThan(stateConfidence(prior));
    expect(stateConfidence(strong)).toBeGreaterThan(stateConfidence(weak));
  });
  it("counts shared (secondhand) intelligence less than one's own", () => {
    const prior = priorBelief(params(0.5));
    const own = absorbEvidence(prior, evidence("intelligence", "state"), 0.7, params(0.5), false, false, 0.9);
    const shared = absorbEvidence(prior, evidence("intelligence", "state"), 0.7, params(0.5), false, true, 0.9);
    expect(stateConfidence(own)).toBeGreaterThan(stateConfidence(shared));
  });
  it("lets a capable ally see through a false flag when the draw allows, and fools it otherwise", () => {
    const prior = priorBelief(params(0.9));
    const flag = evidence("falseFlag", "criminal", "state");
    const seen = absorbEvidence(prior, flag, 0.8, params(0.9), false, false, 0.1);
    const fooled = absorbEvidence(prior, flag, 0.8, params(0.9), false, false, 0.99);
    expect(leadingHypothesis(seen).actor).toBe("state");
    expect(leadingHypothesis(fooled).actor).toBe("criminal");
  });
  it("keeps probabilities normalised whatever the weights", () => {
    for (const b of [
      [0, 0, 0, 0],
      [50, -50, 3, 2],
      [-800, -800, -800, 0],
    ]) {
      const c = stateConfidence(b);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
  it("does not change the belief it was given", () => {
    const prior = priorBelief(params(0.5));
    const copy = [...prior];
    absorbEvidence(prior, evidence("technical", "state"), 0.6, params(0.5), false, false, 0.5);
    expect(prior).toEqual(copy);
  });
});
