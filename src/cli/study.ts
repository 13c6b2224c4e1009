/**
 * Study mode of `npm run sim`: the same seeds once per value of one parameter, one CSV row per run
 * (docs/study.md), and a short tally per value on stdout when the rows go to a file.
 *   npm run --silent sim -- --scenario <id> --seeds 1-1000 --vary <parameter>=<v1>,<v2> --csv <file>
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { BUILT_IN_BOTS } from "../sim/bots/index.ts";
import { bundledRoster } from "../sim/catalog.ts";
import type { Scenario } from "../sim/scenarioSchema.ts";
import { STUDY_COLUMNS, type StudyRow, studyRows } from "../sim/studyRows.ts";
import { asWritten, parseVary, type Variant, variantsOf } from "../sim/variation.ts";
import { UsageError } from "./loadScenario.ts";

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line with its line break. */
export function csvLine(values: readonly (string | number | boolean)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export interface StudyArgs {
  scenarioArg: string; // as given: a bundled id or a file path
  scenario: Scenario;
  from: number;
  to: number;
  vary: string | undefined; // "<parameter>=<v1>,<v2>"; none: one row per seed as written
  csv: string | undefined; // a file, or "-" / none for stdout
}

/** The file name errors should name for the scenario argument. */
function scenarioFile(arg: string): string {
  return !arg.endsWith(".json") && !arg.includes("/") ? `scenarios/${arg}.json` : arg;
}

/** The variants to play; without --vary, the scenario as written (parameter and value left empty). */
function variantsFor(args: StudyArgs): { parameter: string; variants: Variant[] } {
  const sources = {
    scenario: args.scenario,
    scenarioFile: scenarioFile(args.scenarioArg),
    roster: bundledRoster(),
    rosterFile: "scenarios/allies.json",
    bots: BUILT_IN_BOTS,
  };
  if (!args.vary) return { parameter: "", variants: [asWritten(sources)] };
  const { parameter, values } = parseVary(args.vary);
  return { parameter, variants: variantsOf(sources, parameter, values) };
}

/** Runs the study and writes its rows. Errors in the parameter surface before any run. */
export function runStudy(args: StudyArgs): void {
  const { parameter, variants } = variantsFor(args);
  const toFile = args.csv !== undefined && args.csv !== "-";
  let fd = 1;
  if (toFile) {
    try {
      fd = openSync(args.csv as string, "w");
    } catch (err) {
      throw new UsageError(`${args.csv}: cannot write file (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  const tallies = new Map<string, Map<string, number>>(variants.map((v) => [v.value, new Map()]));
  const t0 = performance.now();
  let chunk = csvLine(STUDY_COLUMNS);
  let rows = 0;
  for (const row of studyRows(parameter, variants, args.from, args.to)) {
    chunk += csvLine(STUDY_COLUMNS.map((c) => row[c]));
    count(tallies, row);
    rows++;
    if (chunk.length > 1 << 16) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  if (!toFile) return;
  closeSync(fd);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(summaryLines(parameter, tallies, rows, seconds, args.csv as string).join("\n"));
}

function count(tallies: Map<string, Map<string, number>>, row: StudyRow): void {
  const t = tallies.get(String(row.value));
  if (t) t.set(String(row.outcome), (t.get(String(row.outcome)) ?? 0) + 1);
}

function summaryLines(
  parameter: string,
  tallies: Map<string, Map<string, number>>,
  rows: number,
  seconds: number,
  file: string,
): string[] {
  const lines = [`${parameter}: outcomes per value`];
  for (const [value, t] of tallies) {
    const parts = [...t.entries()].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`);
    lines.push(`  ${value}: ${parts.join(", ")}`);
  }
  lines.push(`${rows} rows written to ${file} in ${seconds.toFixed(2)} s`, "");
  return lines;
}
