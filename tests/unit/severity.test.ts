import { describe, expect, it } from "vitest";
import type { AllyParams } from "../../src/sim/scenarioSchema.ts";
import {
  accumulateHarm,
  assessIncident,
  casualtyScale,
  economicScale,
  HARM_DECAY_PER_DAY,
  NEUTRAL_PARAMS,
  overallSeverity,
} from "../../src/sim/severity.ts";
import type { DrawnEffects } from "../../src/sim/state.ts";

const params = (economicHarmWeight: number): AllyParams => ({ ...NEUTRAL_PARAMS, economicHarmWeight });
const none: DrawnEffects = {
  disruption: 0,
  durationDays: 0,
  economicLossMusd: 0,
  physicalDamage: 0,
  casualties: 0,
  dataCompromise: 0,
  militaryReadiness: 0,
  democraticInstitutions: 0,
};
const factors = { immediacy: 1, directness: 1, invasiveness: 1, measurability: 1 };

describe("scales", () => {
  it.each([
    [0, 0],
    [9, 0.25],
    [999, 0.75],
    [9999, 1],
    [1e9, 1],
  ])("economic loss of $%im scales to %f", (musd, expected) => {
    expect(economicScale(musd)).toBeCloseTo(expected, 2);
  });
  it.each([
    [0, 0],
    [9, 1 / 3],
    [99, 2 / 3],
    [999, 1],
  ])("%i casualties scale to %f", (n, expected) => {
    expect(casualtyScale(n)).toBeCloseTo(expected, 2);
  });
});

describe("assessIncident", () => {
  it("counts physical destruction fully whatever the ally's legal view", () => {
    const e = { ...none, physicalDamage: 0.8 };
    expect(assessIncident(params(0), e, factors)).toBeCloseTo(assessIncident(params(1), e, factors), 6);
    expect(assessIncident(params(0), e, factors)).toBeCloseTo(0.8, 6);
  });
  it("weighs economic harm by the ally's view: a France-like ally sees more than a UK-like one", () => {
    const e = { ...none, economicLossMusd: 5000 };
    expect(assessIncident(params(0.8), e, factors)).toBeGreaterThan(assessIncident(params(0.35), e, factors));
  });
  it("is raised when physical and non-physical harm come together", () => {
    const both = { ...none, physicalDamage: 0.6, economicLossMusd: 5000 };
    expect(assessIncident(params(0.5), both, factors)).toBeGreaterThan(
      assessIncident(params(0.5), { ...none, physicalDamage: 0.6 }, factors),
    );
  });
  it("is lowered by weak Tallinn factors (indirect, unmeasurable effects)", () => {
    const e = { ...none, physicalDamage: 0.6 };
    const weak = { immediacy: 0, directness: 0, invasiveness: 0, measurability: 0 };
    expect(assessIncident(params(0.5), e, weak)).toBeLessThan(assessIncident(params(0.5), e, factors));
  });
  it("never leaves 0..1", () => {
    const worst = { ...none, physicalDamage: 1, casualties: 1e6, militaryReadiness: 1, economicLossMusd: 1e6 };
    expect(assessIncident(params(1), worst, factors)).toBe(1);
    expect(assessIncident(params(0), none, factors)).toBe(0);
  });
});

describe("cumulative harm", () => {
  it("decays slowly per day and adds the new incident", () => {
    expect(accumulateHarm(1, 10, 0.2)).toBeCloseTo(HARM_DECAY_PER_DAY ** 10 + 0.2, 9);
  });
  it("weighs more after the Brussels 2021 cumulative doctrine than before", () => {
    expect(overallSeverity(0.4, 1.2, "2022-01-01")).toBeGreaterThan(overallSeverity(0.4, 1.2, "2017-06-27"));
    expect(overallSeverity(0.4, 0.4, "2022-01-01")).toBeCloseTo(0.4, 9);
  });
});
