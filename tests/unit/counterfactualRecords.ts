/** Records for the counterfactual tests: played by the engine's own driver, with a person's moves scripted. */
import { nextSystemEvent, suggestMove } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import type { EngineEvent } from "../../src/sim/events.ts";
import { newRecord, type SessionRecord } from "../../src/sim/record.ts";
import { applyParsed, createEnv, createSession, type SeatPlan, type Session } from "../../src/sim/session.ts";
import type { Env, SeatId } from "../../src/sim/state.ts";

export function envOf(id: string): Env {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  return createEnv(scenario, bundledRoster());
}

export function soloSeats(role: SeatId): SeatPlan {
  return role === "chair" ? { role, chair: "human", humans: [] } : { role, chair: "ai", humans: [role] };
}

/**
 * Plays a session to its end: the person's seat plays `script` (which may return null to let the AI's own
 * suggestion stand), the driver does the rest, as autoplay does in the browser.
 */
export function play(
  env: Env,
  seed: number,
  seats: SeatPlan,
  script: (session: Session, seat: SeatId) => EngineEvent | null | undefined = () => undefined,
): SessionRecord {
  let session = createSession(env, seed, seats);
  const record = newRecord(env, seed, seats);
  const people: SeatId[] = [...(seats.chair === "human" ? ["chair"] : []), ...seats.humans];
  for (let i = 0; i < 3000; i++) {
    let event: EngineEvent | null = null;
    for (const seat of people) {
      const scripted = script(session, seat);
      event = scripted === undefined ? suggestMove(session, seat) : scripted;
      if (event) break;
    }
    event ??= nextSystemEvent(session);
    if (!event) break;
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`${event.type}: ${result.reason}`);
    session = result.session;
    record.events.push(result.event);
  }
  return record;
}
