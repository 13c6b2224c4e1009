/**
 * The outcome against the historical record, the scenario's sources as links players can open, and questions
 * for the discussion for each role at the table, written from what happened in this session. Pure.
 */

import { type MeasureId, measureById } from "../sim/measures.ts";
import type { ACTOR_TYPES, Scenario } from "../sim/scenarioSchema.ts";
import { adoptedMeasures, outcomeClassOf, outcomeOf } from "../sim/scoring.ts";
import { type Session, stateOf } from "../sim/session.ts";
import { allyName } from "../ui/viewModel.ts";
import type { AllyReport, DraftRecord, QuestionSet } from "./model.ts";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const listOf = (ms: readonly MeasureId[]) => ms.map((m) => measureById(m).name.toLowerCase()).join(", ");

const ACTOR_WORDS: Record<(typeof ACTOR_TYPES)[number], string> = {
  state: "a state acting directly",
  proxy: "a proxy directed by a state",
  patriotic: "patriotic hackers acting on their own",
  criminal: "criminals",
};

/** How this session's outcome compares with what NATO did, measure by measure. */
export function compareWithHistory(session: Session): string[] {
  const s = stateOf(session);
  const h = session.env.scenario.history;
  const adopted = adoptedMeasures(s);
  const ours = outcomeOf(s);
  const theirs = outcomeClassOf(h.measures);
  const out = [
    ours === theirs
      ? "The Council's answer is of the same kind as history's."
      : `The Council's answer (${ours.replace("-", " ")}) differs in kind from history's (${theirs.replace("-", " ")}).`,
  ];
  const more = adopted.filter((m) => !h.measures.includes(m));
  const fewer = h.measures.filter((m) => !adopted.includes(m));
  if (more.length) out.push(`Adopted here but not in history: ${listOf(more)}.`);
  if (fewer.length) out.push(`In history but not adopted here: ${listOf(fewer)}.`);
  if (!more.length && !fewer.length) out.push("The measures adopted are the ones history records.");
  if (s.article4.held !== h.article4)
    out.push(
      s.article4.held
        ? "Allies held Article 4 consultations; history's Council did not."
        : "History's allies held Article 4 consultations; here they did not.",
    );
  const a5 = adopted.includes("article5");
  if (a5 !== h.article5)
    out.push(
      a5
        ? "The Council invoked Article 5; history's did not."
        : "History's Council invoked Article 5; this one did not.",
    );
  return out;
}

/** A scenario's sources with their web addresses (a reference may hold several, separated by semicolons). */
export function sourceLinks(scenario: Scenario): { label: string; urls: string[] }[] {
  return scenario.sources.map((src) => ({
    label: src.label,
    urls: src.ref
      .split(/\s*;\s*|\s+/)
      .map((u) => u.trim())
      .filter((u) => /^https?:\/\/[^\s<>"]+$/.test(u)),
  }));
}

function chairQuestions(session: Session, drafts: readonly DraftRecord[]): string[] {
  const scenario = session.env.scenario;
  const out: string[] = [];
  const broken = drafts.filter((d) => d.allies.some((a) => a.act === "broke silence"));
  if (!drafts.length)
    out.push("No draft was tabled. What would a first text have needed, and who would you have consulted first?");
  for (const d of broken.slice(0, 2)) {
    const who = d.allies.filter((a) => a.act === "broke silence").map((a) => allyName(session, a.code));
    out.push(
      `Draft ${d.number} (${d.when}) fell when ${who.join(", ")} broke silence. Whom would you have met in corridor talks before tabling it, and what would you have offered?`,
    );
  }
  if (broken.length && !drafts.some((d) => d.separate.length))
    out.push(
      "Would splitting the package have let part of it pass? Which part, and at what cost to its deterrent value?",
    );
  if (drafts.some((d) => d.separate.length))
    out.push("You split a package. What did deciding measures separately buy, and what did it cost?");
  out.push(
    `History: ${scenario.history.outcome}. Did this Council do better or worse, and by which measure: cohesion, deterrence, proportionality or timeliness?`,
  );
  return out;
}

function allyQuestions(session: Session, ally: AllyReport, drafts: readonly DraftRecord[]): string[] {
  const scenario = session.env.scenario;
  const out: string[] = [];
  const card = scenario.roleCards[ally.code];
  if (card) out.push(`Your instructions from capital: “${card.brief}” Did the Council's answer serve them?`);
  const broke = drafts.find((d) => d.allies.some((a) => a.code === ally.code && a.act === "broke silence"));
  const reserved = drafts.find((d) => d.allies.some((a) => a.code === ally.code && a.act === "reservation"));
  if (broke)
    out.push(
      `You broke silence on draft ${broke.number} (${broke.when}). What would have had to change for you to keep silence, perhaps with a reservation?`,
    );
  else if (reserved)
    out.push(
      `You kept silence on draft ${reserved.number} with a reservation. Was that better for your country than blocking the text?`,
    );
  else if (drafts.length)
    out.push("You kept silence on every draft. Did your delegation give up anything it should have defended?");
  out.push(
    `${ally.finalConfidence === null ? "Your services weighed the evidence" : `By the end your services were ${pct(ally.finalConfidence)} confident that a state was behind the attacks`}; in truth it was ${ACTOR_WORDS[scenario.truth.actor]}. Which evidence mattered, and when would you have been ready to say so in public?`,
  );
  if (ally.victim) out.push("As an ally hit by the attacks, what did you ask of the Council, and what did you get?");
  return out;
}

/**
 * Questions for each role worth discussing: the chair, the seat being scored, seats people played, and the
 * allies the scenario gives role cards; then questions for everyone from the teaching points.
 */
export function discussionQuestions(
  session: Session,
  allies: readonly AllyReport[],
  drafts: readonly DraftRecord[],
): QuestionSet[] {
  const s = stateOf(session);
  const scenario = session.env.scenario;
  const seats = new Set<string>([
    ...(s.role === "chair" ? [] : [s.role]),
    ...allies.filter((a) => a.playedBy === "person").map((a) => a.code),
    ...Object.keys(scenario.roleCards),
  ]);
  const sets: QuestionSet[] = [
    { role: "chair", label: "The Secretary General (chair)", questions: chairQuestions(session, drafts) },
  ];
  for (const ally of allies)
    if (seats.has(ally.code))
      sets.push({ role: ally.code, label: ally.name, questions: allyQuestions(session, ally, drafts) });
  sets.push({
    role: "all",
    label: "Everyone",
    questions: scenario.teachingPoints.map((t) => `“${t}” What in this session bears this out, or challenges it?`),
  });
  return sets;
}
