/**
 * The AI chair (Secretary General): reads the table, revises the working text toward what every ally can
 * accept, and tables a draft when positions settle or the rounds run out. Pure.
 */
import { AI_MEASURES, isHuman } from "./council.ts";
import { hasWording, MEASURE_IDS, type MeasureId, type WordingMap } from "./measures.ts";
import { type DraftJudgement, judgementOf, type MeasureJudgement, stanceOn } from "./stance.ts";
import type { SessionState } from "./state.ts";

/**
 * What the chair believes each ally accepts and wants. AI allies: their stated positions, else the chair's
 * reading of them. People are read only from what they said: everything they have not ruled out, and what
 * they asked for; a delegation that has not spoken constrains nothing yet.
 */
function readOfTable(
  state: SessionState,
  judged: readonly DraftJudgement[],
): { accepts: readonly MeasureId[]; wants: readonly MeasureId[] }[] {
  return state.allies.map((ally, i) => {
    const guess = judged[i];
    if (isHuman(state, ally.code)) {
      const wants = ally.position?.wants ?? [];
      return { accepts: MEASURE_IDS.filter((m) => !ally.rejects.includes(m)), wants };
    }
    return {
      accepts: ally.position?.accepts ?? guess?.accepts ?? [],
      wants: ally.position?.wants ?? guess?.wants ?? [],
    };
  });
}

/**
 * The table as the AI chair reads it: AI allies by their judgements (which they state), people only by what
 * they said — everything they have not ruled out is acceptable, what they asked for is wanted.
 */
export function chairReading(state: SessionState, judged: readonly DraftJudgement[]): DraftJudgement[] {
  return state.allies.map((ally, i) => {
    const j = judged[i];
    if (j && !isHuman(state, ally.code)) return j;
    const wants = ally.position?.wants ?? [];
    const judgements: MeasureJudgement[] = AI_MEASURES.map((m) => {
      const ruledOut = ally.rejects.includes(m);
      return {
        measure: m,
        accept: !ruledOut,
        want: !ruledOut && wants.includes(m),
        hard: ruledOut,
        score: 0,
        tolerance: 0,
        reasons: ruledOut ? [{ code: "rejects_by_instruction", measure: m, value: 1, threshold: 0 }] : [],
      };
    });
    return stanceOn(judgements, state.proposal);
  });
}

/** The chair's opening text: the Council's customary answer to an ally in trouble, which the table then tests. */
export function openingText(state: SessionState): MeasureId[] {
  const text: MeasureId[] = ["concern", "solidarity"];
  if (state.injects.length) text.push("assistance");
  return text;
}

/** The consensus text: every measure someone asks for and everyone can accept; never empty. */
export function consensusText(state: SessionState, judged: readonly DraftJudgement[]): MeasureId[] {
  const table = readOfTable(state, judged);
  const text = AI_MEASURES.filter(
    (m) =>
      !state.vetoed.includes(m) && table.every((t) => t.accepts.includes(m)) && table.some((t) => t.wants.includes(m)),
  );
  return text.length ? text : ["concern"];
}

/** How far short of its threshold an objection falls (0 for a weighing); the chair reads it from the reasons given. */
function shortfall(x: MeasureJudgement): number {
  let worst = 0;
  for (const r of x.reasons) {
    if (r.code === "rejects_by_instruction") return 1; // a stated red line is not close to anything
    if (r.code === "severity_below_threshold" || r.code === "attribution_below_threshold")
      worst = Math.max(worst, (r.threshold - r.value) / Math.max(r.threshold, 0.01));
  }
  return worst;
}

/** How often the AI chair risks an extra measure, and how often it risks one only softer words could carry. */
const GAMBLE = 0.3;
const SOFT_GAMBLE = 0.1;

/** The gamble the chair takes: the text, and the wording of the measure it adds. */
export interface Gamble {
  measures: MeasureId[];
  wording: WordingMap;
}

/** Whether the objections to a measure are few and close enough for the weight of the table to hold them. */
function holdable(objections: readonly MeasureJudgement[]): boolean {
  return objections.length > 0 && objections.length <= 2 && objections.every((x) => shortfall(x) < 0.15);
}

/**
 * Measures the chair may gamble on: asked for by an ally under attack or by a third of the table, and objected
 * to by at most two allies, each close to accepting (a weighing, or a threshold missed by under 15%), whom
 * the weight of the table may hold to a reservation — in its standard words, or else in softer words when
 * `softened` says how the table would judge them. `draw` in [0, 1) decides whether the chair takes the risk.
 */
export function gambleText(
  state: SessionState,
  judged: readonly DraftJudgement[],
  base: readonly MeasureId[],
  draw: number,
  attacked: ReadonlySet<string> = new Set(),
  softened: (m: MeasureId) => readonly MeasureJudgement[] = () => [],
): Gamble {
  const keep: Gamble = { measures: [...base], wording: {} };
  if (draw >= GAMBLE) return keep;
  const n = state.allies.length;
  for (const m of AI_MEASURES) {
    if (base.includes(m) || state.vetoed.includes(m)) continue;
    const wanting = judged.filter((j) => j.wants.includes(m)).length;
    const victimAsks = state.allies.some((a, i) => attacked.has(a.code) && judged[i]?.wants.includes(m));
    if (wanting * 3 < n && !victimAsks) continue;
    const k = AI_MEASURES.indexOf(m);
    const objections = judged.map((j) => judgementOf(j, k, m)).filter((x): x is MeasureJudgement => !!x && !x.accept);
    const measures = MEASURE_IDS.filter((x) => base.includes(x) || x === m);
    if (holdable(objections)) return { measures, wording: {} };
    if (draw >= SOFT_GAMBLE || !hasWording(m, "soft")) continue;
    const soft = softened(m).filter((x) => !x.accept);
    if (soft.length === 0 || holdable(soft)) return { measures, wording: { [m]: "soft" } };
  }
  return keep;
}

/** Whether the AI chair tables now: positions have settled, or the rounds are spent. */
export function chairTablesNow(
  state: SessionState,
  maxRounds: number,
  previous: readonly MeasureId[],
  next: readonly MeasureId[],
): boolean {
  if (state.round >= maxRounds) return true;
  return state.round >= 2 && previous.length === next.length && previous.every((m, i) => next[i] === m);
}
