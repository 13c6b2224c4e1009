/**
 * `negotiator`: the project's best play, using only what its seat may know. As chair it finds the strongest
 * measure some allies ask for, works the likely objectors in corridor talks with the offer their public
 * profile suggests, softens the wording where talks say that is what it takes, waits for evidence when
 * attribution is the obstacle, and tables the Secretariat's text with the extra measure split off, so the
 * consensus core is never put at risk. As an ally it argues its case, works the holdouts, shares what it
 * knows, never breaks a text it can live with, and joins coalitions when the Council fails.
 */
import { stateConfidence } from "../attribution.ts";
import { victims } from "../council.ts";
import { pooledEvidence } from "../incidents.ts";
import { hasWording, type MeasureId, type Wording, type WordingMap } from "../measures.ts";
import { BRIEFING_COST, swayAfterBriefing } from "../negotiation.ts";
import type { AllyCode, Offer, SessionState, Talk } from "../state.ts";
import { aiBot } from "./aiBot.ts";
import type { Bot, BotView, Move } from "./bot.ts";
import { can, ownAlly, ownJudgement } from "./seatReading.ts";
import { predictedSupport, soundOut } from "./soundings.ts";

/** Measures that lift the Council's response, strongest first. */
const UPGRADES: readonly MeasureId[] = [
  "article5",
  "posture",
  "countermeasures",
  "defensiveCyber",
  "sanctions",
  "acknowledge",
];

/** Predicted support at which the strongest measure is worth working for, and below which none is. */
const LIKELY = 0.6;
const WORTH_TRYING = 0.2;

/**
 * The measure worth working for: the strongest upgrade not in the text that the soundings say most allies
 * accept; failing that, the one they give the best chance (a separate decision puts nothing else at risk).
 */
function targetOf(view: BotView): { measure: MeasureId; wording: Wording } | null {
  const s = view.state;
  const spec = view.legal.find((x) => x.type === "draft.table");
  if (spec?.type !== "draft.table") return null;
  // Measures that lift the outcome come first; acknowledgement is worth working for only when none can.
  for (const pool of [UPGRADES.filter((m) => m !== "acknowledge"), ["acknowledge" as const]]) {
    let best: { measure: MeasureId; wording: Wording; support: number } | null = null;
    for (const m of pool) {
      if (!spec.measures.includes(m) || s.proposal.includes(m) || s.vetoed.includes(m)) continue;
      for (const wording of ["standard", "soft"] as const) {
        if (!spec.wordings[m]?.includes(wording)) continue;
        const support = predictedSupport(soundOut(view, m, wording));
        if (support >= LIKELY) return { measure: m, wording };
        if (support >= WORTH_TRYING && (!best || support > best.support)) best = { measure: m, wording, support };
      }
    }
    if (best) return best;
  }
  return null;
}

function talksThisCycle(view: BotView): Talk[] {
  return view.state.talks.filter((t) => t.by === view.seat && t.cycle === view.state.cycle);
}

/** The offer that answers an objection: evidence for attribution, linkage for costs, reassurance otherwise. */
function offerAgainst(reasons: readonly { code: string }[]): Offer {
  if (reasons.some((r) => r.code === "attribution_below_threshold")) return "intelligence";
  if (reasons.some((r) => r.code === "economic_cost" || r.code === "domestic_constraint")) return "linkage";
  if (reasons.some((r) => r.code === "severity_below_threshold")) return "legal";
  return "reassurance";
}

/** The next predicted holdout on measure m to work on, with the offer that answers it, or null. */
function nextTalk(view: BotView, m: MeasureId, wording: Wording): { with: AllyCode; offer: Offer } | null {
  const spec = view.legal.find((x) => x.type === "corridor.talk");
  if (spec?.type !== "corridor.talk") return null;
  const met = new Set(talksThisCycle(view).map((t) => t.with));
  // Allies who broke silence on this measure before come first, then the predicted holdouts furthest from
  // yes whose objection an offer can answer; objections on harm alone no offer can answer.
  const broke = new Set(
    view.state.log.flatMap((e) => (e.k === "break" && (e.measures.includes(m) || !e.measures.length) ? [e.by] : [])),
  );
  const fixable = (reasons: readonly { code: string }[]) => reasons.length > 0;
  const holdouts = soundOut(view, m, wording)
    .filter((x) => (!x.judgement.accept || broke.has(x.ally)) && spec.with.includes(x.ally) && !met.has(x.ally))
    .sort(
      (a, b) =>
        Number(broke.has(b.ally)) - Number(broke.has(a.ally)) ||
        Number(fixable(b.judgement.reasons)) - Number(fixable(a.judgement.reasons)) ||
        a.judgement.score - b.judgement.score,
    );
  for (const h of holdouts) {
    const offer = offerAgainst(h.judgement.reasons);
    if (spec.offers.includes(offer)) return { with: h.ally, offer };
    if (spec.offers.includes("none")) return { with: h.ally, offer: "none" };
  }
  return null;
}

/** What the talks heard about m: does anyone refuse it, and would softer wording do? */
function soundings(view: BotView, m: MeasureId): { refusals: number; softWorks: boolean; attributionBound: boolean } {
  const heard = talksThisCycle(view).flatMap((t) => t.heard.filter((c) => c.measure === m));
  const refusing = heard.filter((c) => !c.accepts);
  return {
    refusals: refusing.length,
    softWorks: refusing.length > 0 && refusing.every((c) => c.acceptsSoft),
    attributionBound: refusing.some((c) => c.reasons.some((r) => r.code === "attribution_below_threshold")),
  };
}

function evidenceDue(s: SessionState): boolean {
  return (s.injects[s.injects.length - 1]?.evidence.length ?? 0) > 0 && !s.waited;
}

/**
 * Whether to have the whole table briefed before working the holdouts on the target one by one: only when the
 * briefing is predicted to leave fewer holdouts than the talks it costs could have turned. The law moves allies
 * that count non-physical harm; the pooled evidence is worth sharing when it points to a state.
 */
function briefingFor(view: BotView, target: { measure: MeasureId; wording: Wording }): Move | null {
  const spec = view.legal.find((x) => x.type === "chair.brief");
  if (spec?.type !== "chair.brief") return null;
  const capital = view.state.capital.chair ?? 0;
  const refusing = (xs: readonly { judgement: { accept: boolean } }[]) => xs.filter((x) => !x.judgement.accept).length;
  const now = soundOut(view, target.measure, target.wording);
  const unworked = refusing(now) - capital; // holdouts left when every unit of capital buys one talk
  if (unworked <= 0) return null;
  if (spec.arguments.includes("legal")) {
    const after = soundOut(view, target.measure, target.wording, (p, sway) => swayAfterBriefing("legal", p, sway));
    if (refusing(after) - (capital - BRIEFING_COST) < unworked)
      return { type: "chair.brief", by: "chair", argument: "legal" };
  }
  const attributionBound = now.some((x) => x.judgement.reasons.some((r) => r.code === "attribution_below_threshold"));
  if (spec.arguments.includes("evidence") && attributionBound && pooledPointsToState(view))
    return { type: "chair.brief", by: "chair", argument: "evidence" };
  return null;
}

/** Whether most of the evidence several allies hold points to a state (or a proxy it directs). */
function pooledPointsToState(view: BotView): boolean {
  const pooled = pooledEvidence(view.state.allies).map((id) => view.env.evidence.get(id)?.evidence);
  const toState = pooled.filter((e) => e && (e.pointsTo === "state" || e.pointsTo === "proxy")).length;
  return pooled.length > 0 && toState * 2 > pooled.length;
}

function chairMove(view: BotView): Move | null {
  const s = view.state;
  if (view.phase !== "consultation" || s.round < 1) return null;
  const target = targetOf(view);
  const spent = s.round >= view.env.scenario.settings.maxConsultationRounds;
  if (target && spent && !talksThisCycle(view).length) {
    const briefing = briefingFor(view, target);
    if (briefing) return briefing;
  }
  if (target) {
    const talk = nextTalk(view, target.measure, target.wording);
    if (talk && spent)
      return { type: "corridor.talk", by: "chair", with: talk.with, offer: talk.offer, measure: target.measure };
    const heard = soundings(view, target.measure);
    if (heard.attributionBound && evidenceDue(s) && can(view, "phase.attribution"))
      return { type: "phase.attribution", by: "chair" };
  }
  if (!spent) return null;
  const measures = [...s.proposal];
  const wording: WordingMap = { ...s.proposalWording };
  if (target) {
    measures.push(target.measure);
    const heard = soundings(view, target.measure);
    const softer = heard.refusals > 0 && heard.softWorks && hasWording(target.measure, "soft");
    wording[target.measure] = softer ? "soft" : target.wording;
  }
  return { type: "draft.table", by: "chair", measures, wording, split: target ? [target.measure] : false };
}

/** The measure a delegation works for: the strongest upgrade it wants itself that the table could accept softened. */
function goalOf(view: BotView): { measure: MeasureId; wording: Wording } | null {
  const s = view.state;
  const own = ownJudgement(view, []);
  if (!own) return null;
  let best: { measure: MeasureId; wording: Wording; support: number } | null = null;
  for (const m of UPGRADES) {
    if (s.proposal.includes(m) || s.vetoed.includes(m) || !own.accepts.includes(m)) continue;
    for (const wording of ["standard", "soft"] as const) {
      if (!hasWording(m, wording)) continue;
      const support = predictedSupport(soundOut(view, m, wording));
      if (support >= LIKELY) return { measure: m, wording };
      if (support >= WORTH_TRYING && (!best || support > best.support)) best = { measure: m, wording, support };
    }
  }
  return best;
}

function allyMove(view: BotView): Move | null {
  const own = ownAlly(view);
  if (!own) return null;
  const { ally } = own;
  const s = view.state;
  const seat = ally.code;
  const victim = victims(view.env, s).has(seat);
  const deliberating = view.phase === "attribution" || view.phase === "consultation";
  const goal = deliberating ? goalOf(view) : null;
  if (goal && can(view, "corridor.talk")) {
    const talk = nextTalk(view, goal.measure, goal.wording);
    if (talk) return { type: "corridor.talk", by: seat, with: talk.with, offer: talk.offer, measure: goal.measure };
  }
  const j = ownJudgement(view, s.proposal, s.proposalWording);
  if (view.phase === "consultation" && j && !(ally.position && ally.position.round >= s.round)) {
    const confident = stateConfidence(ally.belief) >= 0.55;
    const args = (["solidarity", "legal", "evidence"] as const).filter(
      (a) => !ally.argued.includes(a) && (a !== "evidence" || confident) && (a !== "solidarity" || victim),
    );
    const wants = goal ? [...new Set([...j.wants, goal.measure])] : j.wants;
    const wording: WordingMap = goal && goal.wording !== "standard" ? { [goal.measure]: goal.wording } : {};
    return { type: "consultation.statement", by: seat, stance: j.stance, wants, rejects: [], arguments: args, wording };
  }
  return aiBot.act(view);
}

export const negotiatorBot: Bot = {
  name: "negotiator",
  act: (view) => (view.seat === "chair" ? chairMove(view) : allyMove(view)),
};
