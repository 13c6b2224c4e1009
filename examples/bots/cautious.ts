/**
 * `cautious`: an example bot file, the size of a class exercise (see docs/bots.md).
 *
 * As an ally it supports any text without military measures, and breaks silence on a draft that has one.
 * As chair it lets the consultation rounds run out, then tables the Secretariat's working text without
 * anything above technical assistance on the ladder.
 *
 *   npm run --silent tournament -- --scenario estonia-2007 --seat chair --seat EST --seeds 1-20 \
 *     --bots ai,negotiator,examples/bots/cautious.ts
 */
import type { Bot, BotView, Move } from "../../src/sim/bots/bot.ts";
import { type MeasureId, measureById } from "../../src/sim/measures.ts";

/** The highest rung the chair will table: 4 is technical assistance (0 is a statement of concern). */
const MAX_RANK = 4;

const military = (m: MeasureId) => measureById(m).instrument === "military";

function chairMove(view: BotView): Move | null {
  const spec = view.legal.find((m) => m.type === "draft.table");
  if (spec?.type !== "draft.table") return null; // not the moment to table
  if (view.state.round < view.env.scenario.settings.maxConsultationRounds) return null; // let the allies talk
  const measures = view.state.proposal.filter((m) => spec.measures.includes(m) && measureById(m).rank <= MAX_RANK);
  return { type: "draft.table", by: "chair", measures: measures.length ? measures : ["concern"] };
}

function allyMove(view: BotView): Move | null {
  const s = view.state;
  const me = s.allies.find((a) => a.code === view.seat);
  if (!me) return null;
  const can = (type: string) => view.legal.some((m) => m.type === type);
  if (view.phase === "consultation" && can("consultation.statement")) {
    if (me.position && me.position.round >= s.round) return null; // already spoke in this round
    const rejects = s.proposal.filter(military);
    return {
      type: "consultation.statement",
      by: view.seat,
      stance: rejects.length ? "oppose" : "support",
      wants: [],
      rejects,
    };
  }
  if (view.phase === "decision" && s.draft && can("silence.break")) {
    const objections = s.draft.measures.filter(military);
    if (!objections.length) return null; // keep silence: the text passes
    return { type: "silence.break", by: view.seat, reason: "we cannot join military measures", measures: objections };
  }
  return null; // every other moment: wait
}

const cautious: Bot = {
  name: "cautious",
  act: (view) => (view.seat === "chair" ? chairMove(view) : allyMove(view)),
};

export default cautious;
