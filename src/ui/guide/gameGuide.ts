/**
 * The guide's cards during a solo game: loaded with the game (not with the menu), made once per page and kept
 * in the page's body for every game after.
 */
import type { LocalGame } from "../../net/localGame.ts";
import type { SeatId } from "../../sim/state.ts";
import type { Director } from "../director.ts";
import { type Coach, coach } from "./coach.ts";
import type { Guide } from "./index.ts";

export interface GameGuide {
  /** Follows a solo game with the guide's cards, if the guide is on; returns the function that stops it. */
  follow(game: LocalGame, director: Director, you: SeatId): () => void;
}

export function gameGuide(guide: Guide): GameGuide {
  let cards: Coach | null = null;
  return {
    follow(game, director, you) {
      if (guide.state() === null) guide.setState("off"); // offered once: a game started without answering
      if (guide.state() !== "on") return () => {}; // no cards to show: none are made
      if (!cards) {
        cards = coach(guide.storage, (term) => guide.openGlossary(term));
        document.body.append(cards.host);
      }
      return cards.follow(game, director, you);
    },
  };
}
