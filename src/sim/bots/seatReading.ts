/** What a bot can work out about its own seat and the table from its view alone. Pure. */
import { judgeOne } from "../council.ts";
import type { MeasureId, WordingMap } from "../measures.ts";
import type { DraftJudgement } from "../stance.ts";
import type { AllyState, SessionState } from "../state.ts";
import type { BotView } from "./bot.ts";

/** The bot's own ally (null for the chair). */
export function ownAlly(view: BotView): { ally: AllyState; index: number } | null {
  const index = view.state.allies.findIndex((a) => a.code === view.seat);
  const ally = view.state.allies[index];
  return ally ? { ally, index } : null;
}

/** The bot's own judgement of a text (its own profile, belief and sway are in its view). */
export function ownJudgement(
  view: BotView,
  text: readonly MeasureId[],
  wording: WordingMap = {},
): DraftJudgement | null {
  const own = ownAlly(view);
  return own ? judgeOne(view.env, view.state, own.index, text, wording) : null;
}

/** The text on the table: the draft under silence, else the working text. */
export function textOnTable(s: SessionState): { measures: MeasureId[]; wording: WordingMap } {
  return s.draft
    ? { measures: s.draft.measures, wording: s.draft.wording }
    : { measures: s.proposal, wording: s.proposalWording };
}

/** Whether the view offers this kind of move now. */
export function can(view: BotView, type: BotView["legal"][number]["type"]): boolean {
  return view.legal.some((m) => m.type === type);
}
