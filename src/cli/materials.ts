/**
 * Printable materials for a tabletop or classroom session, from the scenario files (src/materials):
 *   npm run materials -- <scenario|path|all> [--out dir] [--pdf]
 * Writes <out>/<id>-materials.html (self-contained, prints one card or handout per page) and, with --pdf,
 * <out>/<id>-materials.pdf through headless Chromium where it is installed. The default folder is ./materials.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { materialsHtml } from "../materials/html.ts";
import { bundledRoster, SCENARIO_IDS } from "../sim/catalog.ts";
import { ScenarioError } from "../sim/scenarioLoader.ts";
import { chromiumAvailable, chromiumMissingMessage } from "./browser.ts";
import { loadScenario, UsageError } from "./loadScenario.ts";
import { htmlToPdf } from "./reportPdf.ts";
import { runCli } from "./runCli.ts";

function write(path: string, data: string | Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (err) {
    throw new UsageError(`${path}: cannot write file (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: "string", default: "materials" }, pdf: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(
      `name one scenario (${SCENARIO_IDS.join(", ")}, a file, or all): npm run materials -- <scenario>`,
    );
  const arg = positionals[0] ?? "";
  const scenarios = arg === "all" ? SCENARIO_IDS.map(loadScenario) : [loadScenario(arg)];
  if (values.pdf && !chromiumAvailable()) throw new UsageError(`${chromiumMissingMessage("--pdf")}`);
  try {
    mkdirSync(values.out, { recursive: true });
  } catch (err) {
    throw new UsageError(`${values.out}: cannot create folder (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  for (const scenario of scenarios) {
    const html = materialsHtml(scenario, bundledRoster());
    const file = join(values.out, `${scenario.id}-materials.html`);
    write(file, html);
    process.stdout.write(`${file}\n`);
    if (!values.pdf) continue;
    const pdfFile = join(values.out, `${scenario.id}-materials.pdf`);
    write(pdfFile, await htmlToPdf(html));
    process.stdout.write(`${pdfFile}\n`);
  }
}

await runCli("materials", main, [UsageError, ScenarioError]);
