/** Scenario select: a card per scenario; the historical outcome stays hidden until the debrief. */
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { seatedAllies } from "../../sim/roster.ts";
import { createEnv } from "../../sim/session.ts";
import { button, h } from "../dom.ts";
import type { Pace } from "../pace.ts";
import { gameMinutes, lengthSeeds, lengthText, medianMinutes } from "../paceModel.ts";

/** Games autoplayed per scenario for the card's measured length (the bench measures more). */
const CARD_SEEDS = lengthSeeds(21);
const measured = new Map<string, Record<Pace, number>>();

/**
 * The card's measured game length at each pace, from the pace model over autoplayed games: one game per
 * timer tick so the menu stays responsive, kept for the page's life once known.
 */
function measureInto(id: string, el: HTMLElement): void {
  const show = (m: Record<Pace, number>) => {
    el.textContent = lengthText(m);
    el.dataset.measured = "true";
  };
  const known = measured.get(id);
  if (known) {
    show(known);
    return;
  }
  const scenario = bundledScenario(id);
  if (!scenario) return;
  const env = createEnv(scenario, bundledRoster());
  const games: Record<Pace, number>[] = [];
  const next = () => {
    if (!el.isConnected && games.length > 0) return; // the player left the screen
    const seed = CARD_SEEDS[games.length];
    if (seed === undefined) {
      const m = medianMinutes(games);
      measured.set(id, m);
      show(m);
      return;
    }
    games.push(gameMinutes(env, seed));
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

export function scenariosScreen(choose: (id: string) => void, back: () => void): HTMLElement {
  const cards = SCENARIO_IDS.map((id) => {
    const s = bundledScenario(id);
    if (!s) return null;
    const seats = seatedAllies(bundledRoster(), s.date).length;
    return h(
      "li",
      { class: "card" },
      h("h2", {}, s.title),
      h(
        "p",
        { class: "meta" },
        `${s.date} · ${seats} allies · ${s.length} · ${s.difficulty}${s.kind === "control" ? " · control case" : ""}`,
      ),
      h("p", {}, s.summary),
      lengthLine(id),
      button(`Play ${s.title}`, "choose-scenario", () => choose(id), { "data-scenario": id, class: "primary" }),
    );
  });
  return h(
    "section",
    { class: "screen scenarios", "aria-labelledby": "scenarios-title" },
    h("h1", { id: "scenarios-title" }, "Choose a crisis"),
    h("ul", { class: "cards" }, ...cards),
    button("Back", "back", back),
  );
}

function lengthLine(id: string): HTMLElement {
  const el = h("p", { class: "meta pace-lengths", "data-lengths": id }, "Measuring the game's length at each pace…");
  measureInto(id, el);
  return el;
}
