/** Views of the Council derived from the session state: outlooks, victims, who accepts what. Pure. */
import { stateConfidence } from "./attribution.ts";
import { MEASURE_IDS, type MeasureId, type WordingMap } from "./measures.ts";
import type { AllyParams, Inject } from "./scenarioSchema.ts";
import { casualtyScale } from "./severity.ts";
import {
  type AllyOutlook,
  attributionNeeded,
  type DraftJudgement,
  judgeMeasure,
  type MeasureJudgement,
  type MeasureTerms,
  stanceOn,
  termsTable,
} from "./stance.ts";
import type { AllyCode, AllyState, Env, SessionState, Sway } from "./state.ts";

/** Every measure an ally weighs when it judges a text; Article 4 is judged like any other. */
export const AI_MEASURES: readonly MeasureId[] = MEASURE_IDS;

/**
 * Empties the engine's memos (every seat's last judgements, the last table's context and hit sets), which hold
 * the profiles and states of the last sessions played until new sessions push them out. Memos are never a
 * source of truth: every answer after this is the same, only computed again. Returns how many seat memos were
 * made since the last release (those of environments since dropped included).
 */
export function forgetMemos(): number {
  const dropped = slotCount;
  judgementSlots = new WeakMap();
  confidenceMemos = new WeakMap();
  slotCount = 0;
  lastContext = null;
  lastHit = null;
  return dropped;
}

/** The scenario inject (scheduled or optional) with this id. */
export function findInject(env: Env, id: string): Inject | undefined {
  return env.scenario.injects.find((i) => i.id === id) ?? env.scenario.optionalInjects.find((i) => i.id === id);
}

// Who is hit depends only on the injects so far, and the list of injects is replaced, never mutated, when one
// arrives: a one-entry memo per list (never a source of truth). The sets are shared, hence read-only.
let lastHit: {
  env: Env;
  injects: SessionState["injects"];
  all: ReadonlySet<AllyCode>;
  direct: ReadonlySet<AllyCode>;
} | null = null;

function hitSets(env: Env, state: SessionState): { all: ReadonlySet<AllyCode>; direct: ReadonlySet<AllyCode> } {
  if (lastHit?.injects === state.injects && lastHit.env === env) return lastHit;
  const all = new Set<AllyCode>();
  const direct = new Set<AllyCode>();
  for (const active of state.injects) {
    const inject = findInject(env, active.id);
    if (!inject) continue;
    for (const c of inject.targets) {
      all.add(c);
      direct.add(c);
    }
    for (const c of inject.spillover) all.add(c);
  }
  lastHit = { env, injects: state.injects, all, direct };
  return lastHit;
}

/** Allies hit directly or by spillover in any inject so far. */
export function victims(env: Env, state: SessionState): ReadonlySet<AllyCode> {
  return hitSets(env, state).all;
}

/** Allies hit directly (not by spillover) in any inject so far. */
export function directTargets(env: Env, state: SessionState): ReadonlySet<AllyCode> {
  return hitSets(env, state).direct;
}

/** What every ally's outlook shares in one state: who is hit, how far states are hit, who pleaded. */
interface TableContext {
  hit: ReadonlySet<AllyCode>;
  stateHarm: number;
  helpSought: boolean;
  pleas: { code: AllyCode; severity: number }[]; // allies under attack that pleaded this cycle, gravest first
}

// States are immutable, so a state object identifies its context: a one-entry memo (the judgements of one
// state come together), never a source of truth.
let lastContext: { env: Env; state: SessionState; ctx: TableContext } | null = null;

function tableContext(env: Env, state: SessionState): TableContext {
  let ctx = lastContext?.state === state && lastContext.env === env ? lastContext.ctx : undefined;
  if (!ctx) {
    const direct = directTargets(env, state);
    const pleas = state.allies
      .filter((a) => direct.has(a.code) && a.argued.includes("solidarity"))
      .map((a) => ({ code: a.code, severity: a.severity }))
      .sort((a, b) => b.severity - a.severity);
    ctx = {
      hit: victims(env, state),
      stateHarm: stateHarmOf(state),
      helpSought: state.allies.some((a) => a.assisted),
      pleas,
    };
    lastContext = { env, state, ctx };
  }
  return ctx;
}

/** What ally `i` knows of its own situation. */
export function outlookOf(
  env: Env,
  state: SessionState,
  i: number,
  ctx: TableContext = tableContext(env, state),
  terms?: readonly MeasureTerms[],
): AllyOutlook {
  const ally = state.allies[i];
  if (!ally) throw new Error(`no seat ${i}`);
  return {
    params: ally.params,
    severity: ally.severity,
    confidence: confidenceOf(env, state, i),
    victim: ctx.hit.has(ally.code),
    sway: ally.sway,
    stateHarm: ctx.stateHarm,
    pleaded: ctx.pleas.find((p) => p.code !== ally.code)?.severity ?? 0,
    helpSought: ctx.helpSought,
    terms: terms ?? termsTable(ally.params, env.scenario.date),
  };
}

/** The highest severity pleaded this cycle by an ally under attack (its own plea does not count for itself). */
export function pleadedSeverity(env: Env, state: SessionState, listener: AllyCode): number {
  return tableContext(env, state).pleas.find((p) => p.code !== listener)?.severity ?? 0;
}

/**
 * How far the attacks so far strike allied states themselves (0..1): their institutions, their forces, physical
 * harm and lives, as opposed to losses of companies caught in a campaign. The strongest inject counts.
 */
export function stateHarmOf(state: SessionState): number {
  let harm = 0;
  for (const i of state.injects) {
    const e = i.effects;
    harm = Math.max(harm, e.democraticInstitutions, e.militaryReadiness, e.physicalDamage, casualtyScale(e.casualties));
  }
  return harm;
}

// Every ally's confidence is read each round, and its belief changes only when evidence arrives: one memo per
// seat and environment, keyed by the (never mutated) belief array. Never a source of truth.
interface ConfidenceMemo {
  beliefs: (readonly number[] | undefined)[];
  values: number[];
}
let confidenceMemos = new WeakMap<Env, ConfidenceMemo>();

/** Ally i's confidence that a state is behind the campaign (stateConfidence of its belief), memoised per seat. */
export function confidenceOf(env: Env, state: SessionState, i: number): number {
  const ally = state.allies[i];
  if (!ally) throw new Error(`no seat ${i}`);
  let memo = confidenceMemos.get(env);
  if (!memo) {
    memo = { beliefs: [], values: [] };
    confidenceMemos.set(env, memo);
  }
  if (memo.beliefs[i] === ally.belief) return memo.values[i] ?? stateConfidence(ally.belief);
  const confidence = stateConfidence(ally.belief);
  memo.beliefs[i] = ally.belief;
  memo.values[i] = confidence;
  return confidence;
}

interface CachedJudgements {
  belief: readonly number[];
  severity: number;
  victim: boolean;
  sway: Sway;
  params: AllyParams;
  terms: readonly MeasureTerms[]; // the profile's terms at the scenario's date
  stateHarm: number;
  pleaded: number;
  helpSought: boolean;
  confidence: number;
  judgements: readonly MeasureJudgement[];
  stance: { proposal: readonly MeasureId[]; judgement: DraftJudgement } | null; // the last standard-worded text
}

// An ally's measure judgements change only when its belief, severity, victim status, sway or profile do;
// beliefs are never mutated, so the belief array identifies an unchanged outlook between rounds. One slot per
// seat and scenario environment, updated in place: a memo of the last answer, never a source of truth.
let judgementSlots = new WeakMap<Env, (CachedJudgements | undefined)[]>();
let slotCount = 0; // seats with a memo, over every environment (for forgetMemos)

function slotsOf(env: Env): (CachedJudgements | undefined)[] {
  let slots = judgementSlots.get(env);
  if (!slots) {
    slots = [];
    judgementSlots.set(env, slots);
  }
  return slots;
}

/** The memo slot of seat i if it still describes the ally in this state, checked without building an outlook. */
function freshSlot(env: Env, state: SessionState, i: number, ctx: TableContext): CachedJudgements | undefined {
  const hit = slotsOf(env)[i];
  const ally = state.allies[i];
  if (!hit || !ally) return undefined;
  if (hit.severity !== ally.severity || hit.sway !== ally.sway || hit.params !== ally.params) return undefined;
  if (
    hit.victim !== ctx.hit.has(ally.code) ||
    hit.stateHarm !== ctx.stateHarm ||
    hit.pleaded !== pleadedFor(ctx, ally.code) ||
    hit.helpSought !== ctx.helpSought
  )
    return undefined;
  if (hit.belief === ally.belief) return hit;
  const confidence = confidenceOf(env, state, i);
  const judgements = confidence === hit.confidence ? hit.judgements : rejudged(env, hit, confidence);
  if (judgements !== hit.judgements) hit.stance = null;
  hit.belief = ally.belief;
  hit.confidence = confidence;
  hit.judgements = judgements;
  return hit;
}

const pleadedFor = (ctx: TableContext, code: AllyCode) => ctx.pleas.find((p) => p.code !== code)?.severity ?? 0;

// The outlook a slot describes, filled in place for the judgements of one rebuild (read at once, never kept).
const OUTLOOK: AllyOutlook = {
  params: null as unknown as AllyParams,
  severity: 0.5,
  confidence: 0.5,
  victim: false,
  sway: null as unknown as Sway,
  stateHarm: 0.5,
  pleaded: 0.5,
  helpSought: false,
  terms: [],
};

function fillOutlook(slot: CachedJudgements): AllyOutlook {
  const o = OUTLOOK;
  o.params = slot.params;
  o.severity = slot.severity;
  o.confidence = slot.confidence;
  o.victim = slot.victim;
  o.sway = slot.sway;
  o.stateHarm = slot.stateHarm;
  o.pleaded = slot.pleaded;
  o.helpSought = slot.helpSought;
  o.terms = slot.terms;
  return o;
}

/**
 * The judgements at a new confidence: a measure whose attribution bar the ally clears (or misses by the same
 * rounded margin) at both confidences is judged as before, so only the others are judged again; the list itself
 * is kept when nothing changed.
 */
function rejudged(env: Env, hit: CachedJudgements, confidence: number): readonly MeasureJudgement[] {
  let out: MeasureJudgement[] | null = null;
  const before = hit.confidence;
  for (let k = 0; k < AI_MEASURES.length; k++) {
    const m = AI_MEASURES[k] as MeasureId;
    const need = attributionNeeded(hit.terms, m);
    const unchanged =
      (before >= need && confidence >= need) ||
      (before < need && confidence < need && round3(before) === round3(confidence));
    const old = hit.judgements[k];
    if (unchanged && old) {
      if (out) out.push(old);
      continue;
    }
    out ??= hit.judgements.slice(0, k) as MeasureJudgement[];
    const outlook = fillOutlook(hit);
    outlook.confidence = confidence;
    out.push(judgeMeasure(outlook, m, env.scenario.date));
  }
  return out ?? hit.judgements;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function measureJudgements(env: Env, state: SessionState, i: number, ctx: TableContext): CachedJudgements {
  const hit = freshSlot(env, state, i, ctx);
  if (hit) return hit;
  const ally = state.allies[i];
  if (!ally) throw new Error(`no seat ${i}`);
  const slots = slotsOf(env);
  const prior = slots[i];
  // Terms change only with the profile: once a session, or when a domestic event shifts the ally.
  const terms = prior?.params === ally.params ? prior.terms : termsTable(ally.params, env.scenario.date);
  const slot: CachedJudgements = prior ?? {
    belief: ally.belief,
    severity: 0.5,
    victim: false,
    sway: ally.sway,
    params: ally.params,
    terms,
    stateHarm: 0.5,
    pleaded: 0.5,
    helpSought: false,
    confidence: 0.5,
    judgements: [],
    stance: null,
  };
  slot.belief = ally.belief;
  slot.severity = ally.severity;
  slot.victim = ctx.hit.has(ally.code);
  slot.sway = ally.sway;
  slot.params = ally.params;
  slot.terms = terms;
  slot.stateHarm = ctx.stateHarm;
  slot.pleaded = pleadedFor(ctx, ally.code);
  slot.helpSought = ctx.helpSought;
  slot.confidence = confidenceOf(env, state, i);
  const outlook = fillOutlook(slot);
  const date = env.scenario.date;
  const judgements: MeasureJudgement[] = new Array(AI_MEASURES.length);
  for (let k = 0; k < AI_MEASURES.length; k++) judgements[k] = judgeMeasure(outlook, AI_MEASURES[k] as MeasureId, date);
  slot.judgements = judgements;
  slot.stance = null;
  if (!prior) slotCount++;
  slots[i] = slot;
  return slot;
}

function hasReworded(wording: WordingMap): boolean {
  for (const k in wording) if (wording[k as MeasureId] !== "standard") return true;
  return false;
}

const sameList = (a: readonly MeasureId[], b: readonly MeasureId[]) =>
  a === b || (a.length === b.length && a.every((m, k) => b[k] === m));

/** One ally's judgement of a text in its wording (standard judgements memoised, other wordings computed). */
export function judgeOne(
  env: Env,
  state: SessionState,
  i: number,
  proposal: readonly MeasureId[],
  wording: WordingMap = {},
  ctx: TableContext = tableContext(env, state),
): DraftJudgement {
  const slot = measureJudgements(env, state, i, ctx);
  const reworded = hasReworded(wording) ? proposal.filter((m) => (wording[m] ?? "standard") !== "standard") : [];
  if (!reworded.length) {
    if (slot.stance && sameList(slot.stance.proposal, proposal)) return slot.stance.judgement;
    const judgement = stanceOn(slot.judgements, proposal);
    slot.stance = { proposal: [...proposal], judgement };
    return judgement;
  }
  const outlook = outlookOf(env, state, i, ctx, slot.terms);
  const judgements = slot.judgements.map((j) =>
    reworded.includes(j.measure) ? judgeMeasure(outlook, j.measure, env.scenario.date, wording[j.measure]) : j,
  );
  return stanceOn(judgements, proposal);
}

/** Every seated ally's judgement of a text, in seating order. */
export function judgeAll(
  env: Env,
  state: SessionState,
  proposal: readonly MeasureId[],
  wording: WordingMap = {},
): DraftJudgement[] {
  const ctx = tableContext(env, state);
  return state.allies.map((_, i) => judgeOne(env, state, i, proposal, wording, ctx));
}

/** True when the seat is controlled by a person. */
export function isHuman(state: SessionState, code: AllyCode): boolean {
  return state.humans.includes(code);
}

/** Minimum state harm before a government asks NATO for incident-response teams (companies hire their own). */
export const ASSISTANCE_STATE_HARM = 0.15;

/** Whether an ally under attack would ask for technical assistance now: its own systems hit, its means short. */
export function needsAssistance(state: SessionState, ally: AllyState, directlyHit: boolean): boolean {
  return (
    directlyHit && !ally.assisted && ally.params.cyberCapability < 0.75 && stateHarmOf(state) >= ASSISTANCE_STATE_HARM
  );
}
