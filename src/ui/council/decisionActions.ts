/** The decision and response phases: the draft under silence, an ally's choices on it, and coalitions. */
import { legalMoves } from "../../sim/bots/bot.ts";
import { wordedName } from "../../sim/measures.ts";
import { stateOf } from "../../sim/session.ts";
import { button, h } from "../dom.ts";
import { type ActionContext, checkedValues, measureName } from "./controls.ts";

/** The draft as worded, each measure decided separately marked so. */
function draftText(draft: NonNullable<ReturnType<typeof stateOf>["draft"]>): string {
  return draft.measures
    .map((m) => `${wordedName(m, draft.wording[m])}${draft.separate.includes(m) ? " (decided separately)" : ""}`)
    .join("; ");
}

/** An ally's choices under silence: break it (on the whole text or named parts), or keep it with a reservation. */
function silenceChoices(c: ActionContext, draft: NonNullable<ReturnType<typeof stateOf>["draft"]>): HTMLElement {
  if (draft.breaks.some((b) => b.by === c.you)) return h("p", { class: "notice" }, "You have broken silence.");
  const reserved = draft.reserves.find((r) => r.by === c.you);
  const reason = h("textarea", {
    id: "break-reason",
    name: "reason",
    rows: 2,
    maxlength: 500,
    placeholder: "Why (optional; shown to the Council as text)",
  });
  const parts = h(
    "fieldset",
    { class: "checklist break-measures" },
    h("legend", {}, "What you object to (none ticked: the whole text)"),
    ...draft.measures.map((m) =>
      h(
        "label",
        {},
        h("input", { type: "checkbox", name: "break-measure", value: m }),
        ` ${wordedName(m, draft.wording[m])}`,
      ),
    ),
  );
  const breakBox = h(
    "div",
    { class: "choice break" },
    h("h3", {}, "Object to the draft"),
    parts,
    h("label", { for: "break-reason" }, "Reason for breaking silence"),
    reason,
    button(
      "Break silence",
      "break-silence",
      () => {
        const measures = checkedValues(parts, "break-measure");
        c.send({
          type: "silence.break",
          by: c.you,
          reason: reason.value.slice(0, 500),
          ...(measures.length ? { measures } : {}),
        });
      },
      { class: "danger" },
    ),
  );
  if (reserved)
    return h(
      "div",
      {},
      h("p", { class: "notice" }, "You keep silence with a reservation on record: ", `"${reserved.text}"`),
      breakBox,
    );
  const text = h("textarea", {
    id: "reserve-text",
    name: "reservation",
    rows: 2,
    maxlength: 500,
    placeholder: "How your government reads the text (shown to the Council as text)",
    "aria-describedby": "reserve-help",
  });
  const help = h("p", { class: "meta", id: "reserve-help", "aria-live": "polite" });
  const reserveBox = h(
    "div",
    { class: "choice reserve" },
    h("h3", {}, "Or keep silence, on the record"),
    h("label", { for: "reserve-text" }, "Your interpretative statement"),
    text,
    help,
    button("Keep silence with a reservation", "reserve", () => {
      const said = text.value.trim().slice(0, 500);
      if (!said) {
        help.textContent = "Write the statement you put on record first.";
        text.focus();
        return;
      }
      c.send({ type: "silence.reserve", by: c.you, text: said });
    }),
  );
  return h(
    "div",
    {},
    breakBox,
    reserveBox,
    h(
      "p",
      { class: "meta" },
      "Do nothing to keep silence: the draft is adopted at the deadline unless someone objects.",
    ),
  );
}

/** The silence procedure: the draft, the visible deadline, and (for an ally) the choice to break silence. */
export function silence(c: ActionContext): HTMLElement {
  const s = stateOf(c.session);
  const draft = s.draft;
  if (!draft) return h("p", {}, "The Council awaits the chair.");
  return h(
    "div",
    { class: "silence" },
    h("p", {}, `Draft under silence procedure (attempt ${draft.attempt}): `, draftText(draft)),
    h(
      "p",
      { class: "deadline", "aria-live": "polite", id: "silence-countdown" },
      c.silenceLeft === null ? "Deadline pending" : `Silence deadline in ${c.silenceLeft} s`,
    ),
    c.you === "chair"
      ? h("p", { class: "meta" }, "As chair you wait: any ally may break silence before the deadline.")
      : silenceChoices(c, draft),
  );
}

/** In the response phase: join (or start) a coalition of allies acting outside the Council. */
export function coalitionChoices(c: ActionContext): HTMLElement | null {
  const s = stateOf(c.session);
  const spec = legalMoves(c.session, c.you).find((m) => m.type === "coalition.join");
  const open = spec?.type === "coalition.join" ? spec.measures : [];
  const joined = s.joining.filter((j) => j.by === c.you).map((j) => j.measure);
  if (!open.length && !joined.length) return null;
  return h(
    "div",
    { class: "coalition", role: "group", "aria-labelledby": "coalition-title" },
    h("h3", { id: "coalition-title" }, "Join a coalition"),
    h(
      "p",
      { class: "meta" },
      "Allies who want a measure the Council did not adopt may take it together, nationally. It acts if enough allies join; it deters less than the Council would.",
    ),
    joined.length ? h("p", { class: "notice" }, "You have joined: ", joined.map(measureName).join("; ")) : null,
    ...open.map((m) =>
      button(
        `Join a coalition for ${measureName(m).toLowerCase()}`,
        "join-coalition",
        () => c.send({ type: "coalition.join", by: c.you, measure: m }),
        { "data-measure": m },
      ),
    ),
  );
}
