/**
 * The chair's desk in consultation: the draft (kept in draft.ts, so it survives new rounds), where it came
 * from (the chair's own text or the Secretariat's suggestion), the soundings on it, what it changes since a
 * broken draft, and tabling it. Sends events only.
 */
import {
  availableAt,
  defaultWording,
  MEASURES,
  type MeasureId,
  type Wording,
  wordedName,
  wordingsAt,
} from "../../sim/measures.ts";
import { stateOf } from "../../sim/session.ts";
import type { Reason } from "../../sim/state.ts";
import { button, h } from "../dom.ts";
import { allyName, roundLabel } from "../viewModel.ts";
import { type ActionContext, checkedValues, measureName } from "./controls.ts";
import {
  type ChairDraft,
  clearDraft,
  currentDraft,
  draftChanges,
  keepDraft,
  lastTabled,
  ownDraft,
  sameDraft,
  secretariatDraft,
} from "./draft.ts";
import { soundDraft, soundingsPanel, VERDICT_TEXT } from "./soundingsPanel.ts";
import { openTalksWith, suggestedOffer, talkPartners } from "./talks.ts";

const WORDING_LABEL: Record<Wording, string> = { soft: "Softer", standard: "Standard", strong: "Stronger" };

/** One measure of the draft: its checkbox and, while ticked, its wording and whether it is decided separately. */
function draftRow(m: MeasureId, draft: ChairDraft, date: string): HTMLElement {
  const ticked = draft.measures.includes(m);
  const wording = draft.wording[m] ?? defaultWording(m, date);
  const name = measureName(m);
  const box = h("input", { type: "checkbox", name: "measure", value: m, checked: ticked, id: `draft-${m}` });
  // Only the wordings in the toolbox at the scenario's date; a measure with one non-standard text still shows it.
  const wordings = wordingsAt(m, date);
  // The select stays short (Softer, Standard, Stronger); the text it stands for is read out beside it.
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
    wordings.length > 1 || wording !== "standard"
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
      h("input", { type: "checkbox", name: "separate", value: m, checked: draft.split.includes(m) }),
      " Decide separately",
      h("span", { class: "visually-hidden" }, `: ${name}`),
    ),
  );
  box.addEventListener("change", () => {
    options.hidden = !box.checked;
  });
  return h(
    "div",
    { class: "measure-row" },
    h("label", { for: `draft-${m}` }, box, ` ${name}`),
    h("span", { class: "row-verdict", "data-measure": m }),
    options,
  );
}

/** The draft as the form says it now. */
function readForm(form: HTMLElement): ChairDraft {
  const measures = checkedValues(form, "measure");
  const wording: ChairDraft["wording"] = {};
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[name="wording"]')) {
    const m = select.dataset.measure as MeasureId;
    if (measures.includes(m) && select.value !== "standard") wording[m] = select.value as Wording;
  }
  return { measures, wording, split: checkedValues(form, "separate").filter((m) => measures.includes(m)) };
}

const textOf = (d: ChairDraft) =>
  d.measures.map((m) => `${wordedName(m, d.wording[m])}${d.split.includes(m) ? " (separately)" : ""}`).join("; ") ||
  "nothing";

/** Whose text this is, and the way back to the Secretariat's suggestion. */
function originNote(c: ActionContext, draft: ChairDraft, reset: () => void): HTMLElement {
  const own = ownDraft(c.session);
  const suggested = secretariatDraft(c.session);
  if (!own || sameDraft(own, suggested))
    return h(
      "div",
      { class: "draft-origin secretariat", id: "draft-origin" },
      h(
        "p",
        {},
        h("strong", {}, "The Secretariat's suggestion"),
        " is ticked. Change anything and it becomes your draft; your draft is kept from round to round.",
      ),
    );
  const diff = draftChanges(suggested, draft);
  return h(
    "div",
    { class: "draft-origin own", id: "draft-origin" },
    h(
      "p",
      {},
      h("strong", {}, "Your draft"),
      " (kept from round to round). Against the Secretariat's text: ",
      diff.join("; ") || "the same measures",
    ),
    h("p", { class: "meta" }, "The Secretariat suggests: ", textOf(suggested)),
    button("Use the Secretariat's text", "use-secretariat", reset),
  );
}

/** After a broken draft: what the new draft changes, so that the Council sees it is not the same text again. */
function changeAccount(c: ActionContext, draft: ChairDraft): HTMLElement | null {
  const last = lastTabled(c.session);
  if (!last) return null;
  const changes = draftChanges(last.draft, draft);
  const names = last.brokenBy.map((code) => allyName(c.session, code));
  const who =
    names.length > 5
      ? `${names.length} allies (${names.slice(0, 4).join(", ")} and others)`
      : names.join(", ") || "an ally";
  return h(
    "div",
    { class: changes.length ? "change-account" : "change-account unchanged", id: "change-account", role: "status" },
    h("p", {}, `Draft ${last.attempt} (${textOf(last.draft)}) was broken by ${who}.`),
    changes.length
      ? h("ul", {}, ...changes.map((l) => h("li", {}, `${l.charAt(0).toUpperCase()}${l.slice(1)}`)))
      : h(
          "p",
          { class: "notice" },
          "Your draft is the text that was broken: change, soften or split something before tabling it again.",
        ),
  );
}

/** The chair's draft builder: the draft, its origin, the soundings, what changed, and tabling. */
export function chairConsultation(c: ActionContext): HTMLElement {
  const s = stateOf(c.session);
  const date = c.session.env.scenario.date;
  const available = MEASURES.filter((m) => availableAt(m, date)).map((m) => m.id);
  const max = c.session.env.scenario.settings.maxConsultationRounds;
  const form = h("form", { class: "draft", "aria-label": "Draft decision", "data-round": s.round, "data-max": max });
  form.addEventListener("submit", (e) => e.preventDefault());
  const counts = { support: 0, undecided: 0, oppose: 0 };
  for (const a of s.allies) if (a.position) counts[a.position.stance]++;
  const talkable = new Set(talkPartners(c.session, c.you));
  const talk = talkable.size
    ? (code: string, measure: MeasureId, reasons: readonly Reason[]) =>
        openTalksWith(code, measure, suggestedOffer(reasons))
    : null;
  const originHost = h("div", {});
  const changesHost = h("div", {});
  const soundingsHost = h("div", { "aria-live": "polite" });
  const fieldset = h("fieldset", { class: "checklist draft-measures" });

  /** Shows what belongs to the draft as it now stands (its origin, soundings, changes). */
  function describe(draft: ChairDraft): void {
    originHost.replaceChildren(originNote(c, draft, reset));
    changesHost.replaceChildren(changeAccount(c, draft) ?? "");
    const soundings = soundDraft(c.session, c.you, draft);
    soundingsHost.replaceChildren(soundingsPanel(c.session, c.you, draft, talk, soundings));
    // Each ticked measure carries its verdict beside its name, so the draft reads at a glance.
    for (const badge of fieldset.querySelectorAll<HTMLElement>(".row-verdict")) {
      const found = soundings.find((x) => x.measure === badge.dataset.measure);
      badge.className = `row-verdict${found ? ` ${found.verdict}` : ""}`;
      badge.textContent = found ? VERDICT_TEXT[found.verdict] : "";
    }
  }
  function fill(draft: ChairDraft): void {
    fieldset.replaceChildren(
      h("legend", {}, "Draft decision"),
      ...available.map((m) => draftRow(m, draft, date)),
      h(
        "p",
        { class: "meta" },
        "Softer wording is easier to accept and deters less. A measure decided separately has its own silence procedure: an objection to it does not sink the rest.",
      ),
    );
    describe(draft);
  }
  function reset(): void {
    clearDraft(c.session);
    fill(currentDraft(c.session));
    form.querySelector<HTMLElement>('input[name="measure"]')?.focus();
  }
  form.addEventListener("change", () => describe(keepDraft(c.session, readForm(form))));
  fill(currentDraft(c.session));

  form.append(
    h(
      "p",
      {},
      `${roundLabel(c.session)}: ${counts.support} support, ${counts.undecided} undecided, ${counts.oppose} oppose the working text.`,
    ),
    originHost,
    fieldset,
    changesHost,
    soundingsHost,
    button(
      "Table the draft under silence procedure",
      "table",
      () => {
        const draft = keepDraft(c.session, readForm(form));
        if (!draft.measures.length) return;
        c.send({
          type: "draft.table",
          by: "chair",
          measures: draft.measures,
          ...(Object.keys(draft.wording).length ? { wording: draft.wording } : {}),
          ...(draft.split.length ? { split: draft.split } : {}),
        });
      },
      { class: "primary" },
    ),
    button("Suspend to await evidence", "await", () => c.send({ type: "phase.attribution", by: "chair" })),
    button("Close without a decision", "close", () => c.send({ type: "consultation.close", by: "chair" })),
  );
  return form;
}
