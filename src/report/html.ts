/**
 * The after-action report as one self-contained HTML page: inline styles (with a print stylesheet that breaks
 * into clean A4 pages), the charts drawn by an inlined uPlot when its script is given, no request to any
 * server, so it works offline and prints from any browser. Every name and word is escaped as text. Pure.
 */
import { type ChartSpec, chartSpecs } from "./charts.ts";
import { CHART_SCRIPT, REPORT_CSS } from "./htmlStyle.ts";
import { peopleText, playedByText } from "./markdown.ts";
import type { AllyReport, DraftRecord, Report, TimelineItem } from "./model.ts";

/** Text as HTML shows it (never as markup). */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const LETTER: Record<string, string> = { support: "S", undecided: "U", oppose: "O" };
const WORD: Record<string, string> = { S: "support", U: "undecided", O: "oppose", "-": "not yet stated" };
const list = (items: readonly string[], cls = "") =>
  items.length ? `<ul${cls ? ` class="${cls}"` : ""}>${items.map((x) => `<li>${x}</li>`).join("")}</ul>` : "";

/** The uPlot script and stylesheet to inline, when the caller has them (the CLI reads them from node_modules). */
export interface ChartAssets {
  script: string;
  css: string;
}

function head(r: Report, assets?: ChartAssets): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>After-action report: ${esc(r.meta.title)} (seed ${r.meta.seed})</title>
<style>${REPORT_CSS}${assets ? assets.css : ""}</style></head>`;
}

function summary(r: Report): string {
  const m = r.meta;
  const scoreRows = r.scores
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.label)}${s.higherIsBetter ? "" : ' <span class="figures">(higher is riskier)</span>'}</th><td class="num">${s.value}</td><td>${esc(s.meaning)}${list(s.because.map(esc))}</td></tr>`,
    )
    .join("");
  const objectives = r.objectives.map(
    (o) => `<span class="${o.met ? "met" : "unmet"}">${o.met ? "✓ met" : "✗ not met"}</span>: ${esc(o.text)}`,
  );
  return `<header>
<h1>After-action report: ${esc(m.title)}</h1>
<p class="meta">Scenario date ${esc(m.scenarioDate)} · seed ${m.seed} · role: ${esc(m.roleName)} · chair played by ${m.chair === "ai" ? "the AI" : "a person"} · ${m.days} days of crisis${m.finished ? "" : " · the session had not ended"}</p>
<p class="meta">Engine ${esc(m.engine || "unknown")} · scenario ${esc(m.scenarioId)}@${esc(m.scenarioHash)} · state hash ${esc(m.stateHash)}</p>
</header>
<section><h2>Outcome</h2><p class="outcome">${esc(r.outcome.sentence)}</p>
${list([
  `Adopted: ${r.outcome.adopted.length ? r.outcome.adopted.map(esc).join("; ") : "nothing"}`,
  ...(r.outcome.coalition.length ? [`Outside the Council: ${r.outcome.coalition.map(esc).join("; ")}`] : []),
  `The adversary's answers: ${r.outcome.reactions.length ? esc(r.outcome.reactions.join(", ")) : "none yet"}`,
])}</section>
<section><h2>Against the historical record</h2><p><strong>History:</strong> ${esc(r.history.outcome)}.</p>
${list(r.history.comparison.map(esc))}<p>${esc(r.history.text)}</p><p><strong>Who was really behind it:</strong> ${esc(r.history.truth)}</p></section>
<section><h2>Scores</h2><table class="scores"><thead><tr><th scope="col">Score</th><th scope="col">Value</th><th scope="col">What it means, and what raised or lowered it</th></tr></thead><tbody>${scoreRows}</tbody></table>
${objectives.length ? `<p>Objectives of ${esc(m.roleName)}:</p>${list(objectives)}` : ""}</section>`;
}

function chartsSection(specs: readonly ChartSpec[], hasScript: boolean): string {
  const figures = specs
    .map(
      (s) =>
        `<figure><div class="chart" id="chart-${esc(s.id)}" role="img" aria-label="${esc(`${s.title}. ${s.caption}`)}"></div><figcaption><strong>${esc(s.title)}.</strong> ${esc(s.caption)}${hasScript ? "" : " (Charts are drawn in the report the game exports; this copy has the figures in words.)"}</figcaption></figure>`,
    )
    .join("");
  return `<section class="page"><h2>Harm and attribution over time</h2><div class="charts">${figures}</div>
<p class="legend-note">Bold black: the Council's median ally. Solid colours: allies hit by the attacks; dashed: seats played by people and the least and most convinced allies.</p></section>`;
}

function item(t: TimelineItem): string {
  const wall = t.wall ? ` <span class="figures">(${esc(t.wall.slice(11, 16))})</span>` : "";
  const said = (t.said ?? []).map(
    (s) =>
      `<strong>${esc(s.name)}</strong>: ${esc(s.text)}${s.detail ? ` <span class="figures">(${esc(s.detail)})</span>` : ""}`,
  );
  return `<li class="k-${t.kind}"><span class="when">${esc(t.when.slice(t.when.indexOf(",") + 2))}</span>${wall}${esc(t.text)}${t.detail ? ` <span class="figures">(${esc(t.detail)})</span>` : ""}${list(said, "said")}</li>`;
}

function timeline(r: Report): string {
  const days = new Map<number, TimelineItem[]>();
  for (const t of r.timeline) if (t.kind !== "phase") days.set(t.day, [...(days.get(t.day) ?? []), t]);
  const body = [...days]
    .map(([day, items]) => `<h3>Day ${day}</h3><ol class="timeline">${items.map(item).join("")}</ol>`)
    .join("");
  return `<section class="page"><h2>Timeline</h2>${body}</section>`;
}

function heatMap(r: Report): string {
  if (!r.rounds.length) return `<section><h2>Stances by round</h2><p>No consultation rounds were held.</p></section>`;
  const headRow = r.rounds
    .map(
      (c) =>
        `<th scope="col" title="${esc(c.when)}">R${c.round}<br><span class="figures">d${Math.floor(c.hour / 24)}</span></th>`,
    )
    .join("");
  const rows = r.allies
    .map((a, i) => {
      const cells = r.rounds
        .map((c) => {
          const l = LETTER[c.stances[i] ?? ""] ?? "-";
          return `<td class="st-${l}" title="${esc(`${a.name}, ${c.when}: ${WORD[l]}`)}">${l}</td>`;
        })
        .join("");
      return `<tr><th scope="row">${esc(a.name)}</th>${cells}</tr>`;
    })
    .join("");
  return `<section class="page"><h2>Stances by round</h2><div class="heat-wrap"><table class="heat"><caption class="legend-note">A heat map of each ally's stance in each consultation round: S support (green), U undecided (amber), O oppose (red), - not yet stated. Columns give the round and the game day.</caption><thead><tr><th scope="col">Ally</th>${headRow}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function draft(r: Report, d: DraftRecord): string {
  const name = (code: string) => r.allies.find((a) => a.code === code)?.name ?? code;
  const acted = d.allies.filter((a) => a.act !== "kept silence");
  const rows = acted
    .map(
      (a) =>
        `<tr><th scope="row">${esc(name(a.code))}</th><td>${esc(a.before ?? "not stated")}</td><td>${esc(a.act)}${a.on.length ? ` on ${esc(a.on.join(", "))}` : ""}</td><td>${esc(a.words)}</td></tr>`,
    )
    .join("");
  return `<h3>Draft ${d.number}: ${esc(d.when)} <span class="figures">(cycle ${d.cycle}, attempt ${d.attempt})</span></h3>
${list([
  `Text: ${d.measures.map(esc).join("; ")}`,
  ...(d.separate.length ? [`Decided separately: ${d.separate.map(esc).join("; ")}`] : []),
  `Adopted: ${d.adopted.length ? d.adopted.map(esc).join("; ") : "nothing"}`,
  ...(d.fell.length ? [`Fell: ${d.fell.map(esc).join("; ")}`] : []),
  `${d.allies.length - acted.length} of ${d.allies.length} allies kept silence without a word`,
])}
${rows ? `<table><thead><tr><th scope="col">Ally</th><th scope="col">Stance before</th><th scope="col">Under silence</th><th scope="col">In its words</th></tr></thead><tbody>${rows}</tbody></table>` : ""}`;
}

function ally(a: AllyReport): string {
  const facts = `${esc(playedByText(a))}${a.victim ? " · hit by the attacks" : ""} · final stance: ${esc(a.finalStance ?? "not stated")}${a.finalConfidence === null ? "" : ` · confidence a state is behind it: ${pct(a.finalConfidence)}`} · harm as it sees it: ${pct(a.finalHarm)}`;
  return `<article class="ally"><div class="ally-head"><h3>${esc(a.name)}</h3><p class="meta">${facts}</p></div>
${a.arguments.length ? `<p>Argued and asked: ${a.arguments.map(esc).join("; ")}.</p>` : ""}
${a.talks.length ? `<p>Corridor talks:</p>${list(a.talks.map(esc))}` : ""}
${a.history.length ? list(a.history.map((x) => `<span class="when">${esc(x.when)}</span> ${esc(x.text)}`)) : "<p>Said nothing on record.</p>"}</article>`;
}

function people(r: Report): string {
  if (!r.people.length) return "";
  const seats = [...new Set(r.people.map((p) => p.seat))];
  const rows = seats
    .map((seat) => {
      const name = seat === "chair" ? "Chair" : (r.allies.find((a) => a.code === seat)?.name ?? seat);
      return `<tr><th scope="row">${esc(name)}</th><td>${esc(peopleText(r.people.filter((p) => p.seat === seat)))}</td></tr>`;
    })
    .join("");
  return `<section><h2>Students and teams</h2><table><thead><tr><th scope="col">Seat</th><th scope="col">People</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function lessons(r: Report): string {
  const sources = r.sources.map(
    (s) =>
      `${esc(s.label)}: ${s.urls.map((u) => `<a href="${esc(u)}" rel="noopener noreferrer">${esc(u)}</a>`).join(" ")}`,
  );
  const questions = r.questions
    .map((q) => `<h3>${esc(q.label)}</h3><ol>${q.questions.map((x) => `<li>${esc(x)}</li>`).join("")}</ol>`)
    .join("");
  return `<section class="page"><h2>Teaching points</h2>${list(r.teachingPoints.map(esc))}
<h2>Sources</h2>${list(sources, "sources")}
<h2>Questions for discussion</h2>${questions}
<p class="legend-note">Ally profiles in this game are stylized, not official national positions.</p></section>`;
}

/** The whole report as one HTML document; pass uPlot's script and stylesheet to draw the charts in it. */
export function reportHtml(r: Report, assets?: ChartAssets): string {
  const specs = chartSpecs(r);
  const data = JSON.stringify(specs).replace(/</g, "\\u003c");
  const scripts = assets
    ? `<script type="application/json" id="chart-data">${data}</script><script>${assets.script.replace(/<\/script/gi, "<\\/script")}</script><script>${CHART_SCRIPT}</script>`
    : "";
  return `${head(r, assets)}
<body><main>
${summary(r)}
${people(r)}
${chartsSection(specs, !!assets)}
${timeline(r)}
${heatMap(r)}
<section class="page"><h2>Drafts under the silence procedure</h2>${r.drafts.length ? r.drafts.map((d) => draft(r, d)).join("") : "<p>No draft was tabled.</p>"}</section>
<section class="page"><h2>Each ally</h2>${r.allies.map(ally).join("")}</section>
${lessons(r)}
</main>${scripts}</body></html>
`;
}
