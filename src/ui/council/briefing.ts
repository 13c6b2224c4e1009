/** The briefing before the session starts: the situation and the player's instructions. */
import { dossierAt } from "../../sim/profiles.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { h } from "../dom.ts";
import { objectiveText } from "../words.ts";

export function briefingPanel(session: Session, you: SeatId): HTMLElement {
  const scenario = session.env.scenario;
  const card = you === "chair" ? null : scenario.roleCards[you];
  const profile = session.env.profiles.find((p) => p.code === you);
  const objectives = card?.objectives ?? profile?.objectives;
  return h(
    "section",
    { class: "panel briefing", "aria-labelledby": "briefing-title" },
    h("h2", { id: "briefing-title" }, "Briefing"),
    h("p", {}, scenario.summary),
    h("p", { class: "meta" }, `${stateOf(session).allies.length} allies at the table on ${scenario.date}.`),
    you === "chair"
      ? h(
          "p",
          {},
          "You are the Secretary General. Read the table, shape the text, and table drafts under the silence procedure. One broken silence stops a decision.",
        )
      : h("p", {}, card?.brief ?? (profile ? dossierAt(profile, scenario.date) : "")),
    objectives ? h("p", { class: "meta" }, "Your objectives: ", objectives.map(objectiveText).join("; ")) : null,
  );
}
