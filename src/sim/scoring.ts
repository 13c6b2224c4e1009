/** Scores that teach: cohesion, deterrence, escalation risk, proportionality, timeliness, role objectives. Pure. */
import { exp } from "./detMath.ts";
import { MEASURE_IDS, type MeasureId, measureById, wordingTerms } from "./measures.ts";
import type { ObjectiveId } from "./scenarioSchema.ts";
import type { Env, Scores, SessionState } from "./state.ts";

const pct = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100);
/** The outcome class a set of adopted measures gives (no-consensus for none; the record's measures too). */
export function outcomeClassOf(measures: readonly MeasureId[]): Outcome {
  if (measures.includes("article5")) return "article-5";
  if (measures.some((m) => STRONG_MEASURES.includes(m))) return "collective-response";
  return measures.length ? "statements" : "no-consensus";
}

/** Measures that make the Council's answer a collective response rather than statements. */
export const STRONG_MEASURES: readonly MeasureId[] = [
  "sanctions",
  "defensiveCyber",
  "countermeasures",
  "posture",
  "article5",
];
const STRONG = STRONG_MEASURES;
export const CHAIR_OBJECTIVES: readonly ObjectiveId[] = ["consensus", "noBreaks", "proportionate"];

/** Every measure adopted in the session, in ladder order. */
export function adoptedMeasures(s: SessionState): MeasureId[] {
  const adopted = new Set(s.decisions.filter((d) => d.adopted).flatMap((d) => d.measures));
  if (s.article4.held) adopted.add("article4");
  return MEASURE_IDS.filter((m) => adopted.has(m));
}

/** The outcome classes, worst first: a coalition outside the Council is better than nothing, never better than the Council agreeing. */
export const OUTCOMES = ["no-consensus", "coalition", "statements", "collective-response", "article-5"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** How good each outcome is for the Council, on the scale the tournament reports. */
export const OUTCOME_VALUE: Record<Outcome, number> = {
  "no-consensus": 0,
  coalition: 0.5,
  statements: 1,
  "collective-response": 2,
  "article-5": 3,
};

/**
 * The session's outcome in one word. The class is the Council's own; only when the Council agreed on nothing
 * and allies acted together outside it is the outcome `coalition`.
 */
export function outcomeOf(s: SessionState): Outcome {
  const strongest = outcomeClassOf(adoptedMeasures(s));
  if (strongest === "article-5" || strongest === "collective-response") return strongest;
  if (s.decisions.some((d) => d.adopted)) return "statements";
  return s.coalition.length ? "coalition" : "no-consensus";
}

/** The Council-level harm: the median of the allies' own severity assessments. */
export function councilSeverity(s: SessionState): number {
  const values = s.allies.map((a) => a.severity).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
}

/** Allies counted once per silence procedure (a split draft's parts share one), summed over procedures. */
function perProcedure(s: SessionState, who: (d: SessionState["decisions"][number]) => readonly string[]): number {
  const procedures = new Map<string, Set<string>>();
  for (const d of s.decisions) {
    const key = `${d.cycle}:${d.hour}`;
    const set = procedures.get(key) ?? new Set<string>();
    for (const c of who(d)) set.add(c);
    procedures.set(key, set);
  }
  let n = 0;
  for (const set of procedures.values()) n += set.size;
  return n;
}

function breaksOf(s: SessionState): number {
  return perProcedure(s, (d) => d.brokenBy);
}

function reservationsOf(s: SessionState): number {
  return perProcedure(s, (d) => (d.adopted ? d.reservations : []));
}

/** How much of a measure's escalation cost its adopted wording carries (the strongest wording it was adopted in). */
export function adoptedEscalation(s: SessionState, id: MeasureId): number {
  let factor = 0;
  for (const d of s.decisions)
    if (d.adopted && d.measures.includes(id))
      factor = Math.max(factor, wordingTerms(measureById(id), d.wording[id] ?? "standard").cost);
  if (id === "article4" && s.article4.held) factor = Math.max(factor, 1);
  return measureById(id).escalation * factor;
}

/** The objectives of the seat being scored (chair, or an ally's role card). */
export function objectivesFor(env: Env, s: SessionState): readonly ObjectiveId[] {
  if (s.role === "chair") return CHAIR_OBJECTIVES;
  return env.scenario.roleCards[s.role]?.objectives ?? env.profiles.find((p) => p.code === s.role)?.objectives ?? [];
}

/** Whether one objective was met in this session. */
export function objectiveMet(id: ObjectiveId, s: SessionState, proportionality: number): boolean {
  const adopted = adoptedMeasures(s);
  const has = (m: MeasureId) => adopted.includes(m);
  switch (id) {
    case "consensus":
      return s.decisions.some((d) => d.adopted);
    case "noBreaks":
      return breaksOf(s) === 0;
    case "solidarity":
      return adopted.some((m) => m !== "concern");
    case "assistance":
      return has("assistance");
    case "article4":
      return s.article4.held;
    case "acknowledge":
      return has("acknowledge");
    case "strongResponse":
      return adopted.some((m) => STRONG.includes(m));
    case "avoidEscalation":
      return !s.reactions.includes("escalates") && adopted.every((m) => measureById(m).escalation < 0.5);
    case "avoidEconomicCost":
      return !has("sanctions");
    case "deterrence":
      return s.reactions[s.reactions.length - 1] === "deterred";
    case "proportionate":
      return proportionality >= 60;
  }
}

/** All scores, 0..100; escalationRisk is the one where higher is worse. */
export function computeScores(env: Env, s: SessionState): Scores {
  const adopted = adoptedMeasures(s);
  let undecided = 0;
  for (let c = 1; c <= s.cycle; c++) if (!s.decisions.some((d) => d.cycle === c && d.adopted)) undecided++;
  // A reservation keeps the decision but puts a split on record: a small cost to cohesion.
  const cohesion = pct(1 - 0.2 * breaksOf(s) - 0.3 * undecided - 0.03 * reservationsOf(s));
  const last = s.reactions[s.reactions.length - 1];
  const deterrence = last === "deterred" ? 100 : last === "continues" ? 40 : last === "escalates" ? 10 : 0;
  const maxEscalation = adopted.reduce((m, id) => Math.max(m, adoptedEscalation(s, id)), 0);
  const escalated = s.reactions.filter((r) => r === "escalates").length;
  const escalationRisk = pct(maxEscalation * (0.5 + 0.5 * env.scenario.adversary.escalation) + 0.15 * escalated);
  const harmLevel = Math.min(1, councilSeverity(s) / 0.7);
  const responseLevel = adopted.reduce((m, id) => Math.max(m, Math.min(1, measureById(id).minSeverity / 0.7)), 0);
  const proportionality = pct(1 - Math.abs(harmLevel - responseLevel));
  const first = s.injects[0]?.startHour ?? 0;
  const firstAdopted = s.decisions.find((d) => d.adopted);
  const timeliness = firstAdopted ? pct(exp(-(firstAdopted.hour - first) / (24 * 7))) : 0;
  const objectives = objectivesFor(env, s);
  const met = objectives.filter((o) => objectiveMet(o, s, proportionality)).length;
  const role = objectives.length ? pct(met / objectives.length) : 0;
  return { cohesion, deterrence, escalationRisk, proportionality, timeliness, role };
}
