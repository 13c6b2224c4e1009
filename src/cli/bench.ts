/**
 * Benchmarks, printed as one JSON object per line ({"name","value","unit"}) followed by a readable table.
 * Figures are compared in the same run against their targets; nothing here is a pass/fail test.
 *   npm run bench                  engine, tournament, web and load
 *   npm run bench -- --load-only   the classroom load run only (src/cli/bench/load.ts)
 *   npm run bench -- --engine-only the engine, tournament and game-length figures only (no browser, no server)
 *   npm run bench -- --length-only the game length at each pace for each scenario only (src/cli/bench/gameLength.ts)
 *   npm run bench -- --counterfactual-only  the counterfactual search's time per record only (bench/counterfactual.ts)
 *   npm run bench -- --study-only  the study step only: 1,000 seeds × 3 values with CSV rows (src/cli/bench/study.ts)
 *   npm run bench -- --soak [--minutes 10 --classrooms 30]   classrooms for minutes, drops, a crash (bench/soak.ts)
 *   npm run bench -- --steady-rates-only   the engine's steady rates only, one JSON line per scenario
 */
import { counterfactualBenchmarks } from "./bench/counterfactual.ts";
import { engineBenchmarks, steadyRatesOnly, v8DefaultsBenchmarks } from "./bench/engine.ts";
import { gameLengthBenchmarks } from "./bench/gameLength.ts";
import { type Figure, printTable } from "./bench/report.ts";
import { soakBenchmarks, soakOptions } from "./bench/soak.ts";
import { studyBenchmarks } from "./bench/study.ts";
import { tournamentBenchmarks } from "./bench/tournament.ts";
import { webBenchmarks } from "./bench/web.ts";
import { tuneForBatchRuns } from "./v8Tuning.ts";

const loadOnly = process.argv.includes("--load-only");
const engineOnly = process.argv.includes("--engine-only");
const lengthOnly = process.argv.includes("--length-only");
const soak = process.argv.includes("--soak");
if (!soak && !loadOnly) tuneForBatchRuns(); // the engine is measured as the batch commands run it
const figures: Figure[] = [];
const emit = (f: Figure) => {
  figures.push(f);
  process.stdout.write(`${JSON.stringify({ name: f.name, value: f.value, unit: f.unit })}\n`);
};
if (process.argv.includes("--steady-rates-only")) {
  steadyRatesOnly(); // the child of v8DefaultsBenchmarks
  process.exit(0);
}
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
if (soak) for (const f of await soakBenchmarks(soakOptions(process.argv))) emit(f);
else if (lengthOnly) for (const f of gameLengthBenchmarks()) emit(f);
else if (!loadOnly) {
  for (const f of engineBenchmarks()) emit(f);
  for (const f of v8DefaultsBenchmarks()) emit(f);
  for (const f of tournamentBenchmarks()) emit(f);
  for (const f of studyBenchmarks()) emit(f);
  for (const f of counterfactualBenchmarks()) emit(f);
  for (const f of gameLengthBenchmarks()) emit(f);
  if (!engineOnly) for (const f of await webBenchmarks()) emit(f);
}
// Loaded here, not above: the load clients load the SDK, which picks its WebSocket once (the soak gives it `ws`).
if (!engineOnly && !lengthOnly && !soak)
  for (const f of await (await import("./bench/load.ts")).loadBenchmarks()) emit(f);
printTable(figures);
