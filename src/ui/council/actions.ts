/** What the player can do now, by phase and seat. Everything here only sends events to the engine. */
import { AI_MEASURES } from "../../sim/council.ts";
import { ARGUMENTS } from "../../sim/events.ts";
import { ARGUMENT_NAMES } from "../../sim/explain.ts";
import {
  availableAt,
  hasWording,
  MEASURES,
  type MeasureId,
  WORDINGS,
  type Wording,
  wordedName,
} from "../../sim/measures.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import { button, h } from "../dom.ts";
import { type ActionContext, checkedValues, checklist, measureName } from "./controls.ts";
import { coalitionChoices, silence } from "./decisionActions.ts";
import { corridorTalks } from "./talks.ts";

const WORDING_LABEL: Record<Wording, string> = { soft: "Softer", standard: "Standard", strong: "Stronger" };
const capital1 = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * One measure of the chair's draft: its checkbox and, while ticked, its wording (where it has more than one)
 * and whether it is decided separately.
 */
function draftRow(m: MeasureId, ticked: boolean, wording: Wording): HTMLElement {
  const name = measureName(m);
  const box = h("input", { type: "checkbox", name: "measure", value: m, checked: ticked, id: `draft-${m}` });
  const wordings = WORDINGS.filter((w) => hasWording(m, w));
  // The select stays short (Softer, Standard, Stronger); the text it stands for is read out below it.
  const text = h("span", { class: "wording-text", id: `wording-text-${m}` }, `“${wordedName(m, wording)}”`);
  const select = h(
    "select",
    { id: `wording-${m}`, name: "wording", "data-measure": m, "aria-describedby": `wording-text-${m}` },
    ...wordings.map((w) => h("option", { value: w, selected: w === wording }, WORDING_LABEL[w])),
  );
  select.addEventListener("change", () => {
    text.textContent = `“${wordedName(m, select.value as Wording)}”`;
  });
  const options = h(
    "div",
    { class: "measure-options", hidden: !ticked },
    wordings.length > 1
      ? h(
          "span",
          { class: "control-row" },
          h("label", { for: `wording-${m}` }, "Wording", h("span", { class: "visually-hidden" }, ` of ${name}`)),
          select,
          text,
        )
      : null,
    h(
      "label",
      {},
      h("input", { type: "checkbox", name: "separate", value: m }),
      " Decide separately",
      h("span", { class: "visually-hidden" }, `: ${name}`),
    ),
  );
  box.addEventListener("change", () => {
    options.hidden = !box.checked;
  });
  return h("div", { class: "measure-row" }, h("label", { for: `draft-${m}` }, box, ` ${name}`), options);
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
    h(
      "fieldset",
      { class: "checklist draft-measures" },
      h("legend", {}, "Draft decision (the Secretariat's suggestion is ticked)"),
      ...available.map((m) => draftRow(m, s.proposal.includes(m), s.proposalWording[m] ?? "standard")),
      h(
        "p",
        { class: "meta" },
        "Softer wording is easier to accept and deters less. A measure decided separately has its own silence procedure: an objection to it does not sink the rest.",
      ),
    ),
    button(
      "Table the draft under silence procedure",
      "table",
      () => {
        const measures = checkedValues(form, "measure");
        if (!measures.length) return;
        const wording: Partial<Record<MeasureId, Wording>> = {};
        for (const select of form.querySelectorAll<HTMLSelectElement>('select[name="wording"]')) {
          const m = select.dataset.measure as MeasureId;
          if (measures.includes(m) && select.value !== "standard") wording[m] = select.value as Wording;
        }
        const split = checkedValues(form, "separate").filter((m) => measures.includes(m));
        c.send({
          type: "draft.table",
          by: "chair",
          measures,
          ...(Object.keys(wording).length ? { wording } : {}),
          ...(split.length ? { split } : {}),
        });
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
  form.append(
    h("p", {}, "Working text: ", s.proposal.map((m) => wordedName(m, s.proposalWording[m])).join("; ") || "—"),
    stance,
    checklist("wants", "Ask the Council to add", AI_MEASURES, me?.position?.wants ?? []),
    checklist("rejects", "Rule out (your instructions forbid)", AI_MEASURES, me?.rejects ?? []),
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
  if (phase === "attribution" || phase === "consultation" || phase === "decision")
    parts.push(corridorTalks(c.session, c.you, c.send));
  if (phase === "response") {
    parts.push(h("p", {}, "The adversary weighs the Council's answer…"));
    if (c.you !== "chair") parts.push(coalitionChoices(c));
  }
  return h("section", { class: "panel actions", "aria-label": "Your actions" }, h("h2", {}, "Your move"), ...parts);
}
