/**
 * What one connection is sent: the session as its audience may see it (src/sim/views.ts decides what is
 * private), the log from where the connection's copy ends, the seats, the waiting list and the clock.
 */
import type { Viewer, ViewMessage } from "../net/protocol.ts";
import { stateOf } from "../sim/session.ts";
import { type Audience, alliesForWire, redactState, truthRevealed } from "../sim/views.ts";
import type { CouncilSession } from "./councilSession.ts";

/** Whose eyes a connection has: the facilitator's, a seat's, or the public's (projector, a waiting person). */
export function audienceOf(viewer: Viewer): Audience {
  if (viewer.kind === "facilitator") return "facilitator";
  return viewer.kind === "player" ? (viewer.seat ?? "public") : "public";
}

/** The view for one connection; `logFrom` is how much of the log it already has. */
export function buildView(council: CouncilSession, viewer: Viewer, logFrom: number): ViewMessage {
  const audience = audienceOf(viewer);
  const { log, allies, ...rest } = redactState(stateOf(council.session), audience);
  const state = { ...rest, allies: alliesForWire(allies, audience) };
  return {
    code: council.code,
    scenario: council.session.env.scenario.id,
    seq: council.record.events.length,
    phase: council.phase,
    state,
    log: { from: logFrom, entries: log.slice(logFrom) },
    seats: council.seatStatus(viewer.kind === "facilitator"),
    waiting: council.seats
      .all()
      .filter((p) => p.seat === null && p.joinedAt !== null)
      .map((p) => ({ player: p.player, name: p.name, connected: p.connections > 0 })),
    people: viewer.kind === "facilitator" ? council.people.status() : [],
    clock: council.clockStatus(),
    viewer,
    revealed: truthRevealed(stateOf(council.session)),
  };
}
