/**
 * Reducers for what happens to the Council: injects arriving, game time passing, evidence reaching allies,
 * intelligence being shared and technical assistance given. Each takes a state and returns a new one.
 */
import { absorbEvidence } from "./attribution.ts";
import { Draws, drawMany } from "./rng.ts";
import type { Inject } from "./scenarioSchema.ts";
import { accumulateHarm, assessIncident, neutralSeverity, overallSeverity } from "./severity.ts";
import type { ActiveInject, AllyCode, AllyState, DrawnEffects, Env, LogEntry, SessionState } from "./state.ts";

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Draws an inject's effects inside its ranges, scaled by the adversary's escalation. */
function drawEffects(inject: Inject, draws: Draws, escalation: number): DrawnEffects {
  const e = inject.effects;
  const pick = (range: readonly [number, number]) => draws.between(range[0], range[1]);
  return {
    disruption: r2(clamp01(pick(e.disruption) * escalation)),
    durationDays: r2(pick(e.durationDays) * escalation),
    economicLossMusd: Math.round(pick(e.economicLossMusd) * escalation),
    physicalDamage: r2(clamp01(pick(e.physicalDamage) * escalation)),
    casualties: Math.round(pick(e.casualties) * escalation),
    dataCompromise: r2(clamp01(pick(e.dataCompromise) * escalation)),
    militaryReadiness: r2(clamp01(pick(e.militaryReadiness) * escalation)),
    democraticInstitutions: r2(clamp01(pick(e.democraticInstitutions) * escalation)),
  };
}

/** An inject arrives: effects are drawn, every ally reassesses severity and harm, evidence is scheduled. */
export function applyInject(env: Env, s: SessionState, inject: Inject, optional: boolean): SessionState {
  const { values, state: rng } = drawMany(s.rng, 8 + inject.evidence.length);
  const draws = new Draws(values);
  const effects = drawEffects(inject, draws, s.escalation);
  const startHour = Math.max(s.hour, optional ? s.hour : inject.day * 24);
  const previous = s.injects[s.injects.length - 1];
  const days = previous ? (startHour - previous.startHour) / 24 : 0;
  const active: ActiveInject = {
    id: inject.id,
    optional,
    startHour,
    effects,
    severity: r2(neutralSeverity(effects, inject.factors)),
    evidence: inject.evidence.map((e) => ({
      id: e.id,
      dueHour: startHour + e.hour,
      strength: r2(draws.between(e.strength[0], e.strength[1])),
      delivered: false,
    })),
  };
  const allies = s.allies.map((ally): AllyState => {
    const latest = assessIncident(ally.params, effects, inject.factors);
    const harm = accumulateHarm(ally.harm, days, latest);
    return { ...ally, harm: r2(harm), severity: r2(overallSeverity(latest, harm, env.scenario.date)) };
  });
  const entry: LogEntry = {
    k: "inject",
    h: startHour,
    id: inject.id,
    severity: active.severity,
    escalation: r2(s.escalation),
  };
  return { ...s, rng, hour: startHour, allies, injects: [...s.injects, active], log: [...s.log, entry] };
}

/** Game time passes; evidence that falls due reaches its holders. */
export function advanceClock(env: Env, s: SessionState, hours: number): SessionState {
  return deliverDueEvidence(env, { ...s, hour: s.hour + hours });
}

function deliverDueEvidence(env: Env, s: SessionState): SessionState {
  let next = s;
  s.injects.forEach((active, k) => {
    active.evidence.forEach((item, j) => {
      if (item.delivered || item.dueHour > next.hour) return;
      next = deliverOne(env, next, k, j);
    });
  });
  return next;
}

function deliverOne(env: Env, s: SessionState, k: number, j: number): SessionState {
  const active = s.injects[k];
  const item = active?.evidence[j];
  const ref = item ? env.evidence.get(item.id) : undefined;
  if (!active || !item || !ref) return s;
  const holders = ref.evidence.holders;
  const receives = (code: AllyCode) => holders === "all" || holders.includes(code);
  const { values, state: rng } = drawMany(s.rng, ref.evidence.kind === "falseFlag" ? s.allies.length : 1);
  let recipients = 0;
  const allies = s.allies.map((ally, i) => {
    if (!receives(ally.code) || ally.held.includes(item.id)) return ally;
    recipients++;
    const belief = absorbEvidence(
      ally.belief,
      ref.evidence,
      item.strength,
      ally.params,
      ally.assisted,
      false,
      values[i] ?? 0,
    );
    return { ...ally, belief, held: [...ally.held, item.id] };
  });
  const evidence = active.evidence.map((e, x) => (x === j ? { ...e, delivered: true } : e));
  const injects = s.injects.map((a, x) => (x === k ? { ...a, evidence } : a));
  const entry: LogEntry = { k: "evidence", h: item.dueHour, id: item.id, recipients };
  return { ...s, rng, allies, injects, log: [...s.log, entry] };
}

/** How many of these allies hold each piece of evidence, by id, in the order the pieces were first held. */
export function holderCounts(allies: readonly AllyState[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ally of allies) for (const id of ally.held) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** The evidence more than one ally holds: what the Council has pooled, in the order it was first held. */
export function pooledEvidence(allies: readonly AllyState[]): string[] {
  const pooled: string[] = [];
  for (const [id, n] of holderCounts(allies)) if (n > 1) pooled.push(id);
  return pooled;
}

/** The drawn strength of every piece of evidence scheduled so far, by id. */
export function evidenceStrengths(s: SessionState): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const active of s.injects) for (const e of active.evidence) strengths.set(e.id, e.strength);
  return strengths;
}

/**
 * An ally receives evidence from another ally (shared intelligence, a briefing): what it does not hold yet,
 * weighed as secondhand; `seeThrough` is its draw against false flags. Returns the ally unchanged if nothing is new.
 */
export function receiveSecondhand(
  env: Env,
  ally: AllyState,
  ids: readonly string[],
  strengths: ReadonlyMap<string, number>,
  seeThrough: number,
): AllyState {
  const fresh = ids.filter((id) => !ally.held.includes(id));
  if (!fresh.length) return ally;
  let belief = ally.belief;
  for (const id of fresh) {
    const ref = env.evidence.get(id);
    if (ref)
      belief = absorbEvidence(
        belief,
        ref.evidence,
        strengths.get(id) ?? 0,
        ally.params,
        ally.assisted,
        true,
        seeThrough,
      );
  }
  return { ...ally, belief, held: [...ally.held, ...fresh] };
}

/** Ally `by` shares what it holds with `to`; recipients weigh secondhand evidence less. */
export function shareIntelligence(env: Env, s: SessionState, by: AllyCode, to: AllyCode[] | "all"): SessionState {
  const from = s.allies.find((a) => a.code === by);
  if (!from) return s;
  const isRecipient = (code: AllyCode) => code !== by && (to === "all" || to.includes(code));
  const strengths = evidenceStrengths(s);
  const { values, state: rng } = drawMany(s.rng, s.allies.length);
  let items = 0;
  const allies = s.allies.map((ally, i) => {
    if (!isRecipient(ally.code)) return ally;
    const received = receiveSecondhand(env, ally, from.held, strengths, values[i] ?? 0);
    items = Math.max(items, received.held.length - ally.held.length);
    return received;
  });
  const entry: LogEntry = { k: "share", h: s.hour, by, to, items };
  return { ...s, rng, allies, log: [...s.log, entry] };
}

/** Ally `by` receives incident-response help: its forensics improve from now on. */
export function requestAssistance(s: SessionState, by: AllyCode): SessionState {
  const allies = s.allies.map((a) => (a.code === by ? { ...a, assisted: true } : a));
  return { ...s, allies, log: [...s.log, { k: "assist", h: s.hour, by }] };
}

/** Ally `by` requests Article 4 consultations; the Council must consult. */
export function requestArticle4(s: SessionState, by: AllyCode): SessionState {
  const requestedBy = s.article4.requestedBy.includes(by) ? s.article4.requestedBy : [...s.article4.requestedBy, by];
  return { ...s, article4: { held: true, requestedBy }, log: [...s.log, { k: "article4", h: s.hour, by }] };
}
