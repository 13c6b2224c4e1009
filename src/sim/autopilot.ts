/**
 * The driver for seats nobody plays: which system event comes next (rounds, clock, deadlines), and runs
 * of a whole session with AI everywhere. Pure: decisions come from the state alone, so a restored
 * snapshot continues exactly as the original would have.
 */
import { aiBot } from "./bots/aiBot.ts";
import { askBot } from "./bots/bot.ts";
import type { EngineEvent } from "./events.ts";
import { applyParsed, phaseOf, type Session, stateOf } from "./session.ts";
import type { SeatId } from "./state.ts";

/** Hours of national analysis before the Council turns from attribution to consultation. */
export const ATTRIBUTION_WINDOW_HOURS = 48;

/** The next event the session's own driver sends, or null when it waits for a person (or is over). */
export function nextSystemEvent(session: Session): EngineEvent | null {
  const s = stateOf(session);
  switch (phaseOf(session)) {
    case "briefing":
      return { type: "session.start", by: "system" };
    case "incident":
      return { type: "phase.advance", by: "system" };
    case "attribution": {
      const start = s.injects[s.injects.length - 1]?.startHour ?? s.hour;
      const until = Math.max(start + ATTRIBUTION_WINDOW_HOURS, s.awaitUntil ?? 0);
      return s.hour < until ? { type: "ai.round", by: "system" } : { type: "phase.advance", by: "system" };
    }
    case "consultation":
      return s.round < session.env.scenario.settings.maxConsultationRounds ? { type: "ai.round", by: "system" } : null;
    case "decision":
      return { type: "silence.deadline", by: "system" };
    case "response":
      return { type: "response.resolve", by: "system" };
    case "debrief":
      return null;
  }
}

/** Plays the session forward with its own driver until it ends or waits; returns the events it applied. */
export function runToEnd(session: Session, limit = 2000): { session: Session; events: EngineEvent[] } {
  const events: EngineEvent[] = [];
  let current = session;
  for (let i = 0; i < limit; i++) {
    const event = nextSystemEvent(current);
    if (!event) break;
    const result = applyParsed(current, event);
    if (!result.ok) throw new Error(`driver event ${event.type} was refused: ${result.reason}`);
    current = result.session;
    events.push(event);
  }
  return { session: current, events };
}

/**
 * What the AI would do now for a seat a person plays — for autoplay and hints — or null when it would wait:
 * the `ai` bot's move, made from that seat's own view. Each suggestion changes the state so that it is not
 * suggested again (one statement a round, one break or reservation).
 */
export function suggestMove(session: Session, seat: SeatId): EngineEvent | null {
  return askBot(aiBot, session, seat);
}
