/** Records for the after-action report's tests, made by the engine: AI in every seat, or a bot in one seat. */
import { runToEnd } from "../../src/sim/autopilot.ts";
import { aiBot } from "../../src/sim/bots/aiBot.ts";
import { negotiatorBot } from "../../src/sim/bots/negotiatorBot.ts";
import { botSeats, playWithBot } from "../../src/sim/bots/play.ts";
import { newRecord, type SessionRecord } from "../../src/sim/record.ts";
import { createSession, type SeatPlan } from "../../src/sim/session.ts";
import { envOf } from "./fixtures.ts";

/** A whole session with the AI in every seat (the chair's role scored), as the CLI's sim writes it. */
export function aiRecord(scenarioId: string, seed: number): SessionRecord {
  const env = envOf(scenarioId);
  const seats: SeatPlan = { role: "chair", chair: "ai", humans: [] };
  const run = runToEnd(createSession(env, seed, seats));
  return { ...newRecord(env, seed, seats), events: run.events };
}

/** The negotiator bot in the chair: corridor talks, a split package, breaks of silence. */
export function negotiatedRecord(scenarioId: string, seed: number): SessionRecord {
  const env = envOf(scenarioId);
  const run = playWithBot(env, seed, "chair", negotiatorBot);
  return { ...newRecord(env, seed, botSeats("chair")), events: run.events };
}

/** An ally's seat played as a person would (the `ai` bot's moves sent as that seat's own events). */
export function personRecord(scenarioId: string, seed: number, seat: string): SessionRecord {
  const env = envOf(scenarioId);
  const run = playWithBot(env, seed, seat, aiBot);
  return { ...newRecord(env, seed, botSeats(seat)), events: run.events };
}
