/**
 * The silence procedure: the chair tables a draft (a package, or split into separate decisions, each measure
 * in its wording); people may break silence or keep it with a reservation before the deadline; at the
 * deadline AI allies who object break silence unless the weight of the table holds them back. One break
 * stops a decision; a reservation never does. Pure reducers.
 */
import { isHuman, judgeOne } from "./council.ts";
import { advanceClock } from "./incidents.ts";
import { type MeasureId, measureById, type WordingMap } from "./measures.ts";
import { drawMany } from "./rng.ts";
import { type DraftJudgement, objectionStrength } from "./stance.ts";
import type { AllyCode, Decision, Draft, Env, LogEntry, SessionState } from "./state.ts";

/** How much an ally's objection eases when the same package carries measures it wants (a package deal). */
export const PACKAGE_RELIEF_PER_WANT = 0.12;
const PACKAGE_RELIEF_CAP = 0.3;

/** The chair tables a draft under the silence procedure. */
export function tableDraft(
  env: Env,
  s: SessionState,
  measures: MeasureId[],
  wording: WordingMap = {},
  split: boolean | readonly MeasureId[] = false,
): SessionState {
  const ordered = [...new Set(measures)].sort((a, b) => measureById(a).rank - measureById(b).rank);
  const kept: WordingMap = {};
  for (const m of ordered) {
    const w = wording[m];
    if (w && w !== "standard") kept[m] = w;
  }
  const draft: Draft = {
    measures: ordered,
    wording: kept,
    separate: separateOf(ordered, split),
    tabledHour: s.hour,
    deadlineHour: s.hour + env.scenario.settings.silenceHours,
    attempt: s.silenceAttempts + 1,
    breaks: [],
    reserves: [],
  };
  const entry: LogEntry = {
    k: "table",
    h: s.hour,
    measures: ordered,
    attempt: draft.attempt,
    separate: draft.separate,
    soft: ordered.filter((m) => kept[m] === "soft"),
    strong: ordered.filter((m) => kept[m] === "strong"),
  };
  return { ...s, draft, silenceAttempts: s.silenceAttempts + 1, log: [...s.log, entry] };
}

/** A person breaks silence on some measures of the draft (all of them when none are named). */
export function breakSilence(
  s: SessionState,
  by: AllyCode,
  reason: string,
  measures: readonly MeasureId[] = [],
): SessionState {
  const draft = s.draft;
  if (!draft || draft.breaks.some((b) => b.by === by)) return s;
  const named = draft.measures.filter((m) => measures.includes(m)); // empty: the whole text
  const next = {
    ...draft,
    breaks: [...draft.breaks, { by, reason, measures: named }],
    reserves: draft.reserves.filter((r) => r.by !== by),
  };
  return { ...s, draft: next, log: [...s.log, { k: "break", h: s.hour, by, reason, measures: named }] };
}

/** A person keeps silence but puts an interpretative statement on record. */
export function reserveSilence(s: SessionState, by: AllyCode, text: string): SessionState {
  const draft = s.draft;
  if (!draft || draft.breaks.some((b) => b.by === by) || draft.reserves.some((r) => r.by === by)) return s;
  const next = { ...draft, reserves: [...draft.reserves, { by, text }] };
  return { ...s, draft: next, log: [...s.log, { k: "reserve", h: s.hour, by, text }] };
}

/** An ally's objection to one part of a draft, eased in a package by what the package gives it. */
export function partObjection(j: DraftJudgement, part: readonly MeasureId[]): number {
  const objection = objectionStrength(j.judgements, part);
  if (objection === 0 || part.length < 2) return objection;
  const gains = j.judgements.filter((x) => x.want && part.includes(x.measure) && x.measure !== "concern").length;
  return Math.max(0, objection - Math.min(PACKAGE_RELIEF_CAP, gains * PACKAGE_RELIEF_PER_WANT));
}

/** Whether an AI ally breaks silence: its objection against the weight of the table, its goodwill and chance. */
export function breaksSilence(
  objection: number,
  solidarity: number,
  goodwill: number,
  supportive: number,
  draw: number,
): boolean {
  if (objection <= 0) return false;
  const pressure = solidarity * 0.45 * supportive + 0.2 * goodwill;
  return objection - pressure + (draw - 0.5) * 0.3 > 0.2;
}

/** The measures to decide separately: all when split is true, else those named (never the whole package). */
function separateOf(ordered: readonly MeasureId[], split: boolean | readonly MeasureId[]): MeasureId[] {
  if (ordered.length < 2) return [];
  if (split === true) return [...ordered];
  if (split === false) return [];
  const named = ordered.filter((m) => split.includes(m));
  return named.length === ordered.length ? [...ordered] : named;
}

/** The parts of a draft that are decided separately: the package (if anything is left in it), then each separate measure. */
export function partsOf(draft: Draft): MeasureId[][] {
  const rest = draft.measures.filter((m) => !draft.separate.includes(m));
  return [...(rest.length ? [rest] : []), ...draft.separate.map((m) => [m])];
}

/**
 * The silence deadline passes. Each part of the draft is adopted unless someone broke silence on it; AI
 * allies who object break silence or keep it with a reservation. The chair learns what to drop.
 */
export function resolveSilence(env: Env, s0: SessionState): SessionState {
  const draft = s0.draft;
  if (!draft) return s0;
  let s = advanceClock(env, s0, Math.max(0, draft.deadlineHour - s0.hour));
  const judged = s.allies.map((_, i) => judgeOne(env, s, i, draft.measures, draft.wording));
  const { values, state: rng } = drawMany(s.rng, s.allies.length);
  const vetoed = new Set(s.vetoed);
  const log: LogEntry[] = [];
  const decisions: Decision[] = [];
  const injectId = s.injects[s.injects.length - 1]?.id ?? "";
  const spoken = new Set([...draft.breaks.map((b) => b.by), ...draft.reserves.map((r) => r.by)]);
  for (const part of partsOf(draft)) {
    // The weight of the table: the share of AI allies who accept this part (people's minds are their own).
    const weighed = judged.filter((_, x) => !isHuman(s, s.allies[x]?.code ?? ""));
    const supportive =
      weighed.filter((jj) => part.every((m) => jj.accepts.includes(m))).length / Math.max(1, weighed.length);
    const humanBreaks = draft.breaks.filter((b) => !b.measures.length || b.measures.some((m) => part.includes(m)));
    const brokenBy: AllyCode[] = humanBreaks.map((b) => b.by);
    const reservations: AllyCode[] = draft.reserves.map((r) => r.by);
    s.allies.forEach((ally, i) => {
      const j = judged[i];
      // A delegation that has spoken on this draft (a break or a reservation) is not judged again, even if
      // its seat has since been handed to the AI.
      if (!j || isHuman(s, ally.code) || spoken.has(ally.code)) return;
      const objection = partObjection(j, part);
      if (objection === 0) return;
      if (!breaksSilence(objection, ally.params.solidarity, ally.sway.goodwill, supportive, values[i] ?? 0.5)) {
        reservations.push(ally.code);
        return;
      }
      brokenBy.push(ally.code);
      const refused = j.judgements.filter((x) => part.includes(x.measure) && !x.accept).map((x) => x.measure);
      for (const m of refused) vetoed.add(m);
      const reason = j.reasons.find((r) => r.measure && part.includes(r.measure));
      log.push({
        k: "break",
        h: s.hour,
        by: ally.code,
        reason: reason ? `${reason.code}:${reason.measure}` : "objects",
        measures: refused,
      });
    });
    // A person's break drops what it named; a break that names nothing is read as aimed at the strongest measure.
    for (const b of humanBreaks)
      for (const m of b.measures.length ? b.measures.filter((x) => part.includes(x)) : [strongest(part)]) vetoed.add(m);
    const adopted = brokenBy.length === 0;
    const wording: WordingMap = {};
    for (const m of part) if (draft.wording[m]) wording[m] = draft.wording[m];
    decisions.push({
      cycle: s.cycle,
      injectId,
      hour: s.hour,
      measures: part,
      wording,
      adopted,
      brokenBy,
      reservations,
    });
    log.push({ k: "silence", h: s.hour, adopted, brokenBy, reservations, measures: part });
  }
  const adoptedNow = decisions.filter((d) => d.adopted).flatMap((d) => d.measures);
  const article4 = adoptedNow.includes("article4") ? { ...s.article4, held: true } : s.article4;
  s = {
    ...s,
    rng,
    article4,
    vetoed: [...vetoed],
    draft: null,
    decisions: [...s.decisions, ...decisions],
    log: [...s.log, ...log],
  };
  if (adoptedNow.length || s.silenceAttempts >= env.scenario.settings.maxSilenceAttempts) return s;
  const round = Math.max(0, env.scenario.settings.maxConsultationRounds - 2);
  return { ...s, round, proposal: draft.measures.filter((m) => !vetoed.has(m)), proposalWording: { ...draft.wording } };
}

/** The strongest measure of a list (the chair's guess at what a break without a stated measure was about). */
export function strongest(measures: readonly MeasureId[]): MeasureId {
  return measures.reduce(
    (best, m) => (measureById(m).rank > measureById(best).rank ? m : best),
    measures[0] ?? "concern",
  );
}
