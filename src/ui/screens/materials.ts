/**
 * Printable materials: for each scenario, a pack for a session without devices or alongside them — role
 * cards, intelligence handouts, the Secretary General's script and the facilitator's guide — to open and
 * print, or to save as one HTML file.
 */
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { seatedAllies } from "../../sim/roster.ts";
import { button, h } from "../dom.ts";
import { downloadMaterials, materialsButton } from "../materialsLink.ts";

export function materialsScreen(back: () => void): HTMLElement {
  const cards = SCENARIO_IDS.map((id) => {
    const s = bundledScenario(id);
    if (!s) return null;
    const seats = seatedAllies(bundledRoster(), s.date).length;
    const handouts =
      s.injects.length +
      s.optionalInjects.length +
      [...s.injects, ...s.optionalInjects].reduce((n, i) => n + i.evidence.length, 0);
    return h(
      "li",
      { class: "card" },
      h("h2", {}, s.title),
      h("p", { class: "meta" }, `${seats} role cards · ${handouts} intelligence handouts · script and guide`),
      h(
        "div",
        { class: "actions", style: "display: flex; flex-wrap: wrap; gap: 0.5rem" },
        materialsButton(id, "Open the pack", { class: "primary", "aria-label": `Open the pack: ${s.title}` }),
        button("Save as HTML", "save-materials", () => downloadMaterials(id), {
          "data-scenario": id,
          "aria-label": `Save as HTML: ${s.title}`,
        }),
      ),
    );
  });
  return h(
    "section",
    { class: "screen materials", "aria-labelledby": "materials-title" },
    h("h1", { id: "materials-title", tabindex: -1 }, "Printable materials"),
    h(
      "p",
      { class: "tagline" },
      "For a class or a tabletop session: a role card for every ally at the table, the intelligence handouts with their times, the Secretary General's script, and a facilitator's guide with timings for 45, 60 and 90 minutes, discussion questions and an answer key. Each pack opens in a new tab; print it from there.",
    ),
    h("ul", { class: "cards" }, ...cards),
    button("Back", "back", back),
  );
}
