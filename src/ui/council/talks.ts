/** Corridor talks: a seat meets one ally privately, makes an offer and hears its concerns. Sends events only. */
import { legalMoves } from "../../sim/bots/bot.ts";
import { OFFERS } from "../../sim/events.ts";
import { OFFER_NAMES } from "../../sim/explain.ts";
import { availableAt, MEASURES, type MeasureId, measureById } from "../../sim/measures.ts";
import { OFFER_COST } from "../../sim/negotiation.ts";
import type { Session } from "../../sim/session.ts";
import { stateOf } from "../../sim/session.ts";
import type { Offer, Reason, SeatId } from "../../sim/state.ts";
import { playedByPerson } from "../../sim/talkThreads.ts";
import { button, h } from "../dom.ts";
import { allyName, talkSummary, talksBy, toolboxName } from "../viewModel.ts";
import { namesSummary } from "../words.ts";
import { currentDraft } from "./draft.ts";
import { reasonWords, soundDraft } from "./soundingsPanel.ts";

/** The offer that answers an objection: evidence for doubts on attribution, linkage for costs, a legal reading for harm. */
export function suggestedOffer(reasons: readonly Pick<Reason, "code">[]): Offer {
  if (reasons.some((r) => r.code === "attribution_below_threshold")) return "intelligence";
  if (reasons.some((r) => r.code === "economic_cost" || r.code === "domestic_constraint")) return "linkage";
  if (reasons.some((r) => r.code === "severity_below_threshold")) return "legal";
  return "reassurance";
}

/**
 * Opens the talks form on one ally (from its dossier or the soundings): chooses it, the measure to talk about
 * and the offer that answers its objection (when affordable), and brings the form into view. False when the
 * form is not on the page (talks are closed).
 */
export function openTalksWith(code: string, measure?: MeasureId, offer?: Offer): boolean {
  const select = document.getElementById("talk-with") as HTMLSelectElement | null;
  if (!select || ![...select.options].some((o) => o.value === code)) return false;
  select.value = code;
  select.dispatchEvent(new Event("change")); // fills in what the soundings suggest for this ally
  const about = document.getElementById("talk-measure") as HTMLSelectElement | null;
  if (about && measure) about.value = measure;
  if (measure && !offer) offer = suggestionFor(code, measure);
  const radio = offer ? document.querySelector<HTMLInputElement>(`input[name="offer"][value="${offer}"]`) : null;
  if (radio && !radio.disabled) radio.checked = true;
  select.scrollIntoView({ block: "center" });
  select.focus();
  return true;
}

type Suggestion = { measure: MeasureId; offer: Offer; line: string };

/** What the soundings suggest now for each ally (set while a talks form is on the page; the draft may change). */
let suggest: () => Map<string, Suggestion> = () => new Map();

function suggestionFor(code: string, measure: MeasureId): Offer | undefined {
  const s = suggest().get(code);
  return s?.measure === measure ? s.offer : undefined;
}

/** For each ally predicted to object to the text `you` are working on: the first measure, its reasons, the offer. */
function talkSuggestions(
  session: Session,
  you: SeatId,
): Map<string, { measure: MeasureId; offer: Offer; line: string }> {
  const s = stateOf(session);
  const text =
    you === "chair" ? currentDraft(session) : { measures: [...s.proposal], wording: s.proposalWording, split: [] };
  const found = new Map<string, Suggestion>();
  for (const m of soundDraft(session, you, text))
    for (const o of m.objectors) {
      if (found.has(o.code)) continue;
      const offer = suggestedOffer(o.reasons);
      const why = o.reasons.length ? ` (${o.reasons.map(reasonWords).join(", ")})` : "";
      found.set(o.code, {
        measure: m.measure,
        offer,
        line: `The soundings say ${allyName(session, o.code)} may object to ${measureById(m.measure).name.toLowerCase()}${why}; ${OFFER_NAMES[offer]} may answer that (costs ${OFFER_COST[offer]}).`,
      });
    }
  return found;
}

/**
 * The allies `you` may hold talks with in this form now (empty when talks are not open to you): those the AI
 * plays. The engine hears a person's ally through messages only (src/sim/negotiation.ts), so a delegation a
 * person plays is reached in the classroom's talks with delegates (src/ui/classroom/talkThread.ts) instead.
 */
export function talkPartners(session: Session, you: SeatId): string[] {
  const spec = legalMoves(session, you).find((m) => m.type === "corridor.talk");
  const s = stateOf(session);
  return spec?.type === "corridor.talk" ? spec.with.filter((code) => !playedByPerson(s, code)) : [];
}

/** Allies other than `you` played by people (they are not in the form). */
function peoplesAllies(session: Session, you: SeatId): string[] {
  const s = stateOf(session);
  return s.allies.map((a) => a.code).filter((code) => code !== you && playedByPerson(s, code));
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
      ...MEASURES.filter((m) => availableAt(m, date)).map((m) => h("option", { value: m.id }, toolboxName(m.id, date))),
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
    suggest = () => talkSuggestions(session, you);
    const hint = h("p", { class: "talk-hint", id: "talk-hint", "aria-live": "polite" });
    const showHint = (prefill: boolean) => {
      const tip = suggest().get(withSelect.value);
      hint.textContent = tip?.line ?? `The soundings expect ${allyName(session, withSelect.value)} to accept the text.`;
      if (!prefill || !tip) return;
      about.value = tip.measure;
      const radio = form.querySelector<HTMLInputElement>(`input[name="offer"][value="${tip.offer}"]`);
      if (radio && !radio.disabled) radio.checked = true;
    };
    withSelect.addEventListener("change", () => showHint(true));
    showHint(false);
    form.append(
      h("div", { class: "control-row" }, h("label", { for: "talk-with" }, "Talk with"), withSelect),
      hint,
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
  const people = peoplesAllies(session, you);
  if (people.length)
    form.append(
      h(
        "p",
        { class: "meta talk-people" },
        `Delegations played by people (${namesSummary(people.map((code) => allyName(session, code)))}) are not listed: write to them under “Talks with delegates”.`,
      ),
    );
  if (history) form.append(h("h4", {}, "What you heard"), history);
  return form;
}
