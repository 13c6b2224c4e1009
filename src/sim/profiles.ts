/**
 * An ally's profile as it stood at a scenario's date and towards the scenario's adversary: eras replace what
 * changed since, and a named adversary state brings its own exposure and economic ties. Pure; the roster is
 * never mutated.
 */
import type { AllyEra, AllyParams, AllyProfile, Roster, Scenario } from "./scenarioSchema.ts";

/** The per-seed parameter spread of an ally when neither it nor the roster states one. */
export const DEFAULT_SPREAD = 0.05;

/** What an unnamed adversary is called in text. */
export const GENERIC_ADVERSARY = "a hostile state";

/** Names used when a scenario gives a state code but no stateName. */
const STATE_NAMES: Readonly<Record<string, string>> = {
  RUS: "the Russian Federation",
  CHN: "the People's Republic of China",
  IRN: "the Islamic Republic of Iran",
  PRK: "the Democratic People's Republic of Korea",
};

/** The eras that apply on `date` (YYYY-MM-DD), in the order they are applied: latest cutoff first. */
export function erasAt(profile: AllyProfile, date: string): AllyEra[] {
  return (profile.eras ?? []).filter((e) => date < e.before).sort((a, b) => (a.before < b.before ? 1 : -1));
}

/** The ally's parameters on `date` towards `adversaryState` (an ISO alpha-3 code), as a fresh object. */
export function paramsAt(profile: AllyProfile, date: string, adversaryState: string | undefined): AllyParams {
  const eras = erasAt(profile, date);
  const params: AllyParams = { ...profile.params, instruments: { ...profile.params.instruments } };
  for (const era of eras) {
    const { instruments, ...rest } = era.params ?? {};
    Object.assign(params, rest);
    if (instruments) Object.assign(params.instruments, instruments);
  }
  const base = adversaryState === undefined ? undefined : profile.adversaries?.[adversaryState];
  if (adversaryState !== undefined && base) {
    let { exposure, economicTies } = base;
    for (const era of eras) {
      const patch = era.adversaries?.[adversaryState];
      exposure = patch?.exposure ?? exposure;
      economicTies = patch?.economicTies ?? economicTies;
    }
    params.exposure = exposure;
    params.economicTies = economicTies;
  }
  return params;
}

/** The role-card dossier valid on `date`: the earliest-cutoff era that rewrites it, else today's. */
export function dossierAt(profile: AllyProfile, date: string): string {
  let text = profile.dossier;
  for (const era of erasAt(profile, date)) if (era.dossier) text = era.dossier;
  return text;
}

/** The provenance note valid on `date`, which cites nothing later than the era it belongs to. */
export function provenanceAt(profile: AllyProfile, date: string): string {
  let text = profile.provenance;
  for (const era of erasAt(profile, date)) if (era.provenance) text = era.provenance;
  return text;
}

/** The stated per-seed uncertainty of an ally's parameters: its own, else the roster's, else DEFAULT_SPREAD. */
export function spreadOf(roster: Roster, profile: AllyProfile): number {
  return profile.spread ?? roster.spread ?? DEFAULT_SPREAD;
}

/** The name of the state the "state" attribution hypothesis points to in this scenario. */
export function adversaryLabel(scenario: Scenario): string {
  const { state, stateName } = scenario.adversary;
  return stateName ?? (state ? STATE_NAMES[state] : undefined) ?? GENERIC_ADVERSARY;
}
