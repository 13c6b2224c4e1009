/**
 * Coalitions of the willing: when the Council does not adopt a measure, allies who want it may take it
 * together, nationally (a joint attribution, coordinated national sanctions), as after NotPetya and after the
 * attacks on Albania. A coalition never makes the Council's own decision; it deters less. Pure reducers.
 */
import { isHuman, judgeOne } from "./council.ts";
import { availableAt, type MeasureId, measureById } from "./measures.ts";
import type { AllyCode, CoalitionAct, Env, LogEntry, SessionState } from "./state.ts";

/** Measures allies can take together outside the Council. */
export const COALITION_MEASURES: readonly MeasureId[] = [
  "acknowledge",
  "assistance",
  "sanctions",
  "defensiveCyber",
  "countermeasures",
];
/** The fewest allies that make a coalition. */
export const COALITION_MIN = 3;
/** How much a coalition deters compared with the Council taking the same measure, at full strength. */
export const COALITION_WEIGHT = 0.5;

/** Measures the Council left undone in this cycle that a coalition could take now. */
export function coalitionCandidates(env: Env, s: SessionState): MeasureId[] {
  const decided = s.decisions.filter((d) => d.cycle === s.cycle);
  const adopted = new Set(decided.filter((d) => d.adopted).flatMap((d) => d.measures));
  const tried = new Set(decided.flatMap((d) => d.measures));
  for (const j of s.joining) tried.add(j.measure);
  const done = new Set(s.coalition.map((c) => c.measure));
  return COALITION_MEASURES.filter(
    (m) => tried.has(m) && !adopted.has(m) && !done.has(m) && availableAt(measureById(m), env.scenario.date),
  );
}

/** Why `by` cannot join a coalition on `measure` now, or null. */
export function joinRefusal(env: Env, s: SessionState, by: AllyCode, measure: MeasureId): string | null {
  if (!COALITION_MEASURES.includes(measure)) return `${measureById(measure).name} cannot be taken outside the Council`;
  if (!availableAt(measureById(measure), env.scenario.date)) return `${measureById(measure).name} is not available yet`;
  if (s.decisions.some((d) => d.cycle === s.cycle && d.adopted && d.measures.includes(measure)))
    return `the Council has adopted ${measureById(measure).name.toLowerCase()} already`;
  if (s.joining.some((j) => j.by === by && j.measure === measure)) return `${by} has already joined this coalition`;
  if (s.coalition.some((c) => c.measure === measure))
    return `allies already took ${measureById(measure).name.toLowerCase()} together outside the Council`;
  return null;
}

/** A person's delegation joins a coalition on one measure (it acts when enough allies join). */
export function joinCoalition(s: SessionState, by: AllyCode, measure: MeasureId): SessionState {
  return { ...s, joining: [...s.joining, { by, measure }] };
}

/** At the end of a cycle: AI allies who want a measure the Council left undone join people who asked for it. */
export function formCoalitions(env: Env, s: SessionState): SessionState {
  const candidates = coalitionCandidates(env, s);
  if (!candidates.length) return { ...s, joining: [] };
  const acts: CoalitionAct[] = [];
  const log: LogEntry[] = [];
  for (const measure of candidates) {
    const members: AllyCode[] = s.joining.filter((j) => j.measure === measure).map((j) => j.by);
    s.allies.forEach((ally, i) => {
      if (isHuman(s, ally.code) || members.includes(ally.code)) return;
      const j = judgeOne(env, s, i, [measure], {}).judgements.find((x) => x.measure === measure);
      if (j?.want) members.push(ally.code);
    });
    if (members.length < COALITION_MIN) continue;
    acts.push({ cycle: s.cycle, hour: s.hour, measure, members });
    log.push({ k: "coalition", h: s.hour, measure, members });
  }
  return { ...s, joining: [], coalition: [...s.coalition, ...acts], log: [...s.log, ...log] };
}

/** The deterrent value coalition acts add (0..1), by how many allies took part; national measures persist. */
export function coalitionDeterrence(s: SessionState): number {
  let rest = 1;
  for (const c of s.coalition) {
    const share = Math.min(1, c.members.length / Math.max(1, s.allies.length / 2));
    rest *= 1 - COALITION_WEIGHT * share * measureById(c.measure).deterrence;
  }
  return 1 - rest;
}
