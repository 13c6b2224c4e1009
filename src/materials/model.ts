/**
 * Printable materials as plain data, built only from a scenario file and the ally roster: a role card for
 * every ally seated on the scenario's date (its profile as it stood then), and an intelligence handout for
 * every incident and every piece of evidence, with its time. Pure; html.ts renders it.
 */
import {
  availableAt,
  type Measure as LadderMeasure,
  MEASURES,
  wordedName,
  wordingAvailableAt,
} from "../sim/measures.ts";
import { adversaryLabel, dossierAt, paramsAt, provenanceAt } from "../sim/profiles.ts";
import { seatedAllies } from "../sim/roster.ts";
import type { AllyProfile, Inject, Roster, Scenario } from "../sim/scenarioSchema.ts";
import { objectiveText } from "../ui/words.ts";
import { dayTime, effectLines, evidenceKindWords, leaningLines, listWords } from "./plainWords.ts";

export interface RoleCard {
  code: string; // ISO alpha-3, for the page's data attribute only
  name: string;
  joinedYear: string;
  profile: string; // who you are, in the second person, as at the scenario's date
  leanings: string[]; // the stylized parameters in words
  basis: string; // what the stylized profile rests on, as it could be stated then
  instructions: string; // from the scenario's role card, or general text from the profile
  specific: boolean; // true when the scenario wrote instructions for this ally
  objectives: string[];
  redLines: string[];
}

export interface Handout {
  kind: "incident" | "evidence";
  optional: boolean; // an inject the facilitator may play live
  time: string; // "Day 1, 06:00" on the scheduled timeline, or "Incident + 6 h" for an optional inject
  hour: number; // for ordering: hours from the first incident (optional injects after the scheduled ones)
  label: string; // "Situation report", "Intelligence report", …
  title: string;
  text: string;
  details: string[]; // who was hit and the sectors; or who receives the item
  estimates: string[]; // an incident's first estimates of its effects
}

export interface Measure {
  name: string;
  summary: string;
}

export interface Materials {
  title: string;
  date: string; // YYYY-MM-DD
  summary: string;
  adversary: string;
  cards: RoleCard[];
  handouts: Handout[];
  measures: Measure[]; // the ladder as it stood on the scenario's date
}

const nameOf = (roster: Roster, code: string) => roster.allies.find((a) => a.code === code)?.name ?? code;

/** A role card for one seated ally, from the scenario's card where there is one, else from its profile. */
export function roleCard(scenario: Scenario, profile: AllyProfile): RoleCard {
  const card = scenario.roleCards[profile.code];
  const objectives = (card?.objectives ?? profile.objectives).map(objectiveText);
  const params = paramsAt(profile, scenario.date, scenario.adversary.state);
  return {
    code: profile.code,
    name: profile.name,
    joinedYear: profile.joined.slice(0, 4),
    profile: dossierAt(profile, scenario.date),
    leanings: leaningLines(params, adversaryLabel(scenario)),
    basis: provenanceAt(profile, scenario.date),
    instructions: card?.brief ?? GENERAL_INSTRUCTIONS,
    specific: card !== undefined,
    objectives: objectives.map((o) => o.charAt(0).toUpperCase() + o.slice(1)),
    redLines: profile.redLines,
  };
}

const GENERAL_INSTRUCTIONS =
  "Your capital has sent no instructions for this crisis beyond its standing line: act on the profile above and " +
  "work for the objectives below. Hold to your red lines; on everything else you may negotiate, and you may keep " +
  "silence with a statement for the record rather than block a text you can live with.";

function incidentHandout(roster: Roster, inject: Inject, optional: boolean, base: number): Handout {
  const names = (codes: readonly string[]) => listWords(codes.map((c) => nameOf(roster, c)));
  return {
    kind: "incident",
    optional,
    time: optional ? "When the facilitator plays it" : `Day ${inject.day}`,
    hour: base,
    label: optional ? "Situation report (optional inject)" : "Situation report",
    title: inject.title,
    text: inject.text,
    details: [
      `Allies hit: ${names(inject.targets)}`,
      ...(inject.spillover.length ? [`Also affected: ${names(inject.spillover)}`] : []),
      `Sectors: ${listWords(inject.sectors)}`,
    ],
    estimates: effectLines(inject.effects),
  };
}

function evidenceHandouts(roster: Roster, inject: Inject, optional: boolean, base: number): Handout[] {
  return inject.evidence.map((e) => ({
    kind: "evidence",
    optional,
    time: optional
      ? `Optional inject: incident + ${e.hour} h`
      : `${dayTime(inject.day * 24 + e.hour)} (incident + ${e.hour} h)`,
    hour: base + e.hour,
    label: evidenceKindWords(e.kind),
    title: e.title,
    text: e.text,
    details: [
      e.holders === "all"
        ? "Received by: every delegation"
        : `Received by: ${listWords(e.holders.map((c) => nameOf(roster, c)))} only (they may share it)`,
      `Concerning: ${inject.title}`,
    ],
    estimates: [],
  }));
}

/** Every incident and evidence item in the order they surface; optional injects come last. */
export function handoutsOf(scenario: Scenario, roster: Roster): Handout[] {
  const scheduled = scenario.injects.flatMap((inject) => {
    const base = inject.day * 24;
    return [incidentHandout(roster, inject, false, base), ...evidenceHandouts(roster, inject, false, base)];
  });
  scheduled.sort((a, b) => a.hour - b.hour);
  const end = Math.max(0, ...scheduled.map((h) => h.hour)) + 1;
  const optional = scenario.optionalInjects.flatMap((inject, i) => {
    const base = end + i * 10_000;
    return [incidentHandout(roster, inject, true, base), ...evidenceHandouts(roster, inject, true, base)];
  });
  return [...scheduled, ...optional];
}

/** The materials for one scenario: every seated ally's card, the handouts and the ladder of measures. */
/** A measure as the toolbox offers it at the date: only its softer text when the rest is not yet in it. */
function toolboxEntry(m: LadderMeasure, date: string): Measure {
  if (wordingAvailableAt(m, "standard", date)) return { name: m.name, summary: m.summary };
  return {
    name: wordedName(m.id, "soft"),
    summary: `The softer text of “${m.name}”; the rest comes later (${m.since}).`,
  };
}

export function buildMaterials(scenario: Scenario, roster: Roster): Materials {
  return {
    title: scenario.title,
    date: scenario.date,
    summary: scenario.summary,
    adversary: adversaryLabel(scenario),
    cards: seatedAllies(roster, scenario.date).map((p) => roleCard(scenario, p)),
    handouts: handoutsOf(scenario, roster),
    measures: MEASURES.filter((m) => availableAt(m, scenario.date)).map((m) => toolboxEntry(m, scenario.date)),
  };
}
