import { describe, expect, it } from "vitest";
import { cycleMinutes, LESSONS } from "../../src/materials/guide.ts";
import { handoutPages, materialsHtml } from "../../src/materials/html.ts";
import { buildMaterials } from "../../src/materials/model.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { MEASURE_IDS } from "../../src/sim/measures.ts";
import { seatedAllies } from "../../src/sim/roster.ts";
import { OBJECTIVE_IDS, type Scenario } from "../../src/sim/scenarioSchema.ts";

const roster = bundledRoster();
const scenarioOf = (id: string) => bundledScenario(id) as Scenario;

/** The sections of the document of one class, as visible text (tags dropped, entities decoded, links gone). */
function sections(html: string, cls: string): { attrs: string; text: string }[] {
  const re = new RegExp(`<section class="page ${cls}"([^>]*)>([\\s\\S]*?)</section>`, "g");
  return [...html.matchAll(re)].map((m) => ({ attrs: m[1] ?? "", text: visible(m[2] ?? "") }));
}
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Words that belong to the project's notes and files, never to a printed page. */
const INTERNAL = [
  /project's sources/i,
  /uncertain in/i,
  /in our sources/i,
  /fact sheet/i,
  /\[U\]/,
  /\[[A-Z]{1,3}(-[A-Z]+)?\d*[a-z]?\]/, // a citation key like [E1] or [I-HU]
  /\b[\w-]+\.(md|ts|json)\b/, // a file name
  /\b(src|scenarios|reference|docs)\//, // a project folder
  /\b[a-z]+_[a-z_]+\b/, // a snake_case id
  /\bundefined\b|\bNaN\b|\[object/,
];

describe.each(SCENARIO_IDS)("printable materials for %s", (id) => {
  const scenario = scenarioOf(id);
  const html = materialsHtml(scenario, roster);
  const seated = seatedAllies(roster, scenario.date);
  const cards = sections(html, "card");

  it("has a role card for every ally seated on the scenario's date, each with its name, objectives and red lines", () => {
    expect(cards.map((c) => /data-ally="([A-Z]{3})"/.exec(c.attrs)?.[1])).toEqual(seated.map((p) => p.code));
    for (const [i, p] of seated.entries()) {
      const text = cards[i]?.text ?? "";
      expect(text).toContain(p.name);
      expect(text).toMatch(/Objectives .+ Red lines/i);
      for (const line of p.redLines) expect(text).toContain(line);
    }
  });

  it("uses the scenario's instructions where it wrote them, and the profile's standing line elsewhere", () => {
    for (const [i, p] of seated.entries()) {
      const brief = scenario.roleCards[p.code]?.brief;
      if (brief) expect(cards[i]?.text).toContain(brief);
      else expect(cards[i]?.text).toContain("Standing instructions");
    }
  });

  it("holds no internal notes, file paths, raw ids or broken values anywhere", () => {
    const text = visible(html.replace(/<style>[\s\S]*?<\/style>/, ""));
    for (const r of INTERNAL) expect(text.match(r)?.[0] ?? null, String(r)).toBeNull();
    const ids = [
      ...MEASURE_IDS.filter((m) => /[A-Z]/.test(m)),
      ...OBJECTIVE_IDS.filter((o) => /[A-Z]/.test(o)),
      ...[...scenario.injects, ...scenario.optionalInjects].flatMap((i) => [i.id, ...i.evidence.map((e) => e.id)]),
    ];
    for (const raw of ids) expect(text, raw).not.toMatch(new RegExp(`\\b${raw}\\b`));
  });

  it("cites no year after the scenario's date on any role card", () => {
    const year = Number(scenario.date.slice(0, 4));
    for (const c of cards) {
      const late = [...c.text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0])).filter((y) => y > year);
      expect(late, c.text.slice(0, 80)).toEqual([]);
    }
  });

  it("prints every incident and every piece of evidence once, with its time, and never labels a planted item", () => {
    const text = sections(html, "handout")
      .map((s) => s.text)
      .join(" ");
    for (const inject of [...scenario.injects, ...scenario.optionalInjects]) {
      expect(text.split(visible(inject.title)).length - 1, inject.id).toBeGreaterThanOrEqual(1);
      for (const e of inject.evidence) expect(text.split(visible(e.title)).length - 1, e.id).toBe(1);
    }
    for (const inject of scenario.injects)
      for (const e of inject.evidence) {
        const at = inject.day * 24 + e.hour;
        const stamp = `Day ${Math.floor(at / 24)}, ${String(at % 24).padStart(2, "0")}:00 (incident + ${e.hour} h)`;
        expect(text).toContain(stamp);
      }
    const stamps = [...html.matchAll(/<p class="stamp">([^<]*)<\/p>/g)].map((m) => m[1]);
    const labels = ["Situation report", "Situation report (optional inject)", "Technical indicators"];
    for (const stamp of stamps) expect([...labels, "Intelligence report", "Claim (unverified)"]).toContain(stamp);
    expect(text).not.toMatch(/false flag|falseFlag|was planted/i);
  });

  it("keeps the answer key apart: what history did, who did it, and every source as a link", () => {
    const key = sections(html, "doc answers")[0]?.text ?? "";
    expect(key).toContain(scenario.history.outcome);
    expect(key).toContain(visible(scenario.truth.text));
    for (const s of scenario.sources)
      for (const ref of s.ref.split(" ; ")) expect(html).toContain(`href="${ref.trim().replaceAll("&", "&amp;")}"`);
    const guide = sections(html, "doc guide")[0]?.text ?? "";
    expect(guide).not.toContain(visible(scenario.truth.text));
    for (const point of scenario.teachingPoints) expect(guide).toContain(visible(point));
  });
});

describe("materials in general", () => {
  it("escapes every text it prints", () => {
    const base = scenarioOf("estonia-2007");
    const hostile = { ...base, title: `<img src=x onerror="alert(1)">`, summary: `A & B <script>alert(1)</script> …` };
    const html = materialsHtml(hostile, roster);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain("&lt;script&gt;");
    // Self-contained: nothing to fetch, no scripts.
    expect(materialsHtml(base, roster)).not.toMatch(/<(link|img|script|iframe|object)\b|<[^>]*\ssrc=|@import|url\(/);
  });

  it("gives each lesson length its minutes, and summarises incidents that do not fit", () => {
    for (const lesson of LESSONS) {
      expect(lesson.briefing + lesson.cycles + lesson.debrief).toBe(lesson.minutes);
      for (const n of [1, 2, 3, 5]) {
        const plan = cycleMinutes(lesson.cycles, n);
        expect(plan).toHaveLength(n);
        expect(plan.reduce((a, b) => a + b, 0)).toBe(lesson.cycles);
        for (const m of plan) expect(m === 0 || m >= 9).toBe(true);
      }
    }
    expect(cycleMinutes(28, 5).filter((m) => m === 0).length).toBeGreaterThan(0);
  });

  it("puts incidents alone and evidence two to a page, in order", () => {
    const m = buildMaterials(scenarioOf("notpetya-2017"), roster);
    const pages = handoutPages(m.handouts);
    expect(pages.flat()).toEqual(m.handouts);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(2);
      if (page.some((h) => h.kind === "incident")) expect(page).toHaveLength(1);
    }
  });
});
