/** Plays a session with a bot in one seat and the built-in AI everywhere else. Pure: same inputs, same game. */
import { nextSystemEvent } from "../autopilot.ts";
import type { EngineEvent } from "../events.ts";
import { applyParsed, createSession, type SeatPlan, type Session } from "../session.ts";
import type { Env, SeatId } from "../state.ts";
import { askBot, type Bot } from "./bot.ts";

/** Most moves a bot may make between two steps of the session's own driver (a bound, not a rule). */
export const MOVES_PER_STEP = 16;

/** The seat plan for a bot in `seat`: a person's seat, as far as the engine knows. */
export function botSeats(seat: SeatId): SeatPlan {
  return seat === "chair" ? { role: "chair", chair: "human", humans: [] } : { role: seat, chair: "ai", humans: [seat] };
}

/**
 * Plays to the debrief: the bot moves while it wants to, then the driver takes one step. If both wait (a
 * chair bot that never tables), the Council closes consultation without a decision.
 */
export function playWithBot(
  env: Env,
  seed: number,
  seat: SeatId,
  bot: Bot,
  limit = 5000,
): { session: Session; events: EngineEvent[] } {
  let session = createSession(env, seed, botSeats(seat));
  const events: EngineEvent[] = [];
  const apply = (event: EngineEvent) => {
    const r = applyParsed(session, event);
    if (!r.ok) throw new Error(`${event.type} was refused: ${r.reason}`);
    session = r.session;
    events.push(r.event);
  };
  for (let step = 0; step < limit; step++) {
    let moved = 0;
    for (let move = askBot(bot, session, seat); move && moved < MOVES_PER_STEP; move = askBot(bot, session, seat)) {
      apply(move);
      moved++;
    }
    const own = nextSystemEvent(session);
    if (own) apply(own);
    else if (seat === "chair" && session.snapshot.value === "consultation")
      apply({ type: "consultation.close", by: "chair" });
    else break;
  }
  return { session, events };
}
