/** What the player can do now, by phase and seat. Everything here only sends events to the engine. */
import { AI_MEASURES } from "../../sim/council.ts";
import { availableAt, MEASURES, type MeasureId, measureById } from "../../sim/measures.ts";
import { phaseOf, type Session, stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { button, h } from "../dom.ts";

export interface ActionContext {
  session: Session;
  you: SeatId;
  send(event: unknown): void;
  silenceLeft: number | null;
}

const measureName = (m: MeasureId) => measureById(m).name;

function checklist(
  name: string,
  legend: string,
  ids: readonly MeasureId[],
  checked: readonly MeasureId[],
): HTMLFieldSetElement {
  return h(
    "fieldset",
    { class: "checklist" },
    h("legend", {}, legend),
    ...ids.map((m) =>
      h(
        "label",
        {},
        h("input", { type: "checkbox", name, value: m, checked: checked.includes(m) }),
        ` ${measureName(m)}`,
      ),
    ),
  );
}

function checkedValues(root: HTMLElement, name: string): MeasureId[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value as MeasureId);
}

/** The chair's draft builder: the Secretariat's suggested text, editable, and the chair's choices. */
function chairConsultation(c: ActionContext): HTMLElement {
  const s = stateOf(c.session);
  const date = c.session.env.scenario.date;
  const available = MEASURES.filter((m) => availableAt(m, date)).map((m) => m.id);
  const form = h("form", { class: "draft", "aria-label": "Draft decision" });
  const counts = { support: 0, undecided: 0, oppose: 0 };
  for (const a of s.allies) if (a.position) counts[a.position.stance]++;
  form.append(
    h(
      "p",
      {},
      `Round ${s.round} of ${c.session.env.scenario.settings.maxConsultationRounds}: ${counts.support} support, ${counts.undecided} undecided, ${counts.oppose} oppose the working text.`,
    ),
    checklist("measure", "Draft decision (the Secretariat's suggestion is ticked)", available, s.proposal),
    button(
      "Table the draft under silence procedure",
      "table",
      () => {
        const measures = checkedValues(form, "measure");
        if (measures.length) c.send({ type: "draft.table", by: "chair", measures });
      },
      { class: "primary" },
    ),
    button("Suspend to await evidence", "await", () => c.send({ type: "phase.attribution", by: "chair" })),
    button("Close without a decision", "close", () => c.send({ type: "consultation.close", by: "chair" })),
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  return form;
}

/** An ally's statement on the working text: stance, what it asks for, what it rules out. */
function allyStatement(c: ActionContext): HTMLElement {
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
  form.append(
    h("p", {}, "Working text: ", s.proposal.map(measureName).join("; ") || "—"),
    stance,
    checklist("wants", "Ask the Council to add", AI_MEASURES, me?.position?.wants ?? []),
    checklist("rejects", "Rule out (your instructions forbid)", AI_MEASURES, me?.rejects ?? []),
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
        });
      },
      { class: "primary" },
    ),
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  return form;
}

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

/** The silence procedure: the draft, the visible deadline, and (for an ally) the choice to break silence. */
function silence(c: ActionContext): HTMLElement {
  const s = stateOf(c.session);
  const draft = s.draft;
  if (!draft) return h("p", {}, "The Council awaits the chair.");
  const broke = draft.breaks.some((b) => b.by === c.you);
  const reason = h("textarea", {
    id: "break-reason",
    name: "reason",
    rows: 2,
    maxlength: 500,
    placeholder: "Why (optional; shown to the Council as text)",
  });
  return h(
    "div",
    { class: "silence" },
    h(
      "p",
      {},
      `Draft under silence procedure (attempt ${draft.attempt}): `,
      draft.measures.map(measureName).join("; "),
    ),
    h(
      "p",
      { class: "deadline", "aria-live": "polite", id: "silence-countdown" },
      c.silenceLeft === null ? "Deadline pending" : `Silence deadline in ${c.silenceLeft} s`,
    ),
    c.you === "chair"
      ? h("p", { class: "meta" }, "As chair you wait: any ally may break silence before the deadline.")
      : broke
        ? h("p", { class: "notice" }, "You have broken silence.")
        : h(
            "div",
            {},
            h("label", { for: "break-reason" }, "Reason for breaking silence"),
            reason,
            button(
              "Break silence",
              "break-silence",
              () => c.send({ type: "silence.break", by: c.you, reason: reason.value.slice(0, 500) }),
              { class: "danger" },
            ),
            h(
              "p",
              { class: "meta" },
              "Do nothing to keep silence: the draft is adopted at the deadline unless someone objects.",
            ),
          ),
  );
}

/**
 * The actions for the current phase and seat. `begin` and `proceed` start the session and move on from an
 * incident card; null when someone else does (the facilitator and the server's clock, in networked play).
 */
export function actionsPanel(c: ActionContext, begin: (() => void) | null, proceed: (() => void) | null): HTMLElement {
  const phase = phaseOf(c.session);
  const parts: (HTMLElement | null)[] = [];
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
    if (c.you === "chair") parts.push(chairConsultation(c));
    else parts.push(allyStatement(c), allyNational(c));
  }
  if (phase === "decision") parts.push(silence(c));
  if (phase === "response") parts.push(h("p", {}, "The adversary weighs the Council's answer…"));
  return h("section", { class: "panel actions", "aria-label": "Your actions" }, h("h2", {}, "Your move"), ...parts);
}
