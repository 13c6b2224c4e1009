/**
 * The hint panel on the council screen: "What would the AI do?" for the player's own seat, answered in
 * words with its reasons. It only reads the session; the player decides whether to follow it.
 */
import type { CouncilGame } from "../../net/game.ts";
import { formatHour } from "../../sim/explain.ts";
import { stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { button, h } from "../dom.ts";
import { hintFor } from "./hintWords.ts";

/** The panel; it clears its answer when the session moves on (the hint would be stale). */
export function hintPanel(game: CouncilGame, you: SeatId): HTMLElement {
  const answer = h("div", { class: "hint-answer", id: "hint-answer", "aria-live": "polite" });
  let givenAt = -1;
  const show = () => {
    try {
      const hint = hintFor(game.session, you);
      givenAt = stateOf(game.session).log.length;
      answer.replaceChildren(
        h("p", { class: "hint-move" }, h("strong", {}, "The AI would: "), hint.move),
        hint.reasons.length
          ? h("ul", { class: "hint-reasons", "aria-label": "Why" }, ...hint.reasons.map((r) => h("li", {}, r)))
          : "",
        h("p", { class: "meta" }, `As of ${formatHour(stateOf(game.session).hour)}. The choice is yours.`),
      );
    } catch (err) {
      answer.replaceChildren(h("p", {}, `No hint now (${(err as Error).message}).`));
    }
  };
  const panel = h(
    "section",
    { class: "panel guide-hint", "aria-labelledby": "hint-title" },
    h("h2", { id: "hint-title", class: "visually-hidden" }, "Hint"),
    button("Hint: what would the AI do?", "hint", show, { "aria-controls": "hint-answer" }),
    answer,
  );
  game.subscribe(() => {
    if (givenAt >= 0 && stateOf(game.session).log.length !== givenAt && panel.isConnected) {
      givenAt = -1;
      answer.replaceChildren(h("p", { class: "meta" }, "The Council has moved on: ask again for a fresh hint."));
    }
  });
  return panel;
}
