/**
 * Headless runner: plays complete sessions with AI in every seat.
 *   npm run --silent sim -- --scenario <id|path> --seed <int> [--role chair|ISO3] [--json]
 *   npm run --silent sim -- --scenario <id> --seeds 1-200      (one summary JSON per line)
 *   npm run --silent sim -- --replay record.json               (replays; prints the summary)
 *   npm run --silent sim -- --scenario <id> --seeds 1-1000 --vary <parameter>=<v1>,<v2> --csv <file>
 *                                                              (study mode: one CSV row per run, docs/study.md)
 */
import { parseArgs } from "node:util";
import { runToEnd } from "../sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { newRecord, parseRecord, RecordError, replayRecord, type SessionRecord } from "../sim/record.ts";
import { ScenarioError } from "../sim/scenarioLoader.ts";
import type { Scenario } from "../sim/scenarioSchema.ts";
import { createEnv, createSession, type SeatPlan, type Session } from "../sim/session.ts";
import { summarize } from "../sim/summary.ts";
import { VariationError } from "../sim/variation.ts";
import { loadScenario, readText, UsageError } from "./loadScenario.ts";
import { runCli } from "./runCli.ts";
import { runStudy } from "./study.ts";
import { transcriptLines } from "./transcript.ts";
import { tuneForBatchRuns } from "./v8Tuning.ts";

tuneForBatchRuns(); // a study plays thousands of sessions

function parseSeed(text: string, what: string): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${what} must be an integer, got "${text}"`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${what} is out of range: ${text}`);
  return n;
}

function seatPlan(role: string | undefined): SeatPlan {
  const r = (role ?? "chair").toUpperCase() === "CHAIR" ? "chair" : (role ?? "").toUpperCase();
  if (r !== "chair" && !/^[A-Z]{3}$/.test(r))
    throw new UsageError(`--role must be "chair" or an ISO 3166 alpha-3 ally code, got "${role}"`);
  return { role: r, chair: "ai", humans: [] };
}

function playOne(scenario: Scenario, seed: number, seats: SeatPlan) {
  const env = createEnv(scenario, bundledRoster());
  let session: Session;
  try {
    session = createSession(env, seed, seats);
  } catch (err) {
    throw new UsageError(`--role: ${(err as Error).message}`);
  }
  const run = runToEnd(session);
  const record = { ...newRecord(env, seed, seats), events: run.events };
  return { session: run.session, record, summary: summarize(run.session) };
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: "string" },
      seed: { type: "string" },
      seeds: { type: "string" },
      role: { type: "string" },
      json: { type: "boolean", default: false },
      replay: { type: "string" },
      vary: { type: "string" },
      csv: { type: "string" },
    },
    strict: true,
  });
  if (values.replay) {
    replay(values.replay);
    return;
  }
  if (!values.scenario) throw new UsageError("--scenario <id|path> is required (or --replay <record.json>)");
  const scenario = loadScenario(values.scenario);
  const seats = seatPlan(values.role);
  if ((values.vary || values.csv) && !values.seeds) throw new UsageError("--vary and --csv need --seeds (e.g. 1-1000)");
  if (values.vary && values.role) throw new UsageError("--vary plays AI in every seat; to study a seat use bot.<seat>");
  if (values.seeds) {
    const match = /^(-?\d+)-(-?\d+)$/.exec(values.seeds);
    if (!match) throw new UsageError(`--seeds must look like 1-200, got "${values.seeds}"`);
    const from = parseSeed(match[1] ?? "", "--seeds start");
    const to = parseSeed(match[2] ?? "", "--seeds end");
    if (to < from) throw new UsageError("--seeds range is empty");
    if (values.vary || values.csv) {
      runStudy({ scenarioArg: values.scenario, scenario, from, to, vary: values.vary, csv: values.csv });
      return;
    }
    for (let seed = from; seed <= to; seed++)
      process.stdout.write(`${JSON.stringify(playOne(scenario, seed, seats).summary)}\n`);
    return;
  }
  const seed = values.seed === undefined ? 1 : parseSeed(values.seed, "--seed");
  const { session, record, summary } = playOne(scenario, seed, seats);
  if (values.json) process.stdout.write(`${JSON.stringify({ record, summary })}\n`);
  else process.stdout.write(`${transcriptLines(session, summary).join("\n")}\n`);
}

function replay(path: string): void {
  let data: unknown;
  try {
    data = JSON.parse(readText(path));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const wrapped = data && typeof data === "object" && "record" in data ? (data as { record: unknown }).record : data;
  let record: SessionRecord;
  try {
    record = parseRecord(wrapped);
  } catch (err) {
    throw new UsageError(`${path}: ${(err as Error).message}`);
  }
  const scenario = bundledScenario(record.scenario.id);
  if (!scenario) throw new UsageError(`${path}: unknown scenario "${record.scenario.id}"`);
  const session = replayRecord(createEnv(scenario, bundledRoster()), record);
  process.stdout.write(`${JSON.stringify(summarize(session))}\n`);
}

await runCli("sim", main, [UsageError, ScenarioError, RecordError, VariationError]);
