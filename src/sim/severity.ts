/**
 * Severity as each ally sees it: a scale-and-effects assessment in the spirit of the Tallinn Manual 2.0
 * factors, weighted by the ally's legal view, plus cumulative harm that decays slowly. Pure functions.
 */
import { log10, pow } from "./detMath.ts";
import type { AllyParams, Inject } from "./scenarioSchema.ts";
import type { DrawnEffects } from "./state.ts";

export const HARM_DECAY_PER_DAY = 0.97;
/** Brussels Summit, 14 June 2021: cumulative cyber activity may amount to an armed attack. */
export const CUMULATIVE_DOCTRINE_DATE = "2021-06-14";
/** Wales Summit, 5 September 2014: cyber defence is part of collective defence, Article 5 case by case. */
export const CYBER_ARTICLE5_DOCTRINE_DATE = "2014-09-05";

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Economic loss on a log scale: $10m ≈ 0.26, $1bn ≈ 0.75, $10bn ≈ 1. */
export function economicScale(musd: number): number {
  return clamp01(log10(1 + musd) / 4);
}

/** Deaths and injuries on a log scale: 10 ≈ 0.35, 100 ≈ 0.67, 1000 ≈ 1. */
export function casualtyScale(count: number): number {
  return clamp01(log10(1 + count) / 3);
}

/** Disruption weighted by how long it lasts: a day counts a little, two weeks fully. */
export function disruptionScale(disruption: number, days: number): number {
  return clamp01(disruption * Math.sqrt(clamp01(days / 14)));
}

/** The physical and non-physical magnitude of drawn effects (0..1 each). */
export function magnitudes(e: DrawnEffects): { physical: number; nonPhysical: number; military: number } {
  const physical = Math.max(e.physicalDamage, casualtyScale(e.casualties));
  const nonPhysical = Math.max(
    disruptionScale(e.disruption, e.durationDays),
    economicScale(e.economicLossMusd),
    e.dataCompromise * 0.7,
    e.democraticInstitutions * 0.8,
  );
  return { physical, nonPhysical, military: e.militaryReadiness };
}

/**
 * The severity of one incident through one ally's legal lens (0..1): physical harm counts fully,
 * non-physical harm as far as the ally's position lets it, shifted by immediacy, directness,
 * invasiveness and measurability, with military character adding weight.
 */
export function assessIncident(params: AllyParams, effects: DrawnEffects, factors: Inject["factors"]): number {
  const m = magnitudes(effects);
  const nonPhysical = m.nonPhysical * (0.45 + 0.55 * params.economicHarmWeight);
  // Harm of both kinds at once is worse than either alone.
  const weighted = Math.max(m.physical, nonPhysical) + 0.3 * Math.min(m.physical, nonPhysical);
  const tallinn = (factors.immediacy + factors.directness + factors.invasiveness + factors.measurability) / 4;
  return clamp01(weighted * (0.75 + 0.25 * tallinn) + 0.1 * m.military);
}

/** A neutral reading of an incident's severity, for display and Council-level scores. */
export function neutralSeverity(effects: DrawnEffects, factors: Inject["factors"]): number {
  return assessIncident(NEUTRAL_PARAMS, effects, factors);
}

/** A middle-of-the-table ally: the neutral lens for Council-level readings (and a baseline for tests). */
export const NEUTRAL_PARAMS: AllyParams = {
  exposure: 0.5,
  severityThreshold: 0.7,
  attributionThreshold: 0.65,
  escalationAversion: 0.5,
  solidarity: 0.7,
  cyberCapability: 0.5,
  domesticConstraint: 0.3,
  economicHarmWeight: 0.55,
  economicTies: 0.3,
  instruments: { political: 0.5, economic: 0.5, cyber: 0.5, military: 0.5 },
};

/** Cumulative harm after `days` of decay and a new incident of `severity`. */
export function accumulateHarm(harm: number, days: number, severity: number): number {
  return harm * pow(HARM_DECAY_PER_DAY, Math.max(0, days)) + severity;
}

/**
 * The ally's overall assessment: the latest incident, raised by earlier harm that has not decayed.
 * After the Brussels 2021 doctrine, cumulative activity weighs more.
 */
export function overallSeverity(latest: number, harm: number, date: string): number {
  const weight = date >= CUMULATIVE_DOCTRINE_DATE ? 0.35 : 0.15;
  return clamp01(latest + weight * Math.max(0, harm - latest));
}
