/**
 * The chair's briefings: the whole Council hears the Legal Adviser, the intelligence staff, a call for solidarity
 * or a warning, each once a crisis cycle and paid in political capital. Where a corridor talk works on one ally,
 * a briefing reaches every ally at once, and each weighs it by its own profile. Sends events only.
 */
import { BRIEFING_COST, briefingRefusal } from "../../sim/negotiation.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import type { ArgumentKind } from "../../sim/state.ts";
import { button, h } from "../dom.ts";

/** Each briefing as the chair's desk offers it: what the button says, and whom it tends to move. */
export const BRIEFINGS: Record<ArgumentKind, { label: string; effect: string }> = {
  legal: {
    label: "The Legal Adviser on the harm",
    effect: "Allies who count economic and civic harm, not only physical damage, ask for less harm before acting.",
  },
  evidence: {
    label: "The intelligence staff on the evidence",
    effect: "Every ally hears what allies have pooled. If it points away from a state, confidence falls.",
  },
  solidarity: {
    label: "A call for solidarity",
    effect: "Allies who set store by solidarity are a little more willing to act.",
  },
  escalation: {
    label: "A warning against escalation",
    effect: "Cautious allies grow warier of strong measures: a way to hold the table back.",
  },
};

/** The kinds in the order the desk offers them: the harm and the evidence first. */
const ORDER: readonly ArgumentKind[] = ["legal", "evidence", "solidarity", "escalation"];
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The briefing buttons for the chair in consultation (disabled, with the reason, once used or unaffordable). */
export function chairBriefings(session: Session, send: (event: unknown) => void): HTMLElement {
  const s = stateOf(session);
  const capital = s.capital.chair ?? 0;
  const items = ORDER.map((arg) => {
    const refusal = briefingRefusal(s, arg);
    const { label, effect } = BRIEFINGS[arg];
    return h(
      "li",
      {},
      button(label, `brief-${arg}`, () => send({ type: "chair.brief", by: "chair", argument: arg }), {
        disabled: refusal !== null,
        "aria-describedby": `brief-${arg}-effect`,
      }),
      h("span", { class: "meta", id: `brief-${arg}-effect` }, refusal ? `${capitalised(refusal)}.` : effect),
    );
  });
  return h(
    "section",
    { class: "briefings", "aria-labelledby": "briefings-title" },
    h("h3", { id: "briefings-title" }, "Brief the whole Council"),
    h(
      "p",
      { class: "meta" },
      `A briefing costs ${BRIEFING_COST} political capital (you have ${capital}) and each kind is heard once a cycle. It reaches every ally at once; a corridor talk reaches one.`,
    ),
    h("ul", { class: "briefing-list" }, ...items),
  );
}
