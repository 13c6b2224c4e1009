/**
 * Bot tournament: every bot plays every seat of every scenario over a range of seeds, with the built-in AI in
 * all the other seats, and the outcomes are tallied (docs/bots.md).
 *   npm run --silent tournament -- --scenario <id|file> [--scenario …] --seat <chair|ALLY> [--seat …]
 *     --seeds 1-100 --bots ai,secretariat,maximalist,negotiator[,path/to/bot.ts] [--json]
 * Markdown tables by default; with --json one line per scenario × seat × bot.
 */
import { parseArgs } from "node:util";
import type { Bot } from "../sim/bots/bot.ts";
import { BUILT_IN_BOTS } from "../sim/bots/index.ts";
import { bundledRoster } from "../sim/catalog.ts";
import { ScenarioError } from "../sim/scenarioLoader.ts";
import { createEnv } from "../sim/session.ts";
import type { Env, SeatId } from "../sim/state.ts";
import { BotFault, resolveBot } from "./botFile.ts";
import { loadScenario, UsageError } from "./loadScenario.ts";
import { runCli } from "./runCli.ts";
import { jsonLine, markdownTable, playSeeds, type Tally } from "./tournamentReport.ts";
import { tuneForBatchRuns } from "./v8Tuning.ts";

tuneForBatchRuns();

function parseSeeds(text: string): { from: number; to: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) throw new UsageError(`--seeds must look like 1-100 (or one seed, 7), got "${text}"`);
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new UsageError(`--seeds out of range: ${text}`);
  if (to < from) throw new UsageError(`--seeds range ${text} is empty`);
  return { from, to };
}

function parseSeat(text: string): SeatId {
  if (text.toLowerCase() === "chair") return "chair";
  const code = text.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code))
    throw new UsageError(`--seat must be "chair" or an ISO 3166 alpha-3 ally code, got "${text}"`);
  return code;
}

/** Checks every seat against every scenario's Council at its date. */
function checkSeats(envs: readonly Env[], seats: readonly SeatId[]): void {
  for (const env of envs)
    for (const seat of seats)
      if (seat !== "chair" && !env.index.has(seat))
        throw new UsageError(`--seat ${seat} has no seat in the ${env.scenario.id} Council on ${env.scenario.date}`);
}

async function loadBots(lists: readonly string[]): Promise<Bot[]> {
  const args = lists.flatMap((l) => l.split(",")).map((b) => b.trim());
  if (args.some((b) => !b)) throw new UsageError(`--bots has an empty entry: "${lists.join(",")}"`);
  const bots: Bot[] = [];
  for (const arg of args) {
    const bot = await resolveBot(arg);
    if (bots.some((b) => b.name === bot.name)) throw new UsageError(`--bots names the bot "${bot.name}" twice`);
    bots.push(bot);
  }
  return bots;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: "string", multiple: true },
      seat: { type: "string", multiple: true },
      seeds: { type: "string", default: "1-100" },
      bots: { type: "string", multiple: true },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.scenario?.length) throw new UsageError("--scenario <id|path> is required (repeat it for more)");
  const envs = values.scenario.map((arg) => createEnv(loadScenario(arg), bundledRoster()));
  const seats = (values.seat ?? ["chair"]).map(parseSeat);
  checkSeats(envs, seats);
  const { from, to } = parseSeeds(values.seeds);
  const bots = await loadBots(values.bots ?? [Object.keys(BUILT_IN_BOTS).join(",")]);
  const seeds = from === to ? String(from) : `${from}-${to}`;
  const t0 = performance.now();
  let runs = 0;
  for (const env of envs)
    for (const seat of seats) {
      const tallies: Tally[] = [];
      for (const bot of bots) {
        let at = from;
        try {
          tallies.push(playSeeds(env, seat, bot, from, to, (seed) => (at = seed)));
        } catch (err) {
          if (!(err instanceof BotFault)) throw err;
          throw new UsageError(`bot "${bot.name}" ${err.message} (${env.scenario.id}, seat ${seat}, seed ${at})`);
        }
        runs += to - from + 1;
        if (values.json) process.stdout.write(`${jsonLine(tallies[tallies.length - 1] as Tally)}\n`);
      }
      if (!values.json) process.stdout.write(`${markdownTable(tallies, seeds)}\n`);
    }
  if (!values.json) {
    const seconds = (performance.now() - t0) / 1000;
    process.stdout.write(`${runs} runs in ${seconds.toFixed(2)} s: ${Math.round(runs / seconds)} runs/s\n`);
  }
}

await runCli("tournament", main, [UsageError, ScenarioError]);
