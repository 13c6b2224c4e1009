/** The summary of a session that the CLI prints and batch studies aggregate. Pure. */
import type { MeasureId } from "./measures.ts";
import { adoptedMeasures, computeScores, outcomeOf } from "./scoring.ts";
import { phaseOf, type Session, stateHash, stateOf } from "./session.ts";
import type { Scores } from "./state.ts";

export interface Summary {
  scenario: string;
  seed: number;
  role: string;
  phase: string;
  allies: string[];
  decisions: {
    day: number;
    hour: number;
    measures: MeasureId[];
    adopted: boolean;
    brokenBy: string[];
    reservations: string[];
  }[];
  adopted: MeasureId[];
  coalition: { day: number; measure: MeasureId; members: string[] }[]; // taken by allies outside the Council
  article4: boolean;
  article5: boolean;
  reactions: string[];
  outcome: string;
  scores: Scores;
  days: number;
  stateHash: string;
}

/** Summarises a session (finished or not; an unfinished one is scored as it stands). */
export function summarize(session: Session): Summary {
  const s = stateOf(session);
  const adopted = adoptedMeasures(s);
  return {
    scenario: s.scenarioId,
    seed: s.seed,
    role: s.role,
    phase: phaseOf(session),
    allies: s.allies.map((a) => a.code),
    decisions: s.decisions.map((d) => ({
      day: Math.floor(d.hour / 24),
      hour: d.hour,
      measures: d.measures,
      adopted: d.adopted,
      brokenBy: d.brokenBy,
      reservations: d.reservations,
    })),
    adopted,
    coalition: s.coalition.map((c) => ({ day: Math.floor(c.hour / 24), measure: c.measure, members: c.members })),
    article4: s.article4.held,
    article5: adopted.includes("article5"),
    reactions: s.reactions,
    outcome: s.outcome ?? outcomeOf(s),
    scores: s.scores ?? computeScores(session.env, s),
    days: Math.round((s.hour / 24) * 10) / 10,
    stateHash: stateHash(session),
  };
}
