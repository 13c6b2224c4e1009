/**
 * Two reference bots. `secretariat`: as chair, tables the Secretariat's suggested text unchanged once the
 * consultation rounds are spent; as an ally, supports the working text and never breaks silence.
 * `maximalist`: pushes for the strongest measures anyone will name, and breaks silence when refused.
 */
import { stateConfidence } from "../attribution.ts";
import { victims } from "../council.ts";
import { MEASURE_IDS, type MeasureId, measureById } from "../measures.ts";
import type { Bot, BotView, Move } from "./bot.ts";
import { can, ownAlly, ownJudgement } from "./seatReading.ts";

export const secretariatBot: Bot = {
  name: "secretariat",
  act(view: BotView): Move | null {
    const s = view.state;
    if (view.seat === "chair") {
      if (!can(view, "draft.table") || s.round < view.env.scenario.settings.maxConsultationRounds) return null;
      return { type: "draft.table", by: "chair", measures: [...s.proposal], wording: { ...s.proposalWording } };
    }
    const own = ownAlly(view);
    if (!own || view.phase !== "consultation") return null;
    if (own.ally.position && own.ally.position.round >= s.round) return null;
    return { type: "consultation.statement", by: view.seat, stance: "support", wants: [], rejects: [] };
  },
};

/** Measures anyone at the table has asked for, strongest first. */
function namedByAnyone(view: BotView): MeasureId[] {
  const wanted = new Set<MeasureId>();
  for (const a of view.state.allies) for (const m of a.position?.wants ?? []) wanted.add(m);
  return [...wanted].sort((a, b) => measureById(b).rank - measureById(a).rank);
}

export const maximalistBot: Bot = {
  name: "maximalist",
  act(view: BotView): Move | null {
    const s = view.state;
    if (view.seat === "chair") {
      if (!can(view, "draft.table") || s.round < 2) return null;
      const spec = view.legal.find((m) => m.type === "draft.table");
      const available = spec?.type === "draft.table" ? spec.measures : [];
      const measures = MEASURE_IDS.filter(
        (m) => available.includes(m) && (s.proposal.includes(m) || namedByAnyone(view).includes(m)),
      );
      const wording = Object.fromEntries(
        measures
          .filter((m) => spec?.type === "draft.table" && spec.wordings[m]?.includes("strong"))
          .map((m) => [m, "strong"]),
      );
      return { type: "draft.table", by: "chair", measures: measures.length ? measures : ["concern"], wording };
    }
    const own = ownAlly(view);
    if (!own) return null;
    const { ally } = own;
    const seat = ally.code;
    if (view.phase === "attribution") {
      if (can(view, "article4.request") && !s.article4.requestedBy.includes(seat) && victims(view.env, s).has(seat))
        return { type: "article4.request", by: seat };
      if (stateConfidence(ally.belief) >= 0.5 && ally.held.length && !ally.argued.length && can(view, "intel.share"))
        return null;
      return null;
    }
    const j = ownJudgement(view, s.proposal);
    if (!j) return null;
    const strongest: MeasureId[] = j.accepts
      .filter((m) => m !== "concern")
      .sort((a, b) => measureById(b).rank - measureById(a).rank);
    if (view.phase === "consultation") {
      if (ally.position && ally.position.round >= s.round) return null;
      const args = can(view, "consultation.statement")
        ? (["solidarity", "evidence"] as const).filter((a) => !ally.argued.includes(a))
        : [];
      return {
        type: "consultation.statement",
        by: seat,
        stance: "oppose",
        wants: strongest.slice(0, 3),
        rejects: [],
        arguments: args,
      };
    }
    if (view.phase === "decision" && s.draft && can(view, "silence.break")) {
      const top = strongest[0];
      if (top && !s.draft.measures.includes(top))
        return {
          type: "silence.break",
          by: seat,
          reason: `the text leaves out ${measureById(top).name.toLowerCase()}`,
          measures: [],
        };
      return null;
    }
    if (view.phase === "response") {
      const spec = view.legal.find((m) => m.type === "coalition.join");
      const m = spec?.type === "coalition.join" ? spec.measures.find((x) => strongest.includes(x)) : undefined;
      return m ? { type: "coalition.join", by: seat, measure: m } : null;
    }
    return null;
  },
};
