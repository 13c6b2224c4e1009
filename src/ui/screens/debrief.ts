/** The debrief: outcome, scores with explanations, the timeline and each ally's stances, and what history did. */

import { STANCE_LETTER } from "../../sim/deliberation.ts";
import { countOf, formatHour } from "../../sim/explain.ts";
import { measureById } from "../../sim/measures.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import { summarize } from "../../sim/summary.ts";
import { button, h } from "../dom.ts";
import { roundStances } from "../tableVoices.ts";
import { allyName, logLines } from "../viewModel.ts";
import { outcomeSentence, SCORE_TEXT } from "../words.ts";
import { counterfactualPanel } from "./counterfactualPanel.ts";
import { type ReportSource, reportSection } from "./debriefReport.ts";

/** What the debrief offers; null hides an action (a networked delegate cannot replay the class's session). */
export interface DebriefActions {
  sameSeed: (() => void) | null;
  newSeed: (() => void) | null;
  exportRecord: (() => void) | null;
  menu(): void;
  menuLabel?: string; // "Menu" unless told
  showHash?: boolean; // the state hash (false for a redacted networked view, whose hash is not the record's)
  roleLabel?: string | null; // the objectives row's label ("Your objectives" unless told); null leaves it out
  report?: ReportSource; // where the after-action report reads the record (else this screen's session)
}

const STANCE_WORD: Record<string, string> = { S: "support", U: "undecided", O: "oppose", "-": "not yet stated" };

/** Each ally's stance in each consultation round, as a grid (rows: allies; columns: rounds). */
function stanceGrid(session: Session): HTMLElement {
  const s = stateOf(session);
  const rounds = s.log.flatMap((e, index) => (e.k === "round" ? [{ e, stances: roundStances(session, index) }] : []));
  if (!rounds.length) return h("p", {}, "No consultation rounds were held.");
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Ally"),
    ...rounds.map((r) => h("th", { scope: "col" }, formatHour(r.e.h))),
  );
  const rows = s.allies.map((ally, i) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, session.env.profiles[i]?.name ?? ally.code),
      ...rounds.map((r) => {
        // People's seats show the stance of their latest statement ("-" until they made one).
        const stance = r.stances[i];
        const letter = stance ? STANCE_LETTER[stance] : "-";
        return h("td", { class: `stance-${letter}`, title: STANCE_WORD[letter] }, letter);
      }),
    ),
  );
  // The grid scrolls inside its own box on a narrow screen (focusable, so the keyboard can scroll it too).
  return h(
    "div",
    { class: "grid-wrap", tabindex: 0, role: "region", "aria-label": "Stances by round (scrolls sideways)" },
    h(
      "table",
      { class: "stance-grid" },
      h(
        "caption",
        {},
        "Stances by round: S support, U undecided, O oppose, - not yet stated (people's seats show their latest statement)",
      ),
      h("thead", {}, head),
      h("tbody", {}, ...rows),
    ),
  );
}

/** Each break of silence in the delegation's own words, with the figures behind it. */
function breaksSection(session: Session): HTMLElement | null {
  const breaks = logLines(session).filter((l) => l.kind === "break");
  if (!breaks.length) return null;
  return h(
    "div",
    { class: "why-breaks" },
    h("h2", {}, "Why silence was broken"),
    h(
      "ul",
      {},
      ...breaks.map((l) =>
        h("li", {}, `${l.hour}: ${l.text}`, l.detail ? h("span", { class: "meta figures" }, ` (${l.detail})`) : null),
      ),
    ),
  );
}

export function debriefScreen(session: Session, actions: DebriefActions): HTMLElement {
  const summary = summarize(session);
  const scenario = session.env.scenario;
  const s = stateOf(session);
  const rows = Object.entries(summary.scores).filter(([k]) => k !== "role" || actions.roleLabel !== null);
  const scores = rows.map(([k, v]) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, (k === "role" ? actions.roleLabel : undefined) ?? SCORE_TEXT[k]?.label ?? k),
      h("td", {}, String(v)),
      h("td", {}, SCORE_TEXT[k]?.explain ?? ""),
    ),
  );
  const timeline = s.decisions.map((d) =>
    h(
      "li",
      {},
      `${formatHour(d.hour)}: ${d.measures.length ? d.measures.map((m) => measureById(m).name).join("; ") : "no draft"} — `,
      d.adopted
        ? h("strong", {}, "adopted")
        : h(
            "strong",
            {},
            d.brokenBy.length
              ? `silence broken by ${d.brokenBy.map((c) => allyName(session, c)).join(", ")}`
              : "not adopted",
          ),
      d.reservations.length ? ` (reservations: ${d.reservations.map((c) => allyName(session, c)).join(", ")})` : "",
    ),
  );
  return h(
    "section",
    { class: "screen debrief", "aria-labelledby": "debrief-title" },
    h("h1", { id: "debrief-title" }, `Debrief: ${scenario.title}`),
    h("p", { class: "outcome" }, outcomeSentence(summary.outcome, summary.article4, summary.article5)),
    h(
      "p",
      { class: "meta" },
      `Seed ${summary.seed} · ${countOf(summary.days, "day")} of crisis · adversary: ${summary.reactions.join(", ") || "—"}${actions.showHash === false ? "" : ` · state hash ${summary.stateHash}`}`,
    ),
    h("h2", {}, "Scores"),
    h(
      "table",
      { class: "scores" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Score"),
          h("th", { scope: "col" }, "Value"),
          h("th", { scope: "col" }, "What it means"),
        ),
      ),
      h("tbody", {}, ...scores),
    ),
    h("h2", {}, "Decisions"),
    timeline.length ? h("ol", { class: "timeline" }, ...timeline) : h("p", {}, "No draft was tabled."),
    breaksSection(session),
    counterfactualPanel(actions.report?.load), // "What would have changed it": reruns in a Web Worker
    h("h2", {}, "Each ally's stance"),
    stanceGrid(session),
    h("h2", {}, "What history did"),
    h("p", { class: "history" }, h("strong", {}, scenario.history.outcome), ". ", scenario.history.text),
    h("p", {}, `Who was really behind it: ${scenario.truth.text}`),
    h("h2", {}, "Teaching points"),
    h("ul", {}, ...scenario.teachingPoints.map((t) => h("li", {}, t))),
    h("h2", {}, "Sources"),
    h("ul", { class: "sources" }, ...scenario.sources.map((src) => h("li", {}, `${src.label} — ${src.ref}`))),
    h(
      "nav",
      { class: "debrief-buttons", "aria-label": "After the debrief" },
      actions.sameSeed
        ? button("Play again with the same seed", "replay-same-seed", actions.sameSeed, { class: "primary" })
        : null,
      actions.newSeed ? button("Play again with a new seed", "new-seed", actions.newSeed) : null,
      actions.exportRecord ? button("Export the record", "export", actions.exportRecord) : null,
      button(actions.menuLabel ?? "Menu", "menu", actions.menu),
    ),
    reportSection(session, actions.report ?? { fileStem: `case-by-case-${scenario.id}-seed${summary.seed}` }),
  );
}
