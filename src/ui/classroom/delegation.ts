/**
 * A delegation of several students, as its members see it: who speaks for the seat (the only one who can
 * act) and who advises. An adviser's screen keeps the seat's private view — dossier, instructions, corridor
 * talks — and this card says why its moves are not theirs to make.
 */
import type { RemoteGame } from "../../net/remoteGame.ts";
import { h } from "../dom.ts";

/** The card under the header; `update` follows the team as people join, leave or swap roles. */
export function delegationCard(game: RemoteGame, seatName: string): { el: HTMLElement; update(): void } {
  const el = h("section", { class: "panel delegation", "aria-labelledby": "delegation-title" });
  let key = "";
  const update = () => {
    const viewer = game.view.viewer;
    if (viewer.kind !== "player") return;
    const team = viewer.team ?? [];
    const next = JSON.stringify([team, viewer.adviser]);
    if (next === key) return;
    key = next;
    el.hidden = team.length === 0 && !viewer.adviser;
    const speaker = team.find((m) => m.speaker)?.name ?? "your speaker";
    el.replaceChildren(
      h("h2", { id: "delegation-title" }, viewer.adviser ? `You advise ${seatName}` : `Your delegation: ${seatName}`),
      viewer.adviser
        ? h(
            "p",
            { class: "adviser-note", "data-adviser": "" },
            `${speaker} speaks for ${seatName} and is the only one who can act. Read the dossier, your instructions and the corridor talks, and tell ${speaker} what you think.`,
          )
        : h("p", { class: "meta" }, "You speak for the seat; your advisers see what you see."),
      h(
        "ul",
        { class: "team-list" },
        ...team.map((m) =>
          h(
            "li",
            { "data-speaker": m.speaker ? "yes" : "no" },
            h("span", { class: "delegate-name" }, m.name), // text, never HTML
            ` · ${m.speaker ? "speaker" : "adviser"}${m.connected ? "" : " (away)"}`,
          ),
        ),
      ),
    );
  };
  update();
  return { el, update };
}
