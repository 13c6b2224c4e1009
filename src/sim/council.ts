/** Views of the Council derived from the session state: outlooks, victims, who accepts what. Pure. */
import { stateConfidence } from "./attribution.ts";
import { MEASURE_IDS, type MeasureId } from "./measures.ts";
import type { Inject } from "./scenarioSchema.ts";
import { type AllyOutlook, type DraftJudgement, judgeMeasures, type MeasureJudgement, stanceOn } from "./stance.ts";
import type { AllyCode, Env, SessionState } from "./state.ts";

/** Measures the AI weighs when it judges drafts; Article 4 is an ally's own request, not a draft item. */
export const AI_MEASURES: readonly MeasureId[] = MEASURE_IDS.filter((m) => m !== "article4");

/** The scenario inject (scheduled or optional) with this id. */
export function findInject(env: Env, id: string): Inject | undefined {
  return env.scenario.injects.find((i) => i.id === id) ?? env.scenario.optionalInjects.find((i) => i.id === id);
}

/** Allies hit directly or by spillover in any inject so far. */
export function victims(env: Env, state: SessionState): Set<AllyCode> {
  const hit = new Set<AllyCode>();
  for (const active of state.injects) {
    const inject = findInject(env, active.id);
    if (!inject) continue;
    for (const c of inject.targets) hit.add(c);
    for (const c of inject.spillover) hit.add(c);
  }
  return hit;
}

/** Allies hit directly (not by spillover) in any inject so far. */
export function directTargets(env: Env, state: SessionState): Set<AllyCode> {
  const hit = new Set<AllyCode>();
  for (const active of state.injects) for (const c of findInject(env, active.id)?.targets ?? []) hit.add(c);
  return hit;
}

/** What ally `i` knows of its own situation. */
export function outlookOf(env: Env, state: SessionState, i: number, hit: Set<AllyCode>): AllyOutlook {
  const ally = state.allies[i];
  const profile = env.profiles[i];
  if (!ally || !profile) throw new Error(`no seat ${i}`);
  return {
    params: profile.params,
    severity: ally.severity,
    confidence: stateConfidence(ally.belief),
    victim: hit.has(ally.code),
    rejects: ally.rejects,
    terms: env.terms[i],
  };
}

interface CachedJudgements {
  belief: readonly number[];
  severity: number;
  victim: boolean;
  rejects: readonly MeasureId[];
  judgements: readonly MeasureJudgement[];
}

// An ally's measure judgements change only when its belief, severity, victim status or instructions do;
// beliefs are never mutated, so the belief array identifies an unchanged outlook between rounds. One slot per
// seat and scenario environment: a memo of the last answer, never a source of truth.
const judgementSlots = new WeakMap<Env, (CachedJudgements | undefined)[]>();

function measureJudgements(
  env: Env,
  i: number,
  outlook: AllyOutlook,
  belief: readonly number[],
): readonly MeasureJudgement[] {
  let slots = judgementSlots.get(env);
  if (!slots) {
    slots = [];
    judgementSlots.set(env, slots);
  }
  const hit = slots[i];
  if (
    hit &&
    hit.belief === belief &&
    hit.severity === outlook.severity &&
    hit.victim === outlook.victim &&
    hit.rejects === outlook.rejects
  )
    return hit.judgements;
  const judgements = judgeMeasures(outlook, AI_MEASURES, env.scenario.date);
  slots[i] = { belief, severity: outlook.severity, victim: outlook.victim, rejects: outlook.rejects, judgements };
  return judgements;
}

/** Every seated ally's judgement of a proposal, in seating order. */
export function judgeAll(env: Env, state: SessionState, proposal: readonly MeasureId[]): DraftJudgement[] {
  const hit = victims(env, state);
  return state.allies.map((ally, i) =>
    stanceOn(measureJudgements(env, i, outlookOf(env, state, i, hit), ally.belief), proposal),
  );
}

/** True when the seat is controlled by a person. */
export function isHuman(state: SessionState, code: AllyCode): boolean {
  return state.humans.includes(code);
}
