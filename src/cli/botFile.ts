/**
 * Resolves the `--bots` list of the tournament: built-in bot names and bot files (a .ts or .js module whose
 * default export is a Bot). Every problem a user can fix is a one-line UsageError naming the bot or file.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Bot, BotView, Move } from "../sim/bots/bot.ts";
import { BUILT_IN_BOTS } from "../sim/bots/index.ts";
import { parseEvent } from "../sim/events.ts";
import type { Env } from "../sim/state.ts";
import { UsageError } from "./loadScenario.ts";

const BOT_FILE = /\.(ts|mts|js|mjs)$/;

/** A bot that failed during play: the tournament names it with the scenario, seat and seed. */
export class BotFault extends Error {
  override name = "BotFault";
}

/** True when the argument names a file rather than a built-in bot (built-in names have no dots or slashes). */
export function isBotFile(arg: string): boolean {
  return /[./\\]/.test(arg);
}

/**
 * The bot a `--bots` entry names: a built-in by name, or the default export of a bot file. Either way an
 * exception during play becomes a BotFault; a bot from a file is also fenced in (see `fenced`).
 */
export async function resolveBot(arg: string): Promise<Bot> {
  if (isBotFile(arg)) return fenced(await loadBotFile(arg));
  const bot = BUILT_IN_BOTS[arg];
  if (!bot) throw new UsageError(`unknown bot "${arg}"; built-in: ${Object.keys(BUILT_IN_BOTS).join(", ")}`);
  return {
    name: bot.name,
    act(view) {
      try {
        return bot.act(view);
      } catch (err) {
        throw new BotFault(`threw ${firstLine(err)}`);
      }
    },
  };
}

/** Loads a bot file and checks that its default export is a bot. */
export async function loadBotFile(path: string): Promise<Bot> {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`bot file ${path}: no such file`);
  if (!BOT_FILE.test(abs)) throw new UsageError(`bot file ${path}: expected a .ts or .js module`);
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(abs).href);
  } catch (err) {
    throw new UsageError(`bot file ${path}: does not load: ${firstLine(err)}`);
  }
  const bot = mod.default as Partial<Bot> | null | undefined;
  if (!bot || typeof bot !== "object" || typeof bot.name !== "string" || !bot.name || typeof bot.act !== "function")
    throw new UsageError(
      `bot file ${path}: the default export is not a bot (an object with name: string and act: function)`,
    );
  return bot as Bot;
}

/**
 * Fences in a bot from a file: it reads copies (its view's state each move, the scenario once), so it cannot
 * change the game behind the engine's back; an exception, or a move that is not a well-formed event, is a
 * BotFault.
 */
function fenced(bot: Bot): Bot {
  const envs = new WeakMap<Env, Env>();
  return {
    name: bot.name,
    act(view: BotView): Move | null {
      const env = envs.get(view.env) ?? structuredClone(view.env);
      envs.set(view.env, env);
      let move: unknown;
      try {
        move = bot.act({ ...view, state: structuredClone(view.state), env, legal: structuredClone(view.legal) });
      } catch (err) {
        throw new BotFault(`threw ${firstLine(err)}`);
      }
      if (move === null || move === undefined) return null;
      const parsed = parseEvent(move);
      if ("reason" in parsed) throw new BotFault(`returned a move that is not an event (${parsed.reason})`);
      return parsed.event;
    },
  };
}

/** The first line of an error's message (stack traces stay out of a usage message). */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name === "Error" ? "" : `${err.name}: `}${err.message}` : String(err);
  return text.split("\n")[0] ?? "";
}
