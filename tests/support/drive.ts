/** Small drivers for engine tests: unwrap an accepted event, run the session's own driver to a phase. */
import { nextSystemEvent } from "../../src/sim/autopilot.ts";
import { type ApplyResult, applyEvent, phaseOf, type Session } from "../../src/sim/session.ts";

/** The session after an accepted event; throws with the engine's reason if it was refused. */
export function ok(r: ApplyResult): Session {
  if (!r.ok) throw new Error(r.reason);
  return r.session;
}

/** The engine's reason for refusing an event; throws if it was accepted. */
export function refused(r: ApplyResult): string {
  if (r.ok) throw new Error("accepted");
  return r.reason;
}

/** Drives the session with its own driver until the phase is reached. */
export function until(session: Session, phase: string): Session {
  let s = session;
  for (let i = 0; i < 500 && phaseOf(s) !== phase; i++) {
    const e = nextSystemEvent(s);
    if (!e) throw new Error(`driver waits in ${phaseOf(s)}`);
    s = ok(applyEvent(s, e));
  }
  if (phaseOf(s) !== phase) throw new Error(`driver did not reach ${phase} in 500 steps (at ${phaseOf(s)})`);
  return s;
}
