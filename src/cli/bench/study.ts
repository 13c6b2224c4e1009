/**
 * Study benchmark: 1,000 seeds × 3 values of one parameter, the way `npm run sim -- --vary … --csv` plays and
 * writes them (rows turned into CSV text, not written to disk), on this thread. Reports the wall-clock time and
 * the CPU time of the process, which a machine shared with other work inflates less.
 */
import { BUILT_IN_BOTS } from "../../sim/bots/index.ts";
import { bundledRoster, bundledScenario } from "../../sim/catalog.ts";
import { STUDY_COLUMNS, studyRows } from "../../sim/studyRows.ts";
import { variantsOf } from "../../sim/variation.ts";
import { csvLine } from "../study.ts";
import type { Figure } from "./report.ts";

const SCENARIO = "estonia-2007";
const PARAMETER = "EST.threshold.attribution";
const VALUES = ["0.4", "0.6", "0.8"];
const SEEDS = 1000;
const TARGET_MS = 10_000;

/** The study step: wall and CPU milliseconds for SEEDS × VALUES runs with their CSV rows. */
export function studyBenchmarks(): Figure[] {
  const scenario = bundledScenario(SCENARIO);
  if (!scenario) throw new Error(`${SCENARIO} is missing`);
  const sources = {
    scenario,
    scenarioFile: `scenarios/${SCENARIO}.json`,
    roster: bundledRoster(),
    rosterFile: "scenarios/allies.json",
    bots: BUILT_IN_BOTS,
  };
  const variants = variantsOf(sources, PARAMETER, VALUES);
  for (const _ of studyRows(PARAMETER, variants, 100_000, 100_019)); // warm-up: compile the hot paths first
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (const row of studyRows(PARAMETER, variants, 1, SEEDS)) bytes += csvLine(STUDY_COLUMNS.map((c) => row[c])).length;
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const runs = SEEDS * VALUES.length;
  const note = `${SCENARIO} --seeds 1-${SEEDS} --vary ${PARAMETER}=${VALUES.join(",")} (${runs} rows, ${Math.round(bytes / 1024)} KB of CSV)`;
  return [
    {
      name: `study.${SCENARIO}.seeds_1000_values_3`,
      value: Math.round(wall),
      unit: "ms",
      target: { value: TARGET_MS, better: "lower" },
      note,
    },
    {
      name: `study.${SCENARIO}.seeds_1000_values_3_cpu`,
      value: Math.round((cpu.user + cpu.system) / 1000),
      unit: "ms",
      target: { value: TARGET_MS, better: "lower" },
      note: "the same run's CPU time",
    },
  ];
}
