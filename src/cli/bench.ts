/**
 * Benchmarks, printed as one JSON object per line ({"name","value","unit"}) followed by a readable table.
 * Figures are compared in the same run against their targets; nothing here is a pass/fail test.
 *   npm run bench                  engine, tournament, web and load
 *   npm run bench -- --load-only   the classroom load run only (src/cli/bench/load.ts)
 *   npm run bench -- --engine-only the engine, tournament and game-length figures only (no browser, no server)
 *   npm run bench -- --length-only the game length at each pace for each scenario only (src/cli/bench/gameLength.ts)
 *   npm run bench -- --counterfactual-only  the counterfactual search's time per record only (bench/counterfactual.ts)
 *   npm run bench -- --study-only  the study step only: 1,000 seeds × 3 values with CSV rows (src/cli/bench/study.ts)
 */
import { counterfactualBenchmarks } from "./bench/counterfactual.ts";
import { engineBenchmarks } from "./bench/engine.ts";
import { gameLengthBenchmarks } from "./bench/gameLength.ts";
import { loadBenchmarks } from "./bench/load.ts";
import { type Figure, printTable } from "./bench/report.ts";
import { studyBenchmarks } from "./bench/study.ts";
import { tournamentBenchmarks } from "./bench/tournament.ts";
import { webBenchmarks } from "./bench/web.ts";

const loadOnly = process.argv.includes("--load-only");
const engineOnly = process.argv.includes("--engine-only");
const lengthOnly = process.argv.includes("--length-only");
const figures: Figure[] = [];
const emit = (f: Figure) => {
  figures.push(f);
  process.stdout.write(`${JSON.stringify({ name: f.name, value: f.value, unit: f.unit })}\n`);
};
if (process.argv.includes("--counterfactual-only")) {
  for (const f of counterfactualBenchmarks()) emit(f);
  printTable(figures);
  process.exit(0);
}
if (process.argv.includes("--study-only")) {
  for (const f of studyBenchmarks()) emit(f);
  printTable(figures);
  process.exit(0);
}
if (lengthOnly) for (const f of gameLengthBenchmarks()) emit(f);
else if (!loadOnly) {
  for (const f of engineBenchmarks()) emit(f);
  for (const f of tournamentBenchmarks()) emit(f);
  for (const f of studyBenchmarks()) emit(f);
  for (const f of counterfactualBenchmarks()) emit(f);
  for (const f of gameLengthBenchmarks()) emit(f);
  if (!engineOnly) for (const f of await webBenchmarks()) emit(f);
}
if (!engineOnly && !lengthOnly) for (const f of await loadBenchmarks()) emit(f);
printTable(figures);
