/** Corridor talks: a seat meets one ally privately, makes an offer and hears its concerns. Sends events only. */
import { legalMoves } from "../../sim/bots/bot.ts";
import { OFFERS } from "../../sim/events.ts";
import { OFFER_NAMES } from "../../sim/explain.ts";
import { availableAt, MEASURES } from "../../sim/measures.ts";
import { OFFER_COST } from "../../sim/negotiation.ts";
import type { Session } from "../../sim/session.ts";
import { stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { button, h } from "../dom.ts";
import { allyName, talkSummary, talksBy } from "../viewModel.ts";

/** The allies `you` may hold talks with now (empty when talks are not open to you). */
export function talkPartners(session: Session, you: SeatId): string[] {
  const spec = legalMoves(session, you).find((m) => m.type === "corridor.talk");
  return spec?.type === "corridor.talk" ? spec.with : [];
}

/** The talks `you` held (with one ally, or with all), as a list of what was heard; null when there are none. */
export function talkHistory(session: Session, you: SeatId, withCode?: string): HTMLElement | null {
  const talks = talksBy(session, you, withCode);
  if (!talks.length) return null;
  return h(
    "ul",
    { class: "talk-history" },
    ...talks.map((t) => {
      const { title, heard } = talkSummary(session, t);
      return h("li", {}, h("p", { class: "talk-title" }, title), h("ul", {}, ...heard.map((l) => h("li", {}, l))));
    }),
  );
}

/** The talks form: with whom, what to offer (its cost in political capital), about which measure; and past talks. */
export function corridorTalks(session: Session, you: SeatId, send: (event: unknown) => void): HTMLElement | null {
  const partners = talkPartners(session, you);
  const s = stateOf(session);
  const capital = s.capital[you] ?? 0;
  const history = talkHistory(session, you);
  if (!partners.length && !history) return null;
  const date = session.env.scenario.date;
  const form = h("form", { class: "talks", "aria-labelledby": "talks-title" });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.append(
    h("h3", { id: "talks-title" }, "Corridor talks"),
    h(
      "p",
      { class: "meta", id: "talks-capital" },
      `Political capital left this cycle: ${capital}. Talks are private: only you and the ally know what was said.`,
    ),
  );
  if (partners.length) {
    const withSelect = h(
      "select",
      { id: "talk-with", name: "with" },
      ...partners.map((code) => h("option", { value: code }, allyName(session, code))),
    );
    const about = h(
      "select",
      { id: "talk-measure", name: "measure" },
      h("option", { value: "" }, "Whatever troubles them in the text"),
      ...MEASURES.filter((m) => availableAt(m, date)).map((m) => h("option", { value: m.id }, m.name)),
    );
    const offers = h(
      "fieldset",
      { class: "offers" },
      h("legend", {}, "What you offer"),
      ...OFFERS.map((o) =>
        h(
          "label",
          {},
          h("input", {
            type: "radio",
            name: "offer",
            value: o,
            checked: o === "none",
            disabled: OFFER_COST[o] > capital,
          }),
          ` ${OFFER_NAMES[o].charAt(0).toUpperCase()}${OFFER_NAMES[o].slice(1)} (costs ${OFFER_COST[o]})`,
        ),
      ),
    );
    form.append(
      h("div", { class: "control-row" }, h("label", { for: "talk-with" }, "Talk with"), withSelect),
      offers,
      h("div", { class: "control-row" }, h("label", { for: "talk-measure" }, "About"), about),
      button("Hold talks", "talk", () => {
        const offer = form.querySelector<HTMLInputElement>('input[name="offer"]:checked')?.value ?? "none";
        send({
          type: "corridor.talk",
          by: you,
          with: withSelect.value,
          offer,
          ...(about.value ? { measure: about.value } : {}),
        });
      }),
    );
  } else {
    form.append(h("p", { class: "meta" }, "No talks are open to you now."));
  }
  if (history) form.append(h("h4", {}, "What you heard"), history);
  return form;
}
