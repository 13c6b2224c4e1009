/**
 * `indicators`: an example bot file with one idea and no negotiation (see docs/bots.md).
 *
 * As chair it lets the consultation rounds run out, then tables the Secretariat's working text and, as a
 * separate decision, the smallest collective step nobody at the table asks for: sharing threat indicators
 * across allied networks (defensive cyber operations in their softer words). It holds no talks and briefs no
 * one, so it shows how far an idea alone goes against the `negotiator`, which works the holdouts too.
 * As an ally it leaves everything to the built-in play.
 *
 *   npm run --silent tournament -- --scenario estonia-2007 --seat chair --seeds 1-100 \
 *     --bots secretariat,negotiator,examples/bots/indicators.ts
 */
import { aiBot } from "../../src/sim/bots/aiBot.ts";
import type { Bot, BotView, Move } from "../../src/sim/bots/bot.ts";

function chairMove(view: BotView): Move | null {
  const spec = view.legal.find((m) => m.type === "draft.table");
  if (spec?.type !== "draft.table") return null; // not the moment to table
  const s = view.state;
  if (s.round < view.env.scenario.settings.maxConsultationRounds) return null; // let the allies talk
  const add =
    spec.wordings.defensiveCyber?.includes("soft") &&
    !s.proposal.includes("defensiveCyber") &&
    !s.vetoed.includes("defensiveCyber");
  if (!add) return { type: "draft.table", by: "chair", measures: [...s.proposal], wording: { ...s.proposalWording } };
  return {
    type: "draft.table",
    by: "chair",
    measures: [...s.proposal, "defensiveCyber"],
    wording: { ...s.proposalWording, defensiveCyber: "soft" },
    split: ["defensiveCyber"],
  };
}

const indicators: Bot = {
  name: "indicators",
  act: (view) => (view.seat === "chair" ? chairMove(view) : aiBot.act(view)),
};

export default indicators;
