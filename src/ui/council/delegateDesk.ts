/**
 * A delegate's desk: the instructions from capital (always in view), the statement form with arguments and
 * asks, and the statement as it was sent, read back from the session's log. Sends events only.
 */
import { ARGUMENTS } from "../../sim/events.ts";
import { ARGUMENT_NAMES } from "../../sim/explain.ts";
import { wordedName } from "../../sim/measures.ts";
import { CHAIR_OBJECTIVES } from "../../sim/scoring.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import type { LogEntry, SeatId } from "../../sim/state.ts";
import { button, h } from "../dom.ts";
import { availableMeasures, clockLabel } from "../viewModel.ts";
import { objectiveText } from "../words.ts";
import { type ActionContext, checkedValues, checklist, measureName } from "./controls.ts";

const capital1 = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * Your instructions from capital as a compact card: objectives and red lines from the briefing (the chair's
 * aims as Secretary General). Shown in every phase, so a delegate never has to scroll back to the briefing.
 */
export function instructionsCard(session: Session, you: SeatId): HTMLElement {
  const profile = session.env.profiles.find((p) => p.code === you);
  const card = you === "chair" ? null : session.env.scenario.roleCards[you];
  const objectives = you === "chair" ? CHAIR_OBJECTIVES : (card?.objectives ?? profile?.objectives ?? []);
  return h(
    "aside",
    { class: "instructions-card", id: "instructions", "aria-labelledby": "instructions-title" },
    h("h3", { id: "instructions-title" }, you === "chair" ? "Your aims as chair" : "Your instructions from capital"),
    h("p", {}, h("strong", {}, "Seek: "), objectives.map(objectiveText).join("; ") || "—"),
    profile?.redLines.length ? h("p", {}, h("strong", {}, "Red lines: "), profile.redLines.join("; ")) : null,
  );
}

type StatementEntry = Extract<LogEntry, { k: "statement" }>;

/** Your latest statement in this cycle's consultation, as the log recorded it; null if you have not spoken. */
function lastStatement(session: Session, you: SeatId): StatementEntry | null {
  const s = stateOf(session);
  for (let i = s.log.length - 1; i >= 0; i--) {
    const e = s.log[i];
    if (e?.k === "inject") return null; // a new cycle: earlier statements answered another incident
    if (e?.k === "statement" && e.by === you) return e;
  }
  return null;
}

/** The statement as sent: stance, asks, what you ruled out, arguments and your words, with a confirmation. */
export function sentStatement(session: Session, you: SeatId): HTMLElement | null {
  const e = lastStatement(session, you);
  if (!e) return null;
  const me = stateOf(session).allies.find((a) => a.code === you);
  const round = me?.position?.round;
  return h(
    "div",
    { class: "sent-statement", id: "sent-statement", role: "status" },
    h(
      "p",
      { class: "sent-title" },
      `✓ Your statement was read to the Council (${clockLabel(e.h)}${round ? `, round ${round}` : ""})`,
    ),
    h(
      "dl",
      {},
      h("dt", {}, "Position"),
      h("dd", {}, e.stance),
      h("dt", {}, "You asked the Council to add"),
      h("dd", { class: "sent-wants" }, e.wants.map(measureName).join("; ") || "nothing"),
      h("dt", {}, "You ruled out"),
      h("dd", { class: "sent-rejects" }, e.rejects.map(measureName).join("; ") || "nothing"),
      h("dt", {}, "You argued"),
      h("dd", { class: "sent-args" }, e.args.map((a) => ARGUMENT_NAMES[a]).join("; ") || "no argument"),
      e.text ? h("dt", {}, "In your words") : null,
      e.text ? h("dd", { class: "sent-text" }, `“${e.text}”`) : null,
    ),
  );
}

/** An ally's statement on the working text: stance, what it asks for, what it rules out, its arguments. */
export function allyStatement(c: ActionContext): HTMLElement {
  const s = stateOf(c.session);
  const me = s.allies.find((a) => a.code === c.you);
  const form = h("form", { class: "statement", "aria-label": "Your statement" });
  const stance = h(
    "fieldset",
    { class: "stance" },
    h("legend", {}, "Your position on the working text"),
    ...(["support", "undecided", "oppose"] as const).map((k) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name: "stance", value: k, checked: (me?.position?.stance ?? "support") === k }),
        ` ${k}`,
      ),
    ),
  );
  const argued = me?.argued ?? [];
  const args = h(
    "fieldset",
    { class: "checklist arguments" },
    h("legend", {}, "Arguments you make (each once a cycle)"),
    ...ARGUMENTS.map((a) =>
      h(
        "label",
        {},
        h("input", { type: "checkbox", name: "argument", value: a, disabled: argued.includes(a) }),
        ` ${capital1(ARGUMENT_NAMES[a])}${argued.includes(a) ? " (made already)" : ""}`,
      ),
    ),
  );
  const text = h("textarea", {
    id: "statement-text",
    name: "text",
    rows: 2,
    maxlength: 500,
    placeholder: "Optional; shown to the Council as you write it",
  });
  const spokeThisRound = me?.position !== null && me?.position?.round === s.round && s.round > 0;
  form.append(
    h("p", {}, "Working text: ", s.proposal.map((m) => wordedName(m, s.proposalWording[m])).join("; ") || "—"),
    sentStatement(c.session, c.you) ?? "",
    spokeThisRound ? h("p", { class: "meta" }, "Speak again to amend it: a new statement replaces the last.") : "",
    stance,
    checklist("wants", "Ask the Council to add", availableMeasures(c.session), me?.position?.wants ?? []),
    checklist("rejects", "Rule out (your instructions forbid)", availableMeasures(c.session), me?.rejects ?? []),
    args,
    h("label", { for: "statement-text" }, "What you say (optional)"),
    text,
    button(
      "Make your statement",
      "state",
      () => {
        const chosen = form.querySelector<HTMLInputElement>('input[name="stance"]:checked')?.value ?? "support";
        c.send({
          type: "consultation.statement",
          by: c.you,
          stance: chosen,
          wants: checkedValues(form, "wants"),
          rejects: checkedValues(form, "rejects"),
          arguments: [...form.querySelectorAll<HTMLInputElement>('input[name="argument"]:checked')].map((i) => i.value),
          ...(text.value.trim() ? { text: text.value.trim().slice(0, 500) } : {}),
        });
      },
      { class: "primary" },
    ),
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  return form;
}
