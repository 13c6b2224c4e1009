/**
 * Negotiation before and around a text: corridor talks (one seat meets one ally privately, learns its real
 * concerns with some noise and may make an offer) and arguments at the table (weighed by each listener's
 * profile). Both move allies through their `sway`; talks spend political capital. Pure reducers.
 */
import { stateConfidence } from "./attribution.ts";
import { directTargets, judgeOne, victims } from "./council.ts";
import { advanceClock, evidenceStrengths, pooledEvidence, receiveSecondhand } from "./incidents.ts";
import type { MeasureId } from "./measures.ts";
import { drawMany } from "./rng.ts";
import type { AllyParams } from "./scenarioSchema.ts";
import type {
  AllyCode,
  AllyState,
  ArgumentKind,
  Concern,
  Env,
  LogEntry,
  Offer,
  Reason,
  SeatId,
  SessionState,
  Sway,
  Talk,
} from "./state.ts";
import { playedByPerson } from "./talkThreads.ts";

/** Political capital per cycle: the chair's and each ally's (allies under attack have more to spend). */
export const CAPITAL = { chair: 6, ally: 3, victim: 4 } as const;
/** What each kind of talk costs in political capital. */
export const OFFER_COST: Record<Offer, number> = { none: 1, reassurance: 1, legal: 1, linkage: 2, intelligence: 2 };
/** What the chair's briefing of the whole Council costs in political capital (half its budget for a cycle). */
export const BRIEFING_COST = 3;
/** Game hours a corridor talk takes while the Council deliberates. */
export const TALK_HOURS = 2;
/** Caps on how far talks and arguments can move one ally in one cycle. */
export const SWAY_CAP: Sway = { escalation: 0.5, cost: 0.6, motivation: 0.45, severity: 0.35, goodwill: 1 };
const SWAY_FLOOR = { escalation: -0.3, motivation: -0.2 } as const;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Capital for every seat at the start of a cycle. */
export function capitalAtCycleStart(env: Env, s: SessionState): Record<SeatId, number> {
  const hit = directTargets(env, s);
  const capital: Record<SeatId, number> = { chair: CAPITAL.chair };
  for (const a of s.allies) capital[a.code] = hit.has(a.code) ? CAPITAL.victim : CAPITAL.ally;
  return capital;
}

/** A new cycle: sway fades by half, arguments may be made again. */
export function relaxSway(s: SessionState): SessionState {
  const allies = s.allies.map(
    (a): AllyState => ({
      ...a,
      sway: {
        escalation: r3(a.sway.escalation / 2),
        cost: r3(a.sway.cost / 2),
        motivation: r3(a.sway.motivation / 2),
        severity: r3(a.sway.severity / 2),
        goodwill: r3(a.sway.goodwill / 2),
      },
      argued: [],
    }),
  );
  return { ...s, allies };
}

function addSway(sway: Sway, delta: Partial<Sway>): Sway {
  return {
    escalation: r3(clamp(sway.escalation + (delta.escalation ?? 0), SWAY_FLOOR.escalation, SWAY_CAP.escalation)),
    cost: r3(clamp(sway.cost + (delta.cost ?? 0), 0, SWAY_CAP.cost)),
    motivation: r3(clamp(sway.motivation + (delta.motivation ?? 0), SWAY_FLOOR.motivation, SWAY_CAP.motivation)),
    severity: r3(clamp(sway.severity + (delta.severity ?? 0), 0, SWAY_CAP.severity)),
    goodwill: r3(clamp(sway.goodwill + (delta.goodwill ?? 0), 0, SWAY_CAP.goodwill)),
  };
}

/** Why a talk cannot happen now, or null (a message can only go to a delegation a person plays). */
export function talkRefusal(
  s: SessionState,
  by: SeatId,
  withCode: AllyCode,
  offer: Offer,
  message?: string,
): string | null {
  if (by === withCode) return "a delegation cannot hold corridor talks with itself";
  if (!s.allies.some((a) => a.code === withCode)) return `${withCode} has no seat in this Council`;
  if (message !== undefined && !playedByPerson(s, withCode))
    return `${withCode} is played by the AI: it hears offers, not messages`;
  const left = s.capital[by] ?? 0;
  if (left < OFFER_COST[offer])
    return `not enough political capital: ${offer} talks cost ${OFFER_COST[offer]}, ${left} left in this cycle`;
  return null;
}

/**
 * The evidence a talker can bring: its own holdings; for the chair, what allies have pooled (evidence more than
 * one ally holds — intelligence a single ally keeps to itself is not the Secretariat's to share).
 */
function evidenceOf(s: SessionState, by: SeatId): string[] {
  if (by !== "chair") return s.allies.find((a) => a.code === by)?.held ?? [];
  return pooledEvidence(s.allies);
}

function effectOf(offer: Offer, a: AllyState): Partial<Sway> {
  const p = a.params;
  switch (offer) {
    case "reassurance":
      return { escalation: 0.12 + 0.25 * p.escalationAversion, goodwill: 0.4 };
    case "linkage":
      return { cost: 0.15 + 0.3 * Math.max(p.economicTies, p.domesticConstraint), goodwill: 0.4 };
    case "legal":
      // A legal reading of the harm weighs most with allies whose own lens already counts non-physical harm.
      return { severity: 0.08 + 0.14 * p.economicHarmWeight, goodwill: 0.4 };
    case "intelligence":
    case "none":
      return { goodwill: 0.4 };
  }
}

/** What the talker hears about the focus measures: acceptance now and softened, with noisy values. */
function hear(env: Env, s: SessionState, i: number, focus: readonly MeasureId[], noise: readonly number[]): Concern[] {
  const standard = judgeOne(env, s, i, focus);
  const soft = judgeOne(env, s, i, focus, Object.fromEntries(focus.map((m) => [m, "soft"])));
  let n = 0;
  return focus.map((m) => {
    const j = standard.judgements.find((x) => x.measure === m);
    const k = soft.judgements.find((x) => x.measure === m);
    const reasons: Reason[] = (j?.reasons ?? []).map((r) => ({
      ...r,
      value: r3(r.value + ((noise[n++ % noise.length] ?? 0.5) - 0.5) * 0.1),
    }));
    return { measure: m, accepts: j?.accept ?? false, acceptsSoft: k?.accept ?? false, reasons };
  });
}

/** The measures a talk is about: the one named, else what the ally objects to in the text on the table, and its top wish. */
function focusOf(env: Env, s: SessionState, i: number, measure: MeasureId | null): MeasureId[] {
  if (measure) return [measure];
  const text = s.draft?.measures ?? s.proposal;
  const j = judgeOne(env, s, i, text, s.draft?.wording ?? s.proposalWording);
  const objections = text.filter((m) => !j.accepts.includes(m));
  const wish = j.wants.filter((m) => !text.includes(m)).slice(-1);
  return [...objections, ...wish].slice(0, 4);
}

/**
 * A corridor talk: `by` meets `withCode`, makes its offer, and hears the ally's concerns on the focus measures
 * as they stand after the offer. Spends capital; takes game time unless a draft is under silence. When a
 * person plays the ally nothing is heard (the engine does not read a person's mind): the talk opens a thread
 * of messages instead, with `message` as its first line if one is given.
 */
export function corridorTalk(
  env: Env,
  s0: SessionState,
  by: SeatId,
  withCode: AllyCode,
  offer: Offer,
  measure: MeasureId | null,
  message?: string,
): SessionState {
  let s = s0.draft ? s0 : advanceClock(env, s0, TALK_HOURS);
  const i = s.allies.findIndex((a) => a.code === withCode);
  const target = s.allies[i];
  if (!target) return s0;
  const { values, state: rng } = drawMany(s.rng, 8);
  let moved: AllyState = { ...target, sway: addSway(target.sway, effectOf(offer, target)) };
  // A briefing counts like shared intelligence: secondhand, with a draw against false flags.
  if (offer === "intelligence")
    moved = receiveSecondhand(env, moved, evidenceOf(s, by), evidenceStrengths(s), values[7] ?? 0.5);
  const allies = s.allies.map((a, x) => (x === i ? moved : a));
  s = { ...s, rng, allies, capital: { ...s.capital, [by]: (s.capital[by] ?? 0) - OFFER_COST[offer] } };
  const person = playedByPerson(s, withCode);
  const talk: Talk = {
    by,
    with: withCode,
    hour: s.hour,
    cycle: s.cycle,
    offer,
    measure,
    heard: person ? [] : hear(env, s, i, focusOf(env, s, i, measure), values),
  };
  if (person) talk.messages = message ? [{ by, hour: s.hour, text: message }] : [];
  // Talks are private: they live in `talks` (redacted per seat), never in the public log.
  return { ...s, talks: [...s.talks, talk] };
}

/** An ally's sway after the chair's briefing of this kind, as far as its profile lets the briefing move it. */
export function swayAfterBriefing(arg: Exclude<ArgumentKind, "evidence">, params: AllyParams, sway: Sway): Sway {
  const effect = argumentEffect(arg, false, 0, { params });
  return effect && effect !== "evidence" ? addSway(sway, effect) : sway;
}

/** How one argument moves one listener (empty when it leaves the listener unmoved). */
function argumentEffect(
  arg: ArgumentKind,
  speakerIsVictim: boolean,
  speakerConfidence: number,
  l: Pick<AllyState, "params">,
): Partial<Sway> | "evidence" | null {
  const p = l.params;
  switch (arg) {
    case "solidarity":
      return p.solidarity >= 0.6 ? { motivation: (speakerIsVictim ? 0.12 : 0.04) * p.solidarity } : null;
    case "evidence":
      return speakerConfidence >= 0.55 && p.attributionThreshold >= 0.55 ? "evidence" : null;
    case "legal":
      return p.economicHarmWeight >= 0.5 ? { severity: 0.1 * p.economicHarmWeight } : null;
    case "escalation":
      return p.escalationAversion >= 0.5 ? { escalation: -0.12 * p.escalationAversion } : null;
  }
}

/**
 * Arguments put to the table by `by` (each kind once a cycle): a victim's plea moves solidarity-minded
 * allies, evidence moves legalists (if the speaker is confident itself), a legal reading moves those who count
 * non-physical harm, and escalation warnings move the cautious.
 */
export function makeArguments(env: Env, s: SessionState, by: AllyCode, args: readonly ArgumentKind[]): SessionState {
  const speaker = s.allies.find((a) => a.code === by);
  if (!speaker) return s;
  const fresh = [...new Set(args)].filter((a) => !speaker.argued.includes(a));
  if (!fresh.length) return s;
  const victim = victims(env, s).has(by);
  const confidence = stateConfidence(speaker.belief);
  let allies = s.allies;
  const log: LogEntry[] = [];
  for (const arg of fresh) {
    const moved: AllyCode[] = [];
    allies = allies.map((l) => {
      if (l.code === by) return { ...l, argued: [...l.argued, arg] };
      const effect = argumentEffect(arg, victim, confidence, l);
      if (!effect) return l;
      moved.push(l.code);
      if (effect !== "evidence") return { ...l, sway: addSway(l.sway, effect) };
      const belief = l.belief.slice();
      belief[0] = (belief[0] ?? 0) + 1.2 * (confidence - 0.5) * l.params.attributionThreshold;
      return { ...l, belief };
    });
    log.push({ k: "argument", h: s.hour, by, arg, moved });
  }
  return { ...s, allies, log: [...s.log, ...log] };
}

/** Why the chair cannot brief the Council on this now: once a cycle for each kind, paid in political capital. */
export function briefingRefusal(s: SessionState, arg: ArgumentKind): string | null {
  if (s.log.some((e) => e.k === "briefing" && e.cycle === s.cycle && e.arg === arg))
    return `the Council has already been briefed ${ARGUMENT_TOPIC[arg]} in this crisis cycle`;
  const left = s.capital.chair ?? 0;
  if (left < BRIEFING_COST)
    return `not enough political capital: a briefing costs ${BRIEFING_COST}, ${left} left in this cycle`;
  return null;
}

/** What each briefing is about, as the refusal and the log say it. */
export const ARGUMENT_TOPIC: Record<ArgumentKind, string> = {
  evidence: "on the intelligence",
  legal: "on the law",
  solidarity: "on solidarity",
  escalation: "on the risks of escalation",
};

/**
 * The chair has the Council briefed at the table, which reaches every ally at once where a corridor talk
 * reaches one: the Legal Adviser's reading of the harm, the intelligence staff's account of the evidence the
 * allies have pooled, a call for solidarity, or a warning of escalation. Each listener weighs it by its
 * profile, as it weighs an ally's argument, but the Secretariat speaks for no victim and sees only what allies
 * share. Costs political capital and game time.
 */
export function chairBriefing(env: Env, s0: SessionState, arg: ArgumentKind): SessionState {
  let s = advanceClock(env, s0, TALK_HOURS);
  const moved: AllyCode[] = [];
  let allies: AllyState[];
  if (arg === "evidence") {
    const pooled = evidenceOf(s, "chair");
    const strengths = evidenceStrengths(s);
    const { values, state: rng } = drawMany(s.rng, s.allies.length);
    s = { ...s, rng };
    allies = s.allies.map((a, i) => {
      const told = receiveSecondhand(env, a, pooled, strengths, values[i] ?? 0.5);
      if (told !== a) moved.push(a.code);
      return told;
    });
  } else {
    allies = s.allies.map((l) => {
      const effect = argumentEffect(arg, false, 0, l);
      if (!effect || effect === "evidence") return l;
      moved.push(l.code);
      return { ...l, sway: addSway(l.sway, effect) };
    });
  }
  const entry: LogEntry = { k: "briefing", h: s.hour, cycle: s.cycle, arg, moved };
  const capital = { ...s.capital, chair: (s.capital.chair ?? 0) - BRIEFING_COST };
  return { ...s, allies, capital, log: [...s.log, entry] };
}
