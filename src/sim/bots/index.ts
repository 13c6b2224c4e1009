/** The bots that ship with the game, by name. */
import { aiBot } from "./aiBot.ts";
import type { Bot } from "./bot.ts";
import { negotiatorBot } from "./negotiatorBot.ts";
import { maximalistBot, secretariatBot } from "./simpleBots.ts";

export const BUILT_IN_BOTS: Readonly<Record<string, Bot>> = {
  ai: aiBot,
  secretariat: secretariatBot,
  maximalist: maximalistBot,
  negotiator: negotiatorBot,
};
