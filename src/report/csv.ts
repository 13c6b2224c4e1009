/**
 * The report as two tidy tables for research (RFC 4180 CSV, one header row, one observation a row): every
 * event of the timeline, and every ally's stance on every draft tabled. Pure.
 */
import { peopleText } from "./markdown.ts";
import type { Report } from "./model.ts";

type Cell = string | number | boolean | null | undefined;

/** One cell: quoted when it must be; text a spreadsheet would run as a formula is prefixed with a quote. */
function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table(header: readonly string[], rows: readonly Cell[][]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

export const EVENT_COLUMNS = [
  "seq",
  "day",
  "hour",
  "game_time",
  "wall_clock",
  "kind",
  "ally_code",
  "ally_name",
  "people",
  "measures",
  "text",
  "detail",
] as const;

/** Every timeline item as a row; voiced lines under a round or a silence become rows of their own. */
export function eventsCsv(r: Report): string {
  const ally = (code?: string) => r.allies.find((a) => a.code === code);
  const rows: Cell[][] = [];
  for (const t of r.timeline) {
    const a = ally(t.code);
    rows.push([
      t.seq,
      t.day,
      t.hour,
      t.when,
      t.wall,
      t.kind,
      t.code,
      a?.name,
      a ? peopleText(a.people) : "",
      t.measures?.join("; "),
      t.text,
      t.detail,
    ]);
    for (const s of t.said ?? []) {
      const b = ally(s.code);
      rows.push([
        t.seq,
        t.day,
        t.hour,
        t.when,
        t.wall,
        "said",
        s.code,
        s.name,
        b ? peopleText(b.people) : "",
        "",
        s.text,
        s.detail,
      ]);
    }
  }
  return table(EVENT_COLUMNS, rows);
}

export const STANCE_COLUMNS = [
  "draft",
  "cycle",
  "attempt",
  "day",
  "hour",
  "measures",
  "decided_separately",
  "adopted",
  "ally_code",
  "ally_name",
  "played_by",
  "people",
  "stance_before",
  "silence",
  "objected_to",
  "words",
] as const;

/** Every ally's stance on every draft tabled: its stance in the round before, and what it did under silence. */
export function stancesCsv(r: Report): string {
  const rows: Cell[][] = r.drafts.flatMap((d) =>
    d.allies.map((x) => {
      const a = r.allies.find((y) => y.code === x.code);
      return [
        d.number,
        d.cycle,
        d.attempt,
        Math.floor(d.hour / 24),
        d.hour,
        d.measures.join("; "),
        d.separate.join("; "),
        d.adopted.join("; "),
        x.code,
        a?.name,
        a?.playedBy,
        a ? peopleText(a.people) : "",
        x.before ?? "",
        x.act,
        x.on.join("; "),
        x.words,
      ];
    }),
  );
  return table(STANCE_COLUMNS, rows);
}
