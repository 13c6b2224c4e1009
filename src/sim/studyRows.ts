/**
 * Study rows: the same seeds played once per value of one varied parameter, one row per run, for a workshop
 * or a researcher to compare like with like. Pure; the CLI writes the rows as CSV (docs/study.md).
 */
import { runToEnd } from "./autopilot.ts";
import { playWithBot } from "./bots/play.ts";
import { hashValue } from "./hash.ts";
import { adoptedMeasures, computeScores, outcomeOf } from "./scoring.ts";
import { createSession, type SeatPlan, type Session, stateOf } from "./session.ts";
import type { Variant } from "./variation.ts";

/** The columns of a study row, in order. */
export const STUDY_COLUMNS = [
  "scenario",
  "parameter",
  "value",
  "seed",
  "crisis", // hash of the first incident's drawn effects: equal for one seed across values
  "outcome",
  "article4",
  "article5",
  "adopted", // measures adopted by the Council, joined by "+", in ladder order ("" for none)
  "decisions", // drafts put under silence
  "breaks", // breaks of silence over all drafts
  "reservations", // allies who kept silence with a reservation
  "coalition", // measures taken by allies outside the Council, joined by "+"
  "reaction", // the adversary's last response: deterred, continues, escalates
  "days", // game days from the first incident to the end
  "cohesion",
  "deterrence",
  "escalationRisk",
  "proportionality",
  "timeliness",
  "role", // the studied seat's objectives met (the chair's when no bot plays a seat)
] as const;

export type StudyColumn = (typeof STUDY_COLUMNS)[number];
export type StudyRow = Record<StudyColumn, string | number | boolean>;

const ALL_AI: SeatPlan = { role: "chair", chair: "ai", humans: [] };

/** Plays one seed under one variant: AI everywhere, or its bot in its seat. */
export function playVariant(variant: Variant, seed: number): Session {
  if (variant.bot && variant.seat) return playWithBot(variant.env, seed, variant.seat, variant.bot).session;
  return runToEnd(createSession(variant.env, seed, ALL_AI)).session;
}

/** One run as a row. */
export function studyRow(parameter: string, variant: Variant, seed: number): StudyRow {
  const session = playVariant(variant, seed);
  const s = stateOf(session);
  const scores = s.scores ?? computeScores(session.env, s);
  return {
    scenario: s.scenarioId,
    parameter,
    value: variant.value,
    seed,
    crisis: hashValue(s.injects[0]?.effects ?? null),
    outcome: s.outcome ?? outcomeOf(s),
    article4: s.article4.held,
    article5: adoptedMeasures(s).includes("article5"),
    adopted: adoptedMeasures(s).join("+"),
    decisions: s.decisions.length,
    breaks: s.decisions.reduce((n, d) => n + d.brokenBy.length, 0),
    reservations: s.decisions.reduce((n, d) => n + d.reservations.length, 0),
    coalition: [...new Set(s.coalition.map((c) => c.measure))].join("+"),
    reaction: s.reactions[s.reactions.length - 1] ?? "",
    days: Math.round((s.hour / 24) * 10) / 10,
    cohesion: scores.cohesion,
    deterrence: scores.deterrence,
    escalationRisk: scores.escalationRisk,
    proportionality: scores.proportionality,
    timeliness: scores.timeliness,
    role: scores.role,
  };
}

/** Every seed from..to under every variant, seed by seed (the values of one seed sit together). */
export function* studyRows(parameter: string, variants: readonly Variant[], from: number, to: number) {
  for (let seed = from; seed <= to; seed++) for (const v of variants) yield studyRow(parameter, v, seed);
}
