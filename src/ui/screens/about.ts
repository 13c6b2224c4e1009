/** About the game: what it models, that the profiles are stylized, and where the facts come from. */
import { bundledRoster } from "../../sim/catalog.ts";
import { button, h } from "../dom.ts";

export function aboutScreen(back: () => void): HTMLElement {
  return h(
    "section",
    { class: "screen about", "aria-labelledby": "about-title" },
    h("h1", { id: "about-title" }, "About Case by Case"),
    h(
      "p",
      {},
      "NATO allies have said that a serious cyber attack may be treated as an armed attack under Article 5 of the North Atlantic Treaty, and that the North Atlantic Council decides this case by case. The game lets you feel why that is hard: attribution is uncertain and a national decision, harm accumulates, every ally has its own threshold, and one broken silence stops the Council.",
    ),
    h("h2", {}, "What the game models"),
    h(
      "ul",
      {},
      h("li", {}, "Council membership at the scenario's date, seated in English alphabetical order."),
      h("li", {}, "Each ally's own reading of severity and its own confidence about who is behind the attack."),
      h(
        "li",
        {},
        "A ladder of measures from a statement of concern to invoking Article 5, each with costs and requirements.",
      ),
      h("li", {}, "Consensus by the silence procedure: a draft is adopted unless an ally breaks silence."),
      h("li", {}, "The adversary's answer, cumulative harm, and scores that explain themselves."),
    ),
    h("h2", {}, "Stylized, not official"),
    h("p", { class: "notice" }, bundledRoster().note),
    h(
      "p",
      {},
      "Scenarios draw on public reporting of the 2007 attacks on Estonia, the NotPetya wiper of 2017 and the Colonial Pipeline ransomware of 2021; each scenario lists its sources in the debrief. The control case is hypothetical.",
    ),
    button("Back to the menu", "back", back, { class: "primary" }),
  );
}
