/**
 * Calibration against history: every bundled scenario over many seeds with AI in every seat, printed as a
 * Markdown table (the one in docs/calibration.md).   npm run --silent calibrate -- [--seeds 1-200]
 */
import { parseArgs } from "node:util";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../sim/catalog.ts";
import { createEnv } from "../sim/session.ts";
import { study } from "../sim/study.ts";
import { tuneForBatchRuns } from "./v8Tuning.ts";

tuneForBatchRuns();

const { values } = parseArgs({ options: { seeds: { type: "string", default: "1-200" } } });
const match = /^(\d+)-(\d+)$/.exec(values.seeds);
if (!match) {
  process.stderr.write(`calibrate: --seeds must look like 1-200, got "${values.seeds}"\n`);
  process.exit(2);
}
const from = Number(match[1]);
const to = Number(match[2]);
const pct = (n: number, runs: number) => `${Math.round((n / runs) * 1000) / 10}%`;
const rows = [
  "| scenario | runs | modal outcome | outcomes | adopted measures (share of runs) | Jaccard vs history | commonest set | coalition acts | history (measures) |",
  "|---|---|---|---|---|---|---|---|---|",
];
for (const id of SCENARIO_IDS) {
  const scenario = bundledScenario(id);
  if (!scenario) continue;
  const d = study(createEnv(scenario, bundledRoster()), from, to);
  const outcomes = Object.entries(d.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${pct(v, d.runs)}`)
    .join(", ");
  const measures = Object.entries(d.measures)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${pct(v, d.runs)}`)
    .join(", ");
  rows.push(
    `| ${id} | ${d.runs} | ${d.modal} | ${outcomes} | ${measures} | ${d.jaccard.toFixed(2)} | ${pct(d.topSetShare * d.runs, d.runs)} | ${pct(d.coalitions, d.runs)} | ${scenario.history.measures.join(", ") || "none"} |`,
  );
}
process.stdout.write(`${rows.join("\n")}\n`);
