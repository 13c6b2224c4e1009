/**
 * The after-action report of a session record:
 *   npm run --silent report -- <record.json> [--format md|html|csv|json|pdf] [--out <file>]
 * md, html and json go to standard output unless --out names a file; csv writes <out>-events.csv and
 * <out>-stances.csv; pdf writes <out> (default: the record's name with .pdf). Exit 2 with one line on bad input.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { reportFromJson } from "../report/build.ts";
import { eventsCsv, stancesCsv } from "../report/csv.ts";
import { reportHtml } from "../report/html.ts";
import { recordWithReport } from "../report/input.ts";
import { reportMarkdown } from "../report/markdown.ts";
import { RecordError } from "../sim/record.ts";
import { readText, UsageError } from "./loadScenario.ts";
import { chartAssets } from "./reportAssets.ts";
import { NoChromiumError, writePdf } from "./reportPdf.ts";
import { runCli } from "./runCli.ts";

const FORMATS = ["md", "html", "csv", "json", "pdf"] as const;
type Format = (typeof FORMATS)[number];

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

/** Where a file goes: --out, else the record's path with a new ending. */
function target(recordPath: string, out: string | undefined, ending: string): string {
  return out ?? `${recordPath.replace(/\.json$/i, "")}${ending}`;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "md" }, out: { type: "string" } },
  });
  const path = positionals[0];
  if (!path || positionals.length > 1)
    throw new UsageError("give one record file: report <record.json> [--format md|html|csv|json|pdf] [--out file]");
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}"`);
  const data = readJson(path);
  let report: ReturnType<typeof reportFromJson>;
  try {
    report = reportFromJson(data);
  } catch (err) {
    if (err instanceof RecordError) throw new UsageError(`${path}: ${err.message}`);
    throw err;
  }
  const emit = (text: string) => {
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`report: wrote ${values.out}\n`);
    } else process.stdout.write(text);
  };
  if (format === "md") emit(reportMarkdown(report));
  else if (format === "html") emit(reportHtml(report, chartAssets()));
  else if (format === "json") emit(`${JSON.stringify(recordWithReport(data, report), null, 2)}\n`);
  else if (format === "csv") {
    const base = target(path, values.out?.replace(/\.csv$/i, ""), "");
    for (const [name, text] of [
      ["events", eventsCsv(report)],
      ["stances", stancesCsv(report)],
    ] as const) {
      writeFileSync(`${base}-${name}.csv`, text);
      process.stderr.write(`report: wrote ${base}-${name}.csv\n`);
    }
  } else {
    const out = target(path, values.out, ".pdf");
    const bytes = await writePdf(reportHtml(report, chartAssets()), out);
    process.stderr.write(`report: wrote ${out} (${Math.round(bytes / 1024)} kB)\n`);
  }
}

await runCli("report", main, [UsageError, RecordError, NoChromiumError]);
