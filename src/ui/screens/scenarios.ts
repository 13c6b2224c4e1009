/** Scenario select: a card per scenario; the historical outcome stays hidden until the debrief. */
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { seatedAllies } from "../../sim/roster.ts";
import { button, h } from "../dom.ts";

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
