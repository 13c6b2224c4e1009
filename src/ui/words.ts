/** Words for objectives, scores and outcomes, and counts in sentences. */
import { countOf } from "../sim/explain.ts";
import type { ObjectiveId } from "../sim/scenarioSchema.ts";

const OBJECTIVES: Record<ObjectiveId, string> = {
  consensus: "reach a decision",
  noBreaks: "nobody breaks silence",
  solidarity: "a statement of solidarity or more",
  assistance: "technical assistance",
  article4: "Article 4 consultations",
  acknowledge: "collective acknowledgement of national attributions",
  strongResponse: "sanctions, cyber or military measures",
  avoidEscalation: "no escalation",
  avoidEconomicCost: "no coordinated sanctions",
  deterrence: "the adversary stops",
  proportionate: "a response that fits the harm",
};

export function objectiveText(id: ObjectiveId): string {
  return OBJECTIVES[id];
}

export const SCORE_TEXT: Record<string, { label: string; explain: string }> = {
  cohesion: {
    label: "Cohesion",
    explain:
      "Consensus reached in each cycle, without broken silence (each break costs 20, each cycle without a decision 30).",
  },
  deterrence: {
    label: "Deterrence",
    explain: "How the adversary answered last: stopped (100), carried on (40), escalated (10).",
  },
  escalationRisk: {
    label: "Escalation risk",
    explain:
      "Higher is riskier: the most escalatory measure adopted, weighed by the adversary's temper, plus escalations.",
  },
  proportionality: {
    label: "Proportionality",
    explain: "How well the strongest measure adopted fits the harm the Council assessed.",
  },
  timeliness: {
    label: "Timeliness",
    explain: "How soon the first decision came after the first incident (a week halves it).",
  },
  role: { label: "Your objectives", explain: "The share of your role card's objectives that were met." },
};

export const OUTCOME_TEXT: Record<string, string> = {
  "article-5": "The Council invoked Article 5.",
  "collective-response": "The Council agreed a collective response short of Article 5.",
  statements: "The Council agreed statements and assistance.",
  "no-consensus": "The Council could not agree.",
};

/** What the Council did, as the start of a sentence (see outcomeSentence). */
const OUTCOME_CLAUSE: Record<string, string> = {
  "article-5": "The Council invoked Article 5",
  "collective-response": "The Council agreed a collective response short of Article 5",
  statements: "The Council agreed statements and assistance",
  "no-consensus": "The Council could not agree on a decision",
};

/**
 * The debrief's headline as sentences: what the Council did, whether allies held Article 4 consultations,
 * and (short of it) that Article 5 was not invoked.
 */
export function outcomeSentence(outcome: string, article4: boolean, article5: boolean): string {
  const base = OUTCOME_CLAUSE[outcome] ?? `The session ended without a recognised outcome (${outcome})`;
  const a4 = article4
    ? `${outcome === "no-consensus" ? ", although" : ", and"} allies held Article 4 consultations`
    : "";
  const a5 = article5 || outcome === "article-5" ? "" : " Article 5 was not invoked.";
  return `${base}${a4}.${a5}`;
}

/** Names in a sentence, summarised when long: "Hungary", "Hungary and Türkiye", "Hungary, Türkiye and 3 others". */
export function namesSummary(names: readonly string[], shown = 2): string {
  if (names.length <= shown + 1) {
    const last = names[names.length - 1] ?? "";
    return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${last}` : last;
  }
  const rest = names.length - shown;
  return `${names.slice(0, shown).join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
}

/** Who holds the seats, for the facilitator: "1 person seated · 2 waiting · the AI plays 1 seat." */
export function seatsLine(people: number, waiting: number, seats: number): string {
  return `${countOf(people, "person", "people")} seated · ${waiting} waiting · the AI plays ${countOf(seats - people, "seat")}.`;
}
