/**
 * The after-action report: built for every bundled scenario from records the engine makes with AI seats, in
 * agreement with the engine's own summary; and one fixed record's Markdown checked by small named expectations.
 */
import { describe, expect, it } from "vitest";
import { buildReport, reportFromJson, reportFromSession } from "../../src/report/build.ts";
import { reportHtml } from "../../src/report/html.ts";
import { readReportInput } from "../../src/report/input.ts";
import { reportMarkdown } from "../../src/report/markdown.ts";
import type { Report } from "../../src/report/model.ts";
import { SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { wordedName } from "../../src/sim/measures.ts";
import { RecordError, replayRecord, type SessionRecord } from "../../src/sim/record.ts";
import { restoreSnapshot, saveSnapshot, stateOf } from "../../src/sim/session.ts";
import { summarize } from "../../src/sim/summary.ts";
import { redactState } from "../../src/sim/views.ts";
import { outcomeSentence, SCORE_TEXT } from "../../src/ui/words.ts";
import { envOf } from "../support/fixtures.ts";
import { aiRecord, negotiatedRecord } from "../support/reportRecords.ts";

const HEADINGS = [
  "## Outcome",
  "## Against the historical record",
  "## Scores",
  "## Timeline",
  "## Stances by round",
  "## Drafts under the silence procedure",
  "## Each ally",
  "## Teaching points",
  "## Sources",
  "## Questions for discussion",
];

function reportOf(record: SessionRecord): Report {
  return reportFromJson(JSON.parse(JSON.stringify(record)));
}

/** The lines of one `## ` section of a Markdown report. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = md.indexOf("\n## ", start + heading.length + 2);
  return md.slice(start, end < 0 ? undefined : end);
}

describe("the report of every bundled scenario, AI in every seat", () => {
  it.each(SCENARIO_IDS.flatMap((id) => [1, 2].map((seed) => [id, seed] as const)))("%s, seed %i", (id, seed) => {
    const record = aiRecord(id, seed);
    const report = reportOf(record);
    const engine = summarize(replayRecord(envOf(id), record));
    // The report tells the engine's story: same outcome, scores and state.
    expect(report.outcome.key).toBe(engine.outcome);
    expect(report.meta.stateHash).toBe(engine.stateHash);
    expect(report.scores.map((s) => [s.key, s.value])).toEqual(Object.entries(engine.scores));
    expect(report.meta.finished).toBe(true);
    // Every score says what raised or lowered it.
    for (const s of report.scores) expect(s.because.length).toBeGreaterThan(0);
    // The timeline covers the crisis in game order, from the first incident to the adversary's answer.
    const kinds = new Set(report.timeline.map((t) => t.kind));
    for (const k of ["inject", "evidence", "round", "draft", "response", "confidence"]) expect(kinds).toContain(k);
    const hours = report.timeline.map((t) => t.hour);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    // The numbers over time: one point per hour, every ally's line as long as the hours.
    const s = report.series;
    for (let i = 1; i < s.hours.length; i++) expect(s.hours[i]).toBeGreaterThan(s.hours[i - 1] ?? 0);
    expect(s.allies.length).toBe(envOf(id).profiles.length);
    for (const a of s.allies) expect(a.confidence.length).toBe(s.hours.length);
    for (const c of report.rounds) expect(c.stances.length).toBe(report.allies.length);
    for (const d of report.drafts) expect(d.allies.length).toBe(report.allies.length);
    // Questions for the chair, for every ally with a role card, and for everyone.
    const roles = report.questions.map((q) => q.role);
    expect(roles).toEqual(expect.arrayContaining(["chair", "all", ...Object.keys(envOf(id).scenario.roleCards)]));
    // Sources are web addresses players can open, never a project file.
    for (const src of report.sources) {
      expect(src.urls.length).toBeGreaterThan(0);
      for (const u of src.urls) expect(new URL(u).protocol).toMatch(/^https?:$/);
    }
    const md = reportMarkdown(report);
    for (const heading of HEADINGS) expect(md).toContain(`\n${heading}\n`);
    const html = reportHtml(report);
    expect(html.match(/<section/g)?.length).toBe(html.match(/<\/section>/g)?.length);
  });
});

describe("one fixed record's Markdown (estonia-2007, seed 3, the negotiator bot in the chair)", () => {
  const record = negotiatedRecord("estonia-2007", 3);
  const session = replayRecord(envOf("estonia-2007"), record);
  const log = stateOf(session).log;
  const summary = summarize(session);
  const md = reportMarkdown(reportOf(record));

  it("opens with the scenario's title, the seed and the chair played by a person", () => {
    expect(md.split("\n")[0]).toBe("# After-action report: Estonia 2007: the Bronze Soldier attacks");
    expect(md).toMatch(
      /^Scenario date 2007-04-27 · seed 3 · role: The Secretary General \(chair\) · chair played by a person/m,
    );
  });

  it("has its sections in order", () => {
    const at = HEADINGS.map((x) => md.indexOf(`\n${x}\n`));
    expect(at.every((x) => x > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("states the outcome in the debrief's own sentence", () => {
    expect(section(md, "## Outcome")).toContain(outcomeSentence(summary.outcome, summary.article4, summary.article5));
  });

  it("gives every score its engine value and a reason", () => {
    const scores = section(md, "## Scores");
    for (const [key, value] of Object.entries(summary.scores)) {
      const label = key === "role" ? "The Secretary General \\(chair\\): objectives" : SCORE_TEXT[key]?.label;
      expect(scores).toMatch(new RegExp(`\\| ${label}[^|]* \\| ${value} \\| \\S`));
    }
  });

  it("names the measure a split package decided separately", () => {
    const split = log.find((e) => e.k === "table" && e.separate.length);
    const separate = split?.k === "table" ? split.separate[0] : undefined;
    expect(separate).toBeDefined();
    // Named as tabled: in its softer text when it went softened.
    const named = separate
      ? wordedName(separate, split?.k === "table" && split.soft.includes(separate) ? "soft" : "standard")
      : "";
    expect(section(md, "## Drafts under the silence procedure")).toContain(`Decided separately: ${named}`);
  });

  it("lists every break of silence under its draft, in the ally's words", () => {
    const breaks = log.filter((e) => e.k === "break");
    const drafts = section(md, "## Drafts under the silence procedure");
    expect(breaks.length).toBeGreaterThan(0);
    expect(drafts.match(/^- .+ broke silence/gm)?.length).toBe(breaks.length);
    for (const line of drafts.match(/^- .+ broke silence.*$/gm) ?? []) expect(line).toMatch(/\): \S/);
  });

  it("puts corridor talks in the timeline with what was heard", () => {
    const talks = stateOf(session).talks;
    const timeline = section(md, "## Timeline");
    expect(talks.length).toBeGreaterThan(0);
    expect(timeline.match(/ Corridor talks: the chair met /g)?.length).toBe(talks.length);
    const first = talks[0];
    const name = envOf("estonia-2007").profiles.find((p) => p.code === first?.with)?.name ?? "?";
    expect(timeline).toContain(`Heard: ${name} would`);
  });

  it("runs the timeline by game day, ascending", () => {
    const days = [...section(md, "## Timeline").matchAll(/^### Day (\d+)$/gm)].map((m) => Number(m[1]));
    expect(days[0]).toBe(0);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it("has a stance table with a row per ally and a column per round", () => {
    const table = section(md, "## Stances by round")
      .split("\n")
      .filter((l) => l.startsWith("| "));
    const rounds = log.filter((e) => e.k === "round").length;
    expect(table.length).toBe(2 + 26); // head, rule, the 26 allies of April 2007
    expect(table[2]?.split(" | ").length).toBe(rounds + 1);
  });

  it("compresses an ally's unchanged rounds and keeps its break in its own words", () => {
    // An ally that supported the working text through a whole cycle and broke silence on a draft.
    const breaker = log.find((e) => e.k === "break")?.by;
    const name = envOf("estonia-2007").profiles.find((p) => p.code === breaker)?.name ?? "?";
    const entry = section(md, "## Each ally").split(`### ${name}`)[1]?.split("\n### ")[0] ?? "";
    expect(entry).toMatch(/Rounds 1–4: (supports|undecided|opposes)/);
    expect(entry).toMatch(/Breaks silence\. \S/);
  });

  it("links its sources and cites no project file", () => {
    const sources = section(md, "## Sources");
    expect(sources.match(/<https?:\/\/[^>\s]+>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(md).not.toMatch(/scenarios\/|\.json|fact sheet|docs\//i);
  });

  it("asks the chair, the role-card allies and everyone", () => {
    const q = section(md, "## Questions for discussion");
    for (const who of ["The Secretary General (chair)", "Estonia", "Latvia", "United States", "Germany", "Everyone"])
      expect(q).toContain(`### ${who}`);
    // The first draft that fell, by its number and time, and who broke silence on it.
    const fell = summary.decisions.findIndex((d) => !d.adopted && d.brokenBy.length);
    expect(fell).toBeGreaterThanOrEqual(0);
    const line = q.match(/Draft \d+ \(Day \d+, \d\d:00\) fell when (.+) broke silence/);
    const first = summary.decisions[fell]?.brokenBy[0];
    expect(line?.[1]).toContain(envOf("estonia-2007").profiles.find((p) => p.code === first)?.name ?? "?");
  });

  it("holds no raw HTML", () => {
    expect(md.replace(/<https?:\/\/[^>\s]+>/g, "")).not.toMatch(/<[A-Za-z/!?]/);
  });
});

describe("records that cannot make a report", () => {
  it("names the problem and where it is", () => {
    const record = aiRecord("estonia-2007", 1);
    expect(() => reportFromJson({ ...record, seed: "x" })).toThrow(/\$\.seed/);
    const moved = { ...record, events: [...record.events.slice(0, 3), { type: "silence.deadline", by: "system" }] };
    expect(() => reportFromJson(moved)).toThrow(RecordError);
    expect(() => reportFromJson({ ...record, scenario: { id: "nowhere", hash: "0123456789abcdef" } })).toThrow(
      /unknown scenario "nowhere"/,
    );
  });

  it("builds the same report from a record and from a { record } wrapper", () => {
    const record = aiRecord("notpetya-2017", 4);
    const input = readReportInput({ record });
    expect(input.record).toEqual(record);
    const scenario = envOf("notpetya-2017").scenario;
    expect(buildReport(scenario, input).meta.stateHash).toBe(reportOf(record).meta.stateHash);
  });
});

describe("a delegate's report without the record (a networked view)", () => {
  const record = aiRecord("estonia-2007", 2);
  const full = replayRecord(envOf("estonia-2007"), record);
  const saved = saveSnapshot(full);
  const view = restoreSnapshot(envOf("estonia-2007"), { ...saved, state: redactState(stateOf(full), "EST") });
  const report = reportFromSession(view);

  it("gives no figure for another seat's hidden reading, only for its own", () => {
    expect(report.meta.fromRecord).toBe(false);
    expect(report.allies.find((a) => a.code === "EST")?.finalConfidence).toBeTypeOf("number");
    expect(report.allies.filter((a) => a.code !== "EST").every((a) => a.finalConfidence === null)).toBe(true);
    const md = reportMarkdown(report);
    expect(md.split("### Latvia")[1]?.split("\n### ")[0]).not.toContain("confidence a state is behind it");
    expect(report.series.hours).toHaveLength(1); // no numbers over time without the record
    expect(report.timeline.some((t) => t.kind === "confidence")).toBe(false);
  });

  it("still tells the session's story: outcome, drafts and the timeline", () => {
    const fromRecord = reportOf(record);
    expect(report.outcome).toEqual(fromRecord.outcome);
    expect(report.drafts.map((d) => d.adopted)).toEqual(fromRecord.drafts.map((d) => d.adopted));
    expect(report.timeline.filter((t) => t.kind === "decision").length).toBe(
      fromRecord.timeline.filter((t) => t.kind === "decision").length,
    );
  });
});
