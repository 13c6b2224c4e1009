/**
 * National attribution: every ally holds its own belief about who is behind the campaign, fed by the
 * evidence it receives, the intelligence others share with it, and false flags it may or may not see through.
 */
import { exp, ln } from "./detMath.ts";
import { ACTOR_TYPES, type ActorType, type AllyParams, type Evidence } from "./scenarioSchema.ts";

const EVIDENCE_WEIGHT = 1.6;
const SECONDHAND = 0.6; // shared intelligence counts less than one's own collection

const indexOf = (actor: ActorType) => ACTOR_TYPES.indexOf(actor);

const PROXY = 0.2; // prior weight of a proxy the state directs
const PATRIOTIC = 0.2; // prior weight of patriotic hackers
const LN_PROXY = ln(PROXY);
const LN_PATRIOTIC = ln(PATRIOTIC);

/** Prior log-weights: more exposed allies start out more suspicious of a state. */
export function priorBelief(params: AllyParams): number[] {
  const state = 0.2 + 0.15 * params.exposure;
  return [ln(state), LN_PROXY, LN_PATRIOTIC, ln(1 - state - PROXY - PATRIOTIC)];
}

/** Probabilities over ACTOR_TYPES from log-weights. */
export function beliefProbabilities(belief: readonly number[]): number[] {
  const max = Math.max(...belief);
  const exps = belief.map((b) => exp(b - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Confidence that a state is responsible, directly or through a proxy it directs (0..1). */
export function stateConfidence(belief: readonly number[]): number {
  const a = belief[0] ?? 0;
  const b = belief[1] ?? 0;
  const c = belief[2] ?? 0;
  const d = belief[3] ?? 0;
  const m = Math.max(a, b, c, d);
  // exp(0) is exactly 1: the largest weight needs no exponential.
  const ea = a === m ? 1 : exp(a - m);
  const eb = b === m ? 1 : exp(b - m);
  const ec = c === m ? 1 : exp(c - m);
  const ed = d === m ? 1 : exp(d - m);
  return (ea + eb) / (ea + eb + ec + ed);
}

/** The leading hypothesis and its probability. */
export function leadingHypothesis(belief: readonly number[]): { actor: ActorType; probability: number } {
  const p = beliefProbabilities(belief);
  let best = 0;
  for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
  return { actor: ACTOR_TYPES[best] ?? "state", probability: p[best] ?? 0 };
}

/** How well an ally reads a piece of evidence (0..1). */
export function evidenceQuality(
  kind: Evidence["kind"],
  params: AllyParams,
  assisted: boolean,
  secondhand: boolean,
): number {
  const capability = Math.min(1, params.cyberCapability + (assisted ? 0.25 : 0));
  const base =
    kind === "technical" ? 0.4 + 0.6 * capability : kind === "intelligence" ? 1 : kind === "claim" ? 0.6 : 0.8;
  return secondhand ? base * SECONDHAND : base;
}

/**
 * Belief after receiving one piece of evidence. `seeThrough` is a draw in [0, 1): an ally sees through a
 * false flag when the draw falls below its capability. Pure.
 */
export function absorbEvidence(
  belief: readonly number[],
  evidence: Evidence,
  strength: number,
  params: AllyParams,
  assisted: boolean,
  secondhand: boolean,
  seeThrough: number,
): number[] {
  const next = belief.slice();
  const weight = EVIDENCE_WEIGHT * strength * evidenceQuality(evidence.kind, params, assisted, secondhand);
  let target = evidence.pointsTo;
  if (evidence.kind === "falseFlag" && evidence.reveals) {
    const capability = Math.min(1, params.cyberCapability + (assisted ? 0.25 : 0));
    if (seeThrough < capability * 0.8) target = evidence.reveals;
  }
  const i = indexOf(target);
  next[i] = (next[i] ?? 0) + weight;
  return next;
}
