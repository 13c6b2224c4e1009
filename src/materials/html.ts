/**
 * Printable materials as one self-contained HTML document: no scripts, no external files, a print stylesheet
 * that puts each role card and each handout on a page of its own. Every text is escaped. Pure.
 */
import { seatedAllies } from "../sim/roster.ts";
import type { Roster, Scenario } from "../sim/scenarioSchema.ts";
import type { Block } from "./blocks.ts";
import { answerKey, facilitatorGuide } from "./guide.ts";
import { buildMaterials, type Handout, type Materials, type RoleCard } from "./model.ts";
import { dateWords } from "./plainWords.ts";
import { chairScript } from "./script.ts";
import { MATERIALS_CSS } from "./style.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const list = (items: readonly string[], cls = "") =>
  `<ul${cls ? ` class="${cls}"` : ""}>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
const paras = (items: readonly string[], cls = "") =>
  items.map((t) => `<p${cls ? ` class="${cls}"` : ""}>${esc(t)}</p>`).join("");

function block(b: Block): string {
  const parts: string[] = [];
  if (b.h) parts.push(`<h3>${esc(b.h)}</h3>`);
  if (b.p) parts.push(paras(b.p));
  if (b.say) parts.push(`<div class="say">${paras(b.say)}</div>`);
  if (b.note) parts.push(`<div class="note">${paras(b.note)}</div>`);
  if (b.ul) parts.push(list(b.ul));
  if (b.qa)
    parts.push(
      `<ol class="questions">${b.qa.map((x) => `<li><p>${esc(x.point)}</p><p class="question">${esc(x.question)}</p></li>`).join("")}</ol>`,
    );
  if (b.links) {
    const link = (href: string) => `<a href="${esc(href)}">${esc(href)}</a>`;
    parts.push(
      `<ul class="sources">${b.links.map((l) => `<li>${esc(l.label)}<br>${l.hrefs.map(link).join("<br>")}</li>`).join("")}</ul>`,
    );
  }
  if (b.table) {
    const head = b.table.head.map((c) => `<th scope="col">${esc(c)}</th>`).join("");
    const rows = b.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("");
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
  }
  return parts.join("");
}

function header(m: Materials, what: string): string {
  return `<p class="running">${esc(m.title)} · ${esc(dateWords(m.date))} · ${esc(what)}</p>`;
}

function cardPage(m: Materials, c: RoleCard): string {
  return `<section class="page card" data-ally="${esc(c.code)}">
${header(m, "Role card")}
<h2>${esc(c.name)}</h2>
<p class="meta">Permanent Representative to the North Atlantic Council · ally since ${esc(c.joinedYear)}</p>
<h3>Your country</h3>${paras([c.profile])}
${list(c.leanings, "leanings")}
<h3>${c.specific ? "Instructions from your capital" : "Standing instructions"}</h3>${paras([c.instructions], "instructions")}
<h3>Objectives</h3>${list(c.objectives)}
<h3>Red lines</h3>${list(c.redLines, "red-lines")}
<p class="small">Basis of this stylized profile: ${esc(c.basis)} Profiles are simplified for teaching and play; they are not official positions.</p>
</section>`;
}

function estimates(lines: readonly string[]): string {
  if (!lines.length) return "";
  const rows = lines.map((l) => {
    const at = l.indexOf(": ");
    return `<tr><th scope="row">${esc(l.slice(0, at))}</th><td>${esc(l.slice(at + 2))}</td></tr>`;
  });
  return `<h3>First estimates</h3><table class="estimates"><tbody>${rows.join("")}</tbody></table>
<p class="small">Ranges: each game draws its figures within them.</p>`;
}

function slip(h: Handout): string {
  return `<div class="slip ${h.kind}${h.optional ? " optional" : ""}">
<p class="stamp">${esc(h.label)}</p>
<p class="when">${esc(h.time)}</p>
<h2>${esc(h.title)}</h2>${paras([h.text])}
${list(h.details, "details")}${estimates(h.estimates)}
</div>`;
}

/** A page of handouts: an incident alone, or up to two evidence slips to cut apart. */
function handoutPage(m: Materials, slips: readonly Handout[]): string {
  return `<section class="page handout">
${header(m, "Intelligence handout")}
${slips.map(slip).join('\n<p class="cut" aria-hidden="true"><span>✂ cut here</span></p>\n')}
</section>`;
}

/** Handouts grouped into pages in their order: incidents alone, evidence two to a page. */
export function handoutPages(handouts: readonly Handout[]): Handout[][] {
  const pages: Handout[][] = [];
  for (const h of handouts) {
    const last = pages[pages.length - 1];
    if (h.kind === "evidence" && last && last.length === 1 && last[0]?.kind === "evidence") last.push(h);
    else pages.push([h]);
  }
  return pages;
}

function referencePage(m: Materials): string {
  return `<section class="page reference">
${header(m, "Reference sheet for every delegation")}
<h2>How the Council decides</h2>
${list([
  "Consensus: there is no vote. A decision stands when no ally objects.",
  "The chair tables a draft decision under the silence procedure. If nobody breaks silence by the deadline, it is adopted; one break stops it.",
  "You may keep silence and hand the chair a statement for the record instead of blocking a text you can live with.",
  "Any ally may request consultations under Article 4 when it believes its security is threatened.",
  "Attribution is a national decision: each capital decides for itself who it believes is behind an attack.",
])}
<h2>The measures a draft can contain (${esc(dateWords(m.date))})</h2>
<dl class="measures">${m.measures.map((x) => `<dt>${esc(x.name)}</dt><dd>${esc(x.summary)}</dd>`).join("")}</dl>
</section>`;
}

function docPages(m: Materials, kind: string, title: string, blocks: readonly Block[]): string {
  return `<section class="page doc ${kind}">${header(m, title)}<h2>${esc(title)}</h2>${blocks.map(block).join("\n")}</section>`;
}

function cover(m: Materials): string {
  return `<section class="page cover">
<h1>${esc(m.title)}</h1>
<p class="meta">A North Atlantic Council cyber-crisis exercise · ${esc(dateWords(m.date))}</p>
${paras([m.summary])}
<h2>In this pack</h2>
${list([
  "The facilitator's guide: timings and discussion questions",
  "The answer key: what happened, who was behind it, the sources (keep it from the players)",
  "The Secretary General's script",
  "A reference sheet for every delegation",
  `${m.cards.length} role cards, one per ally at the table, one to a page`,
  `${m.handouts.length} intelligence handouts in the order they surface: each incident on a page, evidence two to a page to cut apart`,
])}
<p class="small no-print">Print with your browser's Print command; each card and handout starts on a new page.</p>
</section>`;
}

/** The whole pack for one scenario as an HTML document. */
export function materialsHtml(scenario: Scenario, roster: Roster): string {
  const m = buildMaterials(scenario, roster);
  const seated = seatedAllies(roster, scenario.date).length;
  const body = [
    cover(m),
    docPages(m, "guide", "Facilitator's guide", facilitatorGuide(scenario, roster, seated)),
    docPages(m, "answers", "Answer key (for the facilitator)", answerKey(scenario)),
    docPages(m, "script", "Secretary General's script", chairScript(scenario, roster, seated)),
    referencePage(m),
    ...m.cards.map((c) => cardPage(m, c)),
    ...handoutPages(m.handouts).map((slips) => handoutPage(m, slips)),
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)}: printable materials</title>
<style>${MATERIALS_CSS}</style></head>
<body>
${body}
</body></html>
`;
}
