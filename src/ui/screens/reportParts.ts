/** The parts of the debrief's after-action report as DOM: folded by day and by ally so that a phone can scroll it. */
import { peopleText, playedByText } from "../../report/markdown.ts";
import type { AllyReport, Report, TimelineItem } from "../../report/model.ts";
import { h } from "../dom.ts";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const STANCE: Record<string, string> = { support: "supports", undecided: "undecided", oppose: "opposes" };

/** What raised or lowered each score, and how the outcome compares with history. */
export function scoresSection(r: Report): HTMLElement {
  return h(
    "div",
    { class: "report-scores" },
    h("h3", {}, "Why the scores are what they are"),
    h(
      "dl",
      {},
      ...r.scores.flatMap((s) => [
        h("dt", {}, `${s.label}: ${s.value}${s.higherIsBetter ? "" : " (higher is riskier)"}`),
        h("dd", {}, s.because.join(" ")),
      ]),
    ),
    h("h3", {}, "Against the historical record"),
    h("ul", {}, ...r.history.comparison.map((c) => h("li", {}, c))),
  );
}

/** The students and teams at each seat, when the record names them. */
export function peopleSection(r: Report): HTMLElement | null {
  if (!r.people.length) return null;
  const seats = [...new Set(r.people.map((p) => p.seat))];
  return h(
    "div",
    { class: "report-people" },
    h("h3", {}, "Students and teams"),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Seat"), h("th", { scope: "col" }, "People"))),
      h(
        "tbody",
        {},
        ...seats.map((seat) =>
          h(
            "tr",
            {},
            h(
              "th",
              { scope: "row" },
              seat === "chair" ? "Chair" : (r.allies.find((a) => a.code === seat)?.name ?? seat),
            ),
            h("td", {}, peopleText(r.people.filter((p) => p.seat === seat))),
          ),
        ),
      ),
    ),
  );
}

function timelineLine(t: TimelineItem): HTMLElement {
  return h(
    "li",
    { class: `k-${t.kind}`, "data-kind": t.kind },
    h("span", { class: "when" }, t.when.slice(t.when.indexOf(",") + 2)),
    t.wall ? h("span", { class: "meta" }, ` (${t.wall.slice(11, 16)})`) : null,
    ` ${t.text}`,
    t.detail ? h("span", { class: "meta figures" }, ` (${t.detail})`) : null,
    t.said?.length
      ? h(
          "ul",
          { class: "said" },
          ...t.said.map((s) =>
            h(
              "li",
              {},
              h("strong", {}, s.name),
              `: ${s.text}`,
              s.detail ? h("span", { class: "meta figures" }, ` (${s.detail})`) : null,
            ),
          ),
        )
      : null,
  );
}

/** The timeline, one folded part per game day with a count of what happened in it. */
export function timelineSection(r: Report): HTMLElement {
  const days = new Map<number, TimelineItem[]>();
  for (const t of r.timeline) if (t.kind !== "phase") days.set(t.day, [...(days.get(t.day) ?? []), t]);
  const headline = (items: TimelineItem[]) => {
    const count = (k: string) => items.filter((t) => t.kind === k).length;
    const parts = [
      count("inject") && "an incident",
      count("evidence") && `${count("evidence")} evidence`,
      count("round") && `${count("round")} rounds`,
      count("talk") && `${count("talk")} corridor talks`,
      count("draft") && "drafts",
      count("break") && `${count("break")} breaks of silence`,
      count("decision") && "a decision",
      count("response") && "the adversary's answer",
    ].filter(Boolean);
    return parts.join(", ") || `${items.length} entries`;
  };
  return h(
    "div",
    { class: "report-timeline" },
    h("h3", {}, "Timeline"),
    ...[...days].map(([day, items]) =>
      h(
        "details",
        { class: "report-day" },
        h("summary", {}, h("strong", {}, `Day ${day}`), ` · ${headline(items)}`),
        h("ol", { class: "report-lines" }, ...items.map(timelineLine)),
      ),
    ),
  );
}

function allyPart(a: AllyReport): HTMLElement {
  const facts = [
    playedByText(a),
    a.victim ? "hit by the attacks" : "",
    a.breaks ? `broke silence ${a.breaks === 1 ? "once" : `${a.breaks} times`}` : "",
    a.reservations ? (a.reservations === 1 ? "a reservation" : `${a.reservations} reservations`) : "",
    `${a.finalStance ? STANCE[a.finalStance] : "not stated"} at the end`,
    a.finalConfidence === null ? "" : `${pct(a.finalConfidence)} sure a state is behind it`,
  ]
    .filter(Boolean)
    .join(" · ");
  return h(
    "details",
    { class: "report-ally", "data-ally": a.code },
    h("summary", {}, h("strong", {}, a.name), h("span", { class: "meta" }, ` · ${facts}`)),
    a.arguments.length ? h("p", {}, `Argued and asked: ${a.arguments.join("; ")}.`) : null,
    a.talks.length ? h("ul", { class: "talks" }, ...a.talks.map((t) => h("li", {}, `Corridor talks: ${t}`))) : null,
    a.history.length
      ? h(
          "ol",
          { class: "report-lines" },
          ...a.history.map((x) => h("li", {}, h("span", { class: "when" }, x.when), ` ${x.text}`)),
        )
      : h("p", {}, "Said nothing on record."),
  );
}

/** Each ally's course, folded, people's seats first. */
export function allySection(r: Report): HTMLElement {
  const ordered = [
    ...r.allies.filter((a) => a.playedBy === "person"),
    ...r.allies.filter((a) => a.playedBy !== "person"),
  ];
  return h(
    "div",
    { class: "report-allies" },
    h("h3", {}, "Each ally's course, in its own words"),
    ...ordered.map(allyPart),
  );
}

/** Questions for the discussion, per role. */
export function questionsSection(r: Report): HTMLElement {
  return h(
    "div",
    { class: "report-questions" },
    h("h3", {}, "Questions for discussion"),
    ...r.questions.map((q) =>
      h("details", {}, h("summary", {}, q.label), h("ol", {}, ...q.questions.map((x) => h("li", {}, x)))),
    ),
  );
}

/** The scenario's sources as links that open in a new tab. */
export function sourcesSection(r: Report): HTMLElement {
  return h(
    "div",
    { class: "report-sources" },
    h("h3", {}, "Sources to read further"),
    h(
      "ul",
      {},
      ...r.sources.map((s) =>
        h(
          "li",
          {},
          `${s.label}: `,
          ...s.urls.flatMap((u, i) => [
            i ? " · " : "",
            h(
              "a",
              { href: u, target: "_blank", rel: "noopener noreferrer" },
              new URL(u).hostname.replace(/^www\./, ""),
            ),
          ]),
        ),
      ),
    ),
  );
}
