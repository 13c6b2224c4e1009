/**
 * The scores explained in words: for each, what in this session raised or lowered it, read from the same rules
 * src/sim/scoring.ts applies (breaks, cycles without a decision, reservations, the adversary's answers, the
 * strongest measure against the harm, the hours to the first decision, the role's objectives). Pure.
 */
import { countOf } from "../sim/explain.ts";
import { measureById } from "../sim/measures.ts";
import {
  adoptedEscalation,
  adoptedMeasures,
  computeScores,
  councilSeverity,
  objectiveMet,
  objectivesFor,
} from "../sim/scoring.ts";
import { type Session, stateOf } from "../sim/session.ts";
import type { Scores, SessionState } from "../sim/state.ts";
import { allyName } from "../ui/viewModel.ts";
import { objectiveText, SCORE_TEXT } from "../ui/words.ts";
import type { ScoreReport } from "./model.ts";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const names = (session: Session, codes: Iterable<string>) => [...codes].map((c) => allyName(session, c)).join(", ");

/** Allies counted once per silence procedure (a split draft's parts share one), as scoring counts them. */
function perProcedure(s: SessionState, who: (d: SessionState["decisions"][number]) => readonly string[]): string[][] {
  const procedures = new Map<string, Set<string>>();
  for (const d of s.decisions) {
    const key = `${d.cycle}:${d.hour}`;
    const set = procedures.get(key) ?? new Set<string>();
    for (const c of who(d)) set.add(c);
    procedures.set(key, set);
  }
  return [...procedures.values()].map((set) => [...set]).filter((x) => x.length);
}

function cohesionWhy(session: Session): string[] {
  const s = stateOf(session);
  const out: string[] = [];
  const decided = new Set(s.decisions.filter((d) => d.adopted).map((d) => d.cycle));
  if (decided.size) out.push(`The Council reached consensus in ${decided.size} of ${countOf(s.cycle, "cycle")}.`);
  const undecided = s.cycle - decided.size;
  if (undecided > 0) out.push(`Lowered by 30 for each cycle without a decision: ${undecided}.`);
  const breaks = perProcedure(s, (d) => d.brokenBy);
  for (const who of breaks)
    out.push(
      `Lowered by 20 for each ally that broke silence: ${who.length > 6 ? `${who.length} allies` : names(session, who)}.`,
    );
  const reserved = perProcedure(s, (d) => (d.adopted ? d.reservations : [])).flat();
  if (reserved.length)
    out.push(`Lowered by ${3 * reserved.length}: reservations on record by ${names(session, new Set(reserved))}.`);
  if (!breaks.length && decided.size) out.push("Nobody broke silence.");
  return out;
}

const REACTION_WORDS: Record<string, string> = {
  deterred: "was deterred and stopped (100)",
  continues: "carried on with its campaign (40)",
  escalates: "escalated (10)",
};

function deterrenceWhy(s: SessionState): string[] {
  const last = s.reactions.at(-1);
  if (!last) return ["The adversary had not yet answered when the session ended (0)."];
  const out = [`After the Council's last answer the adversary ${REACTION_WORDS[last] ?? last}.`];
  const earlier = s.reactions.slice(0, -1);
  if (earlier.length)
    out.push(`Before that it ${earlier.map((r) => REACTION_WORDS[r]?.replace(/ \(\d+\)$/, "") ?? r).join(", then ")}.`);
  const last2 = [...s.log].reverse().find((e) => e.k === "response");
  if (last2?.k === "response")
    out.push(`The deterrent weight of what was adopted and done outside the Council was ${pct(last2.deterrence)}.`);
  return out;
}

function escalationWhy(session: Session): string[] {
  const s = stateOf(session);
  const adopted = adoptedMeasures(s);
  const ranked = adopted.map((m) => ({ m, e: adoptedEscalation(s, m) })).sort((a, b) => b.e - a.e);
  const top = ranked[0];
  const out: string[] = [];
  if (!top || top.e === 0) out.push("Nothing adopted carries an escalation cost.");
  else
    out.push(
      `Raised by the most escalatory measure adopted: ${measureById(top.m).name.toLowerCase()} (cost ${pct(top.e)} in the wording adopted), weighed by the adversary's temper (${pct(session.env.scenario.adversary.escalation)}).`,
    );
  const escalated = s.reactions.filter((r) => r === "escalates").length;
  if (escalated) out.push(`Raised by 15 for each time the adversary escalated: ${escalated}.`);
  return out;
}

function proportionalityWhy(s: SessionState): string[] {
  const harm = councilSeverity(s);
  const adopted = adoptedMeasures(s);
  const strongest = adopted.reduce<(typeof adopted)[number] | undefined>(
    (best, m) => (!best || measureById(m).minSeverity > measureById(best).minSeverity ? m : best),
    undefined,
  );
  const harmLevel = Math.min(1, harm / 0.7);
  const responseLevel = strongest ? Math.min(1, measureById(strongest).minSeverity / 0.7) : 0;
  const gap = harmLevel - responseLevel;
  const fit =
    Math.abs(gap) < 0.15
      ? "The response fits the harm."
      : gap > 0
        ? "Lowered: the response falls short of the harm."
        : "Lowered: the response goes beyond the harm.";
  return [
    `The Council's harm (the median ally's assessment) ended at ${pct(harm)}, ${pct(harmLevel)} of the way to an armed attack.`,
    strongest
      ? `The strongest measure adopted, ${measureById(strongest).name.toLowerCase()}, answers harm of ${pct(responseLevel)} on that scale.`
      : "Nothing was adopted.",
    fit,
  ];
}

function timelinessWhy(s: SessionState): string[] {
  const first = s.injects[0]?.startHour ?? 0;
  const adopted = s.decisions.find((d) => d.adopted);
  if (!adopted) return ["No decision was adopted (0)."];
  const hours = adopted.hour - first;
  return [
    `The first decision came ${hours < 48 ? countOf(hours, "hour") : countOf(Math.round(hours / 24), "day")} after the first incident; each week halves the score.`,
  ];
}

function roleWhy(
  session: Session,
  proportionality: number,
): { lines: string[]; objectives: { text: string; met: boolean }[] } {
  const s = stateOf(session);
  const objectives = objectivesFor(session.env, s).map((o) => ({
    text: objectiveText(o),
    met: objectiveMet(o, s, proportionality),
  }));
  const met = objectives.filter((o) => o.met).map((o) => o.text);
  const missed = objectives.filter((o) => !o.met).map((o) => o.text);
  const lines = [];
  if (met.length) lines.push(`Met: ${met.join("; ")}.`);
  if (missed.length) lines.push(`Not met: ${missed.join("; ")}.`);
  return { lines, objectives };
}

/** Every score with its meaning and what raised or lowered it; and the role's objectives, met or not. */
export function explainScores(
  session: Session,
  roleLabel: string,
): { scores: ScoreReport[]; objectives: { text: string; met: boolean }[] } {
  const s = stateOf(session);
  const scores: Scores = s.scores ?? computeScores(session.env, s);
  const role = roleWhy(session, scores.proportionality);
  const why: Record<keyof Scores, string[]> = {
    cohesion: cohesionWhy(session),
    deterrence: deterrenceWhy(s),
    escalationRisk: escalationWhy(session),
    proportionality: proportionalityWhy(s),
    timeliness: timelinessWhy(s),
    role: role.lines,
  };
  const keys = Object.keys(why) as (keyof Scores)[];
  return {
    scores: keys.map((key) => ({
      key,
      label: key === "role" ? `${roleLabel}: objectives` : (SCORE_TEXT[key]?.label ?? key),
      value: scores[key],
      higherIsBetter: key !== "escalationRisk",
      meaning: SCORE_TEXT[key]?.explain ?? "",
      because: why[key],
    })),
    objectives: role.objectives,
  };
}
