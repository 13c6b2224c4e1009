/**
 * The report's exports: CSV that a standard parser reads back to the report's own rows, a classroom record
 * whose students' names, teams and wall-clock times reach every format as text (never markup or formulas).
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { reportFromJson } from "../../src/report/build.ts";
import { EVENT_COLUMNS, eventsCsv, STANCE_COLUMNS, stancesCsv } from "../../src/report/csv.ts";
import { reportHtml } from "../../src/report/html.ts";
import { readReportInput } from "../../src/report/input.ts";
import { reportMarkdown } from "../../src/report/markdown.ts";
import type { SessionRecord } from "../../src/sim/record.ts";
import { negotiatedRecord, personRecord } from "../support/reportRecords.ts";

const rowsOf = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

describe("CSV exports read back with a standard parser", () => {
  const report = reportFromJson(negotiatedRecord("estonia-2007", 3));

  it("events: one row per timeline item and per voiced line under it, with the report's columns", () => {
    const rows = rowsOf(eventsCsv(report));
    expect(Object.keys(rows[0] ?? {})).toEqual([...EVENT_COLUMNS]);
    const said = report.timeline.reduce((n, t) => n + (t.said?.length ?? 0), 0);
    expect(rows.length).toBe(report.timeline.length + said);
    const first = report.timeline.find((t) => t.text.includes(","));
    expect(rows.find((r) => r.seq === String(first?.seq) && r.kind !== "said")?.text).toBe(first?.text);
    expect(rows.filter((r) => r.kind === "talk").length).toBe(report.timeline.filter((t) => t.kind === "talk").length);
  });

  it("stances: one row per ally per draft, its silence act and words intact", () => {
    const rows = rowsOf(stancesCsv(report));
    expect(Object.keys(rows[0] ?? {})).toEqual([...STANCE_COLUMNS]);
    expect(rows.length).toBe(report.drafts.length * report.allies.length);
    const broke = report.drafts.flatMap((d) => d.allies.filter((a) => a.act === "broke silence"));
    const csvBroke = rows.filter((r) => r.silence === "broke silence");
    expect(csvBroke.map((r) => r.words)).toEqual(broke.map((a) => a.words));
    for (const r of rows) expect(["support", "undecided", "oppose", ""]).toContain(r.stance_before);
  });
});

/** A facilitator's export: the record with the students' names and teams, and a wall-clock time on each event. */
function classroomExport(record: SessionRecord): unknown {
  const start = Date.UTC(2026, 2, 9, 9, 0, 0);
  return {
    record: {
      ...record,
      events: record.events.map((e, i) => ({ ...e, at: new Date(start + i * 4000).toISOString() })),
    },
    people: [
      { name: "Ana Müller", seat: "EST", team: "Baltic desk" },
      { name: "<img src=x onerror=alert(1)>", seat: "EST", team: "Baltic desk" },
      { name: '=HYPERLINK("http://x")', seat: "chair" },
    ],
  };
}

describe("a classroom record with students' names", () => {
  const record = personRecord("estonia-2007", 5, "EST");
  const data = classroomExport(record);
  const report = reportFromJson(data);

  it("reads the names, teams and seats, and the events' wall-clock times", () => {
    const input = readReportInput(data);
    expect(input.record.events.length).toBe(record.events.length);
    expect(input.people.map((p) => [p.seat, p.team ?? null])).toEqual([
      ["EST", "Baltic desk"],
      ["EST", "Baltic desk"],
      ["chair", null],
    ]);
    expect(input.wall[0]).toBe("2026-03-09T09:00:00.000Z");
    const estonia = report.allies.find((a) => a.code === "EST");
    expect(estonia?.playedBy).toBe("person");
    expect(estonia?.people.map((p) => p.name)).toContain("Ana Müller");
    expect(report.timeline.filter((t) => t.wall).length).toBeGreaterThan(report.timeline.length / 2);
  });

  it("shows the students by their seat in Markdown, as text", () => {
    const md = reportMarkdown(report);
    expect(md).toContain("## Students and teams");
    expect(md).toMatch(/\| Estonia \| Ana Müller, &lt;img src=x onerror=alert\(1\)> \(team Baltic desk\) \|/);
    expect(md).toMatch(/played by Ana Müller, .* \(team Baltic desk\)/);
    expect(md).not.toContain("<img");
  });

  it("shows them in HTML escaped, never as markup", () => {
    const html = reportHtml(report);
    expect(html).toContain("Ana Müller");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(html).not.toContain("<img");
  });

  it("carries them into the CSV, with a formula defused", () => {
    const events = rowsOf(eventsCsv(report));
    expect(events.some((r) => r.ally_code === "EST" && r.people?.includes("Ana Müller"))).toBe(true);
    expect(events.some((r) => /^\d{4}-\d{2}-\d{2}T/.test(r.wall_clock ?? ""))).toBe(true);
    const stances = rowsOf(stancesCsv(report));
    expect(stances.find((r) => r.ally_code === "EST")?.played_by).toBe("person");
    // The chair's student is not an ally row; a name that looks like a formula is read as text wherever it is.
    const chairName = report.people.find((p) => p.seat === "chair")?.name ?? "";
    expect(
      eventsCsv({ ...report, timeline: report.timeline.slice(0, 1).map((t) => ({ ...t, text: chairName })) }),
    ).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("reads the facilitator's export from the server: members by seat and role, acts timed by event index", () => {
    const acts = record.events.flatMap((e, i) => (e.by === "EST" ? [i] : []));
    const at = (i: number) => new Date(Date.UTC(2026, 2, 9, 10, 0, i)).toISOString();
    const exported = {
      ...record,
      people: {
        note: "Names are the facilitator's: keep this file private.",
        seating: "key-roles",
        members: [
          { name: "Ana", seat: "EST", role: "speaker", fromClassList: true, joinedAt: at(0) },
          { name: "Ben", seat: "EST", role: "adviser", fromClassList: true, joinedAt: at(1) },
          { name: "Cleo", seat: null, role: null, fromClassList: true, joinedAt: null },
        ],
        timeline: acts.map((i) => ({ at: at(i), kind: "act", name: "Ana", seat: "EST", event: i, detail: "x" })),
      },
    };
    const input = readReportInput(exported);
    expect(input.people).toEqual([
      { name: "Ana", seat: "EST", role: "speaker" },
      { name: "Ben", seat: "EST", role: "adviser" },
    ]);
    expect(acts.length).toBeGreaterThan(0);
    for (const i of acts) expect(input.wall[i]).toBe(at(i));
    const md = reportMarkdown(reportFromJson(exported));
    expect(md).toContain("| Estonia | Ana (speaker), Ben (adviser) |");
    expect(md).toMatch(/### Estonia\n\nplayed by Ana \(speaker\), Ben \(adviser\)/);
    expect(md).not.toContain("Cleo");
  });

  it("reads names kept in the seats as a map, too", () => {
    const other = reportFromJson({ ...record, seats: { ...record.seats, names: { EST: ["Bo", "Cy"] } } });
    expect(other.allies.find((a) => a.code === "EST")?.people.map((p) => p.name)).toEqual(["Bo", "Cy"]);
  });

  it("without names, says who played a seat and leaves the students out", () => {
    const plain = reportFromJson(record);
    expect(plain.people).toEqual([]);
    const md = reportMarkdown(plain);
    expect(md).not.toContain("## Students and teams");
    expect(md).toMatch(/### Estonia\n\nplayed by a person/);
  });
});
