/** What the player can do now, by phase and seat. Everything here only sends events to the engine. */
import { phaseOf, stateOf } from "../../sim/session.ts";
import { button, h } from "../dom.ts";
import { chairBriefings } from "./chairBriefings.ts";
import { chairConsultation } from "./chairDesk.ts";
import type { ActionContext } from "./controls.ts";
import { coalitionChoices, silence } from "./decisionActions.ts";
import { allyStatement, instructionsCard } from "./delegateDesk.ts";
import { forgetDrafts } from "./draft.ts";
import { corridorTalks } from "./talks.ts";

/** National actions open to an ally in attribution and consultation. */
function allyNational(c: ActionContext): HTMLElement {
  const s = stateOf(c.session);
  const me = s.allies.find((a) => a.code === c.you);
  const unshared = me?.held.some((id) => s.allies.some((o) => !o.held.includes(id))) ?? false;
  return h(
    "div",
    { class: "national" },
    button(
      "Share our intelligence with all allies",
      "share",
      () => c.send({ type: "intel.share", by: c.you, to: "all" }),
      { disabled: !unshared },
    ),
    button("Request technical assistance", "assistance", () => c.send({ type: "assistance.request", by: c.you }), {
      disabled: me?.assisted ?? false,
    }),
    button("Request Article 4 consultations", "article4", () => c.send({ type: "article4.request", by: c.you }), {
      disabled: s.article4.requestedBy.includes(c.you),
    }),
  );
}

/**
 * The actions for the current phase and seat. `begin` and `proceed` start the session and move on from an
 * incident card, `pass` lets the response run without joining a coalition; null when someone else does (the
 * facilitator and the server's clock, in networked play).
 */
export function actionsPanel(
  c: ActionContext,
  begin: (() => void) | null,
  proceed: (() => void) | null,
  pass: (() => void) | null = null,
): HTMLElement {
  const phase = phaseOf(c.session);
  const parts: (HTMLElement | null)[] = [];
  if (phase !== "briefing" && phase !== "debrief") parts.push(instructionsCard(c.session, c.you));
  if (phase === "briefing") forgetDrafts(); // a new game (or the same seed again) starts without a draft
  if (phase === "briefing")
    parts.push(
      begin
        ? button("Begin the session", "begin", begin, { class: "primary" })
        : h("p", { class: "waiting" }, "Waiting for the facilitator to start the session…"),
    );
  if (phase === "incident")
    parts.push(
      proceed
        ? button("Continue to attribution", "continue", proceed, { class: "primary" })
        : h("p", {}, "Read the incident card: the Council turns to attribution when the timer runs out."),
    );
  if (phase === "attribution") {
    parts.push(h("p", {}, "Evidence arrives as the hours pass. Capitals weigh it; the Council will consult."));
    if (c.you !== "chair") parts.push(allyNational(c));
  }
  if (phase === "consultation") {
    if (c.you === "chair") parts.push(chairConsultation(c), chairBriefings(c.session, c.send));
    else parts.push(allyStatement(c), allyNational(c));
  }
  if (phase === "decision") parts.push(silence(c));
  if (phase === "attribution" || phase === "consultation" || phase === "decision")
    parts.push(corridorTalks(c.session, c.you, c.send));
  if (phase === "response") {
    parts.push(h("p", {}, "The adversary weighs the Council's answer…"));
    const choices = c.you !== "chair" ? coalitionChoices(c) : null;
    const joined = stateOf(c.session).joining.some((j) => j.by === c.you);
    parts.push(choices);
    if (choices && pass && !joined)
      parts.push(
        h("p", { class: "meta" }, "The adversary's answer waits for your choice."),
        button("Continue without joining", "pass-response", pass, { class: "primary" }),
      );
  }
  return h("section", { class: "panel actions", "aria-label": "Your actions" }, h("h2", {}, "Your move"), ...parts);
}
