/** Role select: chair the Council as Secretary General, or represent one ally — each with its dossier. */
import { bundledRoster, bundledScenario } from "../../sim/catalog.ts";
import { dossierAt } from "../../sim/profiles.ts";
import { seatedAllies } from "../../sim/roster.ts";
import type { SeatId } from "../../sim/state.ts";
import { button, h } from "../dom.ts";
import { paceChooser } from "../paceControl.ts";
import { objectiveText } from "../words.ts";

/** `storage` keeps the pace chosen here for the game (and the next one). */
export function rolesScreen(
  scenarioId: string,
  choose: (role: SeatId) => void,
  back: () => void,
  storage: Storage | null = null,
): HTMLElement {
  const scenario = bundledScenario(scenarioId);
  if (!scenario) return h("p", {}, "Unknown scenario.");
  const allies = seatedAllies(bundledRoster(), scenario.date);
  const featured = new Set(Object.keys(scenario.roleCards));
  const card = (code: string) => {
    const a = allies.find((x) => x.code === code);
    if (!a) return null;
    const roleCard = scenario.roleCards[code];
    return h(
      "li",
      { class: `card ally-card${featured.has(code) ? " featured" : ""}` },
      h("h3", {}, a.name, featured.has(code) ? h("span", { class: "badge" }, "key role") : null),
      roleCard ? h("p", { class: "brief" }, roleCard.brief) : null,
      h("p", {}, dossierAt(a, scenario.date)),
      h("p", { class: "meta" }, "Objectives: ", (roleCard?.objectives ?? a.objectives).map(objectiveText).join("; ")),
      h("p", { class: "meta" }, "Red lines: ", a.redLines.join("; ")),
      button(`Play ${a.name}`, "choose-role", () => choose(code), { "data-role": code }),
    );
  };
  const ordered = [...allies.filter((a) => featured.has(a.code)), ...allies.filter((a) => !featured.has(a.code))];
  return h(
    "section",
    { class: "screen roles", "aria-labelledby": "roles-title" },
    h("h1", { id: "roles-title" }, `${scenario.title}: choose your seat`),
    paceChooser(storage),
    h(
      "div",
      { class: "card chair-card" },
      h("h2", {}, "Secretary General (chair)"),
      h(
        "p",
        {},
        "You chair the Council: read the table, shape the text, table drafts under the silence procedure, and try to keep thirty-odd sovereign allies together. Your objectives: consensus, no broken silence, a response that fits the harm.",
      ),
      button("Chair the Council", "choose-role", () => choose("chair"), { "data-role": "chair", class: "primary" }),
    ),
    h("h2", {}, "Or represent an ally"),
    h("ul", { class: "cards allies" }, ...ordered.map((a) => card(a.code))),
    button("Back", "back", back),
  );
}
