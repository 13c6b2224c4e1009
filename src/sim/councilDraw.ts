/**
 * Each seed is a different Council: every ally's parameters are drawn around its profile within its stated
 * uncertainty, and a domestic event (an election, a new government) may shift one ally in one cycle. Pure.
 */
import { Draws, drawMany } from "./rng.ts";
import type { AllyParams } from "./scenarioSchema.ts";
import type { AllyCode, AllyState, Env, LogEntry, SessionState } from "./state.ts";

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const r3 = (x: number) => Math.round(x * 1000) / 1000;

type Scalar = Exclude<keyof AllyParams, "instruments">;
const SCALARS: readonly Scalar[] = [
  "exposure",
  "severityThreshold",
  "attributionThreshold",
  "escalationAversion",
  "solidarity",
  "cyberCapability",
  "domesticConstraint",
  "economicTies",
  "economicHarmWeight",
];
const INSTRUMENTS = ["political", "economic", "cyber", "military"] as const;

/** Chance that a domestic event shifts one ally during a session. */
export const DOMESTIC_EVENT_CHANCE = 0.3;

/** A triangular draw in [-1, 1] from two uniforms: most Councils sit near the profile, few far from it. */
function spreadDraw(draws: Draws): number {
  return draws.next() + draws.next() - 1;
}

/** One ally's profile for this seed: each parameter within ±2·spread of its mean (instruments within ±spread). */
export function drawParams(mean: AllyParams, spread: number, draws: Draws): AllyParams {
  const out = { ...mean, instruments: { ...mean.instruments } };
  for (const k of SCALARS) out[k] = r3(clamp01(mean[k] + 2 * spread * spreadDraw(draws)));
  for (const k of INSTRUMENTS) out.instruments[k] = r3(clamp01(mean.instruments[k] + spread * spreadDraw(draws)));
  return out;
}

/** Numbers drawn per ally: one per scalar parameter pair of uniforms, instruments likewise. */
export const DRAWS_PER_ALLY = 2 * (SCALARS.length + INSTRUMENTS.length);

/** How a domestic event moves an ally: a more hawkish or a more cautious government. */
export function shiftedParams(p: AllyParams, change: "hawkish" | "dovish"): AllyParams {
  const d = change === "hawkish" ? 1 : -1;
  return {
    ...p,
    escalationAversion: r3(clamp01(p.escalationAversion - 0.15 * d)),
    solidarity: r3(clamp01(p.solidarity + 0.1 * d)),
    attributionThreshold: r3(clamp01(p.attributionThreshold - 0.08 * d)),
    instruments: { ...p.instruments, military: r3(clamp01(p.instruments.military + 0.15 * d)) },
  };
}

/** The domestic event planned for this session, if any: which cycle, which seat, which way. */
export interface DomesticPlan {
  cycle: number; // 0 = none
  seat: number;
  change: "hawkish" | "dovish";
}

/** Plans the session's domestic event from three draws. */
export function planDomestic(env: Env, draws: Draws): DomesticPlan {
  const happens = draws.next() < DOMESTIC_EVENT_CHANCE;
  const cycle = 1 + Math.floor(draws.next() * env.scenario.injects.length);
  const seat = Math.floor(draws.next() * env.profiles.length);
  const change = draws.next() < 0.5 ? "hawkish" : "dovish";
  return { cycle: happens ? cycle : 0, seat, change };
}

/** Applies the planned domestic event when its cycle starts (logged as public news). */
export function applyDomestic(s: SessionState, plan: DomesticPlan): SessionState {
  if (plan.cycle !== s.cycle) return s;
  const target = s.allies[plan.seat];
  if (!target) return s;
  const ally: AllyCode = target.code;
  const allies = s.allies.map(
    (a): AllyState => (a.code === ally ? { ...a, params: shiftedParams(a.params, plan.change) } : a),
  );
  const entry: LogEntry = { k: "domestic", h: s.hour, ally, change: plan.change };
  return { ...s, allies, log: [...s.log, entry] };
}

/** Draws for the Council at session start: profiles for every seat, then the domestic plan. */
export function drawCouncil(
  env: Env,
  rng: SessionState["rng"],
): {
  params: AllyParams[];
  domestic: DomesticPlan;
  rng: SessionState["rng"];
} {
  const { values, state } = drawMany(rng, env.profiles.length * DRAWS_PER_ALLY + 4);
  const cursor = new Draws(values);
  const params = env.means.map((mean, i) => drawParams(mean, env.spreads[i] ?? 0.05, cursor));
  return { params, domestic: planDomestic(env, cursor), rng: state };
}
