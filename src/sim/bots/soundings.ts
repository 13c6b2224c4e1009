/**
 * The Secretariat's soundings: what a seat can predict about each ally's reaction to a measure from public
 * knowledge only — the roster's published profile, the severity each ally has voiced, the evidence everyone
 * holds — with the uncertainty a real chair has (each ally's own profile and private intelligence differ). Pure.
 */
import { absorbEvidence, priorBelief, stateConfidence } from "../attribution.ts";
import { pleadedSeverity, stateHarmOf, victims } from "../council.ts";
import type { MeasureId, Wording } from "../measures.ts";
import type { AllyParams } from "../scenarioSchema.ts";
import { judgeMeasure, type MeasureJudgement } from "../stance.ts";
import type { AllyCode, Sway } from "../state.ts";
import type { BotView } from "./bot.ts";

/** One ally's predicted judgement of a measure in a wording. */
export interface Sounding {
  ally: AllyCode;
  judgement: MeasureJudgement;
}

/** Predicted state-attribution confidence of ally i: its public prior and the evidence it is known to hold. */
function predictedConfidence(view: BotView, i: number): number {
  const ally = view.state.allies[i];
  const means = view.env.means[i];
  if (!ally || !means) return 0;
  if (ally.code === view.seat) return stateConfidence(ally.belief);
  const strength = new Map<string, number>();
  for (const inject of view.state.injects) for (const e of inject.evidence) strength.set(e.id, e.strength);
  let belief = priorBelief(means);
  for (const id of ally.held) {
    const ref = view.env.evidence.get(id);
    if (ref) belief = absorbEvidence(belief, ref.evidence, strength.get(id) ?? 0, means, false, false, 0.5);
  }
  return stateConfidence(belief);
}

/**
 * Every ally's predicted judgement of measure m in a wording; `swayOf` supposes another sway for an ally (what a
 * planned briefing or talk would leave), from its public profile.
 */
export function soundOut(
  view: BotView,
  m: MeasureId,
  wording: Wording = "standard",
  swayOf?: (params: AllyParams, sway: Sway) => Sway,
): Sounding[] {
  const s = view.state;
  const hit = victims(view.env, s);
  const stateHarm = stateHarmOf(s);
  const helpSought = s.log.some((e) => e.k === "assist");
  return s.allies.map((ally, i) => {
    const own = ally.code === view.seat;
    const params = own ? ally.params : (view.env.means[i] ?? ally.params);
    const judgement = judgeMeasure(
      {
        params,
        severity: ally.severity,
        confidence: predictedConfidence(view, i),
        victim: hit.has(ally.code),
        sway: swayOf ? swayOf(params, ally.sway) : ally.sway,
        stateHarm,
        pleaded: pleadedSeverity(view.env, s, ally.code),
        helpSought,
      },
      m,
      view.env.scenario.date,
      wording,
    );
    return { ally: ally.code, judgement };
  });
}

/** The share of the table predicted to accept. */
export function predictedSupport(soundings: readonly Sounding[]): number {
  return soundings.filter((x) => x.judgement.accept).length / Math.max(1, soundings.length);
}
