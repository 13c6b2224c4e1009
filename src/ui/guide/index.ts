/**
 * The guide's entry point for the app shell: the reading bar placed on every screen, the glossary dialog,
 * the guided first game (its offer the first time someone plays, and its cards during play).
 */
import type { LocalGame } from "../../net/localGame.ts";
import type { SeatId } from "../../sim/state.ts";
import type { Director } from "../director.ts";
import { button, h } from "../dom.ts";
import { readingBar } from "./bar.ts";
import { coach } from "./coach.ts";
import { glossaryDialog } from "./glossaryDialog.ts";

export interface Guide {
  /** Puts the reading bar on a screen that is about to be shown (in the council's header, else at the top). */
  place(screen: HTMLElement): void;
  /** Turns the guide on for the next game (the menu's "Guided first game"). */
  enable(): void;
  /** Follows a solo game with the guide's cards, if the guide is on; returns the function that stops it. */
  follow(game: LocalGame, director: Director, you: SeatId): () => void;
}

/** The offer of a guided game, shown on the scenario list until the player has answered it once. */
function offer(answer: (yes: boolean) => void): HTMLElement {
  const el = h(
    "section",
    { class: "guide-offer", "aria-labelledby": "guide-offer-title" },
    h("h2", { id: "guide-offer-title" }, "First time at the Council?"),
    h(
      "p",
      {},
      "The guide explains the Council, consensus, the silence procedure, Articles 4 and 5 and attribution as they come up in your game, and holds the clock while you read.",
    ),
    h(
      "div",
      { class: "guide-buttons" },
      button("Guide me through my first game", "guide-accept", () => done(true), { class: "primary" }),
      button("No thanks", "guide-decline", () => done(false)),
    ),
  );
  const done = (yes: boolean) => {
    answer(yes);
    el.replaceChildren(
      h(
        "p",
        { class: "meta", role: "status" },
        yes ? "The guide is on: choose a crisis and a seat." : "No guide. The Glossary button is always at the top.",
      ),
    );
  };
  return el;
}

export function startGuide(storage: Storage | null): Guide {
  const glossary = glossaryDialog();
  const cards = coach(storage, (term) => glossary.open(term));
  const bar = readingBar(storage, () => glossary.open());
  document.body.append(cards.host);
  return {
    place(screen) {
      const header = screen.querySelector(".council-header");
      if (header) header.append(bar);
      else screen.prepend(bar);
      if (screen.classList.contains("scenarios") && cards.state() === null)
        screen.querySelector("h1")?.after(offer((yes) => cards.setState(yes ? "on" : "off")));
    },
    enable: () => cards.setState("on"),
    follow(game, director, you) {
      if (cards.state() === null) cards.setState("off"); // offered once: a game started without answering
      return cards.follow(game, director, you);
    },
  };
}
