/**
 * Benchmarks, printed as one JSON object per line ({"name","value","unit"}) followed by a readable table.
 * Figures are compared in the same run against their targets; nothing here is a pass/fail test.
 *   npm run bench
 */
import { engineBenchmarks } from "./bench/engine.ts";
import { type Figure, printTable } from "./bench/report.ts";
import { webBenchmarks } from "./bench/web.ts";

const figures: Figure[] = [];
const emit = (f: Figure) => {
  figures.push(f);
  process.stdout.write(`${JSON.stringify({ name: f.name, value: f.value, unit: f.unit })}\n`);
};
for (const f of engineBenchmarks()) emit(f);
for (const f of await webBenchmarks()) emit(f);
printTable(figures);
