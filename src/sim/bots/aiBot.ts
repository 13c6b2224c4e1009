/**
 * `ai`: the built-in play for any seat, as the AI allies and the AI chair play it — the bot behind hints and
 * autoplay. An ally states its own judgement of the working text, shares intelligence it is confident in,
 * asks for help when hit, keeps silence with a reservation (in its own voice, src/sim/voice.ts) when the table
 * holds it back and breaks it when not (its reason recorded as the engine records its own allies' breaks). The chair tables the Secretariat's consensus text once positions settle. Deterministic in its view.
 */
import { stateConfidence } from "../attribution.ts";
import { directTargets, needsAssistance, victims } from "../council.ts";
import { MEASURE_IDS } from "../measures.ts";
import { breaksSilence, partObjection, partsOf } from "../silence.ts";
import { speakerFor } from "../speaker.ts";
import { breakReasonCode, voiceOne } from "../voice.ts";
import type { Bot, BotView, Move } from "./bot.ts";
import { can, ownAlly, ownJudgement } from "./seatReading.ts";

function chairMove(view: BotView): Move | null {
  const s = view.state;
  if (!can(view, "draft.table")) return null;
  const spent = s.round >= view.env.scenario.settings.maxConsultationRounds;
  if (!spent && s.round < 2) return null;
  return { type: "draft.table", by: "chair", measures: [...s.proposal], wording: { ...s.proposalWording } };
}

function allyMove(view: BotView): Move | null {
  const own = ownAlly(view);
  if (!own) return null;
  const { ally } = own;
  const s = view.state;
  const seat = ally.code;
  const hit = victims(view.env, s);
  if (view.phase === "attribution") {
    const unshared = ally.held.some((id) => s.allies.some((other) => !other.held.includes(id)));
    if (can(view, "intel.share") && stateConfidence(ally.belief) >= 0.5 && unshared)
      return { type: "intel.share", by: seat, to: "all" };
    if (needsAssistance(s, ally, directTargets(view.env, s).has(seat))) return { type: "assistance.request", by: seat };
    return null;
  }
  if (view.phase === "consultation") {
    if (ally.position && ally.position.round >= s.round) return null;
    const j = ownJudgement(view, s.proposal, s.proposalWording);
    if (!j) return null;
    const rejects = MEASURE_IDS.filter((m) => !j.accepts.includes(m));
    const args = hit.has(seat) && !ally.argued.includes("solidarity") ? (["solidarity"] as const) : [];
    return {
      type: "consultation.statement",
      by: seat,
      stance: j.stance,
      wants: j.wants,
      rejects,
      arguments: [...args],
    };
  }
  if (view.phase === "decision" && s.draft && (can(view, "silence.break") || can(view, "silence.reserve"))) {
    const draft = s.draft;
    const j = ownJudgement(view, draft.measures, draft.wording);
    if (!j) return null;
    const supportive = 0.8; // a person's seat cannot see the others' private judgements: the usual weight of the table
    const refused = partsOf(draft).filter((part) =>
      breaksSilence(partObjection(j, part), ally.params.solidarity, ally.sway.goodwill, supportive, 0.5),
    );
    if (refused.length && can(view, "silence.break")) {
      const measures = refused.flat().filter((m) => !j.accepts.includes(m));
      // Recorded as the engine records its own allies' breaks, so every screen voices it the same way.
      const reason = j.reasons.find((r) => r.measure && measures.includes(r.measure));
      return { type: "silence.break", by: seat, reason: breakReasonCode(reason), measures };
    }
    const objects = draft.measures.some((m) => !j.accepts.includes(m));
    if (objects && can(view, "silence.reserve")) {
      const reasons = j.reasons.filter((r) => r.measure && draft.measures.includes(r.measure)).slice(0, 1);
      const said = voiceOne(speakerFor(view.env, s, seat), { kind: "reservation", reasons }, `reserve|${s.hour}`);
      return { type: "silence.reserve", by: seat, text: said.lead };
    }
    return null;
  }
  if (view.phase === "response") {
    const spec = view.legal.find((m) => m.type === "coalition.join");
    if (spec?.type !== "coalition.join") return null;
    const tried = new Set(s.decisions.filter((d) => d.cycle === s.cycle && !d.adopted).flatMap((d) => d.measures));
    const j = ownJudgement(view, []);
    const measure = spec.measures.find((m) => tried.has(m) && j?.wants.includes(m));
    return measure ? { type: "coalition.join", by: seat, measure } : null;
  }
  return null;
}

/** The built-in play. */
export const aiBot: Bot = {
  name: "ai",
  act: (view) => (view.seat === "chair" ? chairMove(view) : allyMove(view)),
};
