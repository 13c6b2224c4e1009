/** Monte-Carlo studies: many all-AI playthroughs of one scenario and the distribution of outcomes. Pure. */
import { runToEnd } from "./autopilot.ts";
import type { MeasureId } from "./measures.ts";

import { createSession, type SeatPlan } from "./session.ts";
import type { Env } from "./state.ts";
import { type Summary, summarize } from "./summary.ts";

export interface Distribution {
  scenario: string;
  runs: number;
  outcomes: Record<string, number>; // outcome -> runs
  article4: number; // runs with Article 4 consultations
  article5: number; // runs that invoked Article 5
  measures: Partial<Record<MeasureId, number>>; // runs that adopted each measure
  breaks: number; // breaks of silence over all runs
  coalitions: number; // runs in which allies acted together outside the Council
  modal: string; // the most frequent outcome
  jaccard: number; // mean Jaccard similarity of the adopted measures with the scenario's history.measures
  sets: Record<string, number>; // adopted measure sets ("concern+solidarity", or "none") -> runs
  topSetShare: number; // share of runs that adopted the most common set
}

/** Jaccard similarity of two sets of measures (1 when both are empty). */
export function jaccard(a: readonly MeasureId[], b: readonly MeasureId[]): number {
  const union = new Set([...a, ...b]);
  if (!union.size) return 1;
  return a.filter((m) => b.includes(m)).length / union.size;
}

const ALL_AI: SeatPlan = { role: "chair", chair: "ai", humans: [] };

/** Plays seeds from..to with AI in every seat and counts what happened. */
export function study(env: Env, from: number, to: number, seats: SeatPlan = ALL_AI): Distribution {
  const d: Distribution = {
    scenario: env.scenario.id,
    runs: 0,
    outcomes: {},
    article4: 0,
    article5: 0,
    measures: {},
    breaks: 0,
    coalitions: 0,
    modal: "",
    jaccard: 0,
    sets: {},
    topSetShare: 0,
  };
  const history = env.scenario.history.measures;
  let similarity = 0;
  for (let seed = from; seed <= to; seed++) {
    const summary = summarize(runToEnd(createSession(env, seed, seats)).session);
    tally(d, summary);
    similarity += jaccard(summary.adopted, history);
  }
  d.modal = Object.entries(d.outcomes).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  d.jaccard = d.runs ? Math.round((similarity / d.runs) * 1000) / 1000 : 0;
  d.topSetShare = d.runs ? Math.max(0, ...Object.values(d.sets)) / d.runs : 0;
  return d;
}

function tally(d: Distribution, s: Summary): void {
  d.runs++;
  d.outcomes[s.outcome] = (d.outcomes[s.outcome] ?? 0) + 1;
  if (s.article4) d.article4++;
  if (s.article5) d.article5++;
  for (const m of s.adopted) d.measures[m] = (d.measures[m] ?? 0) + 1;
  d.breaks += s.decisions.reduce((n, x) => n + x.brokenBy.length, 0);
  if (s.coalition.length) d.coalitions++;
  const set = s.adopted.length ? s.adopted.join("+") : "none";
  d.sets[set] = (d.sets[set] ?? 0) + 1;
}
