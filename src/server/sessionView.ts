/**
 * What one connection is sent: the session as its audience may see it (src/sim/views.ts decides what is
 * private), the log from where the connection's copy ends, the seats, the waiting list and the clock.
 */
import type { Viewer, ViewMessage } from "../net/protocol.ts";
import { stateOf } from "../sim/session.ts";
import { type Audience, alliesForWire, redactLog, redactState } from "../sim/views.ts";
import type { CouncilSession } from "./councilSession.ts";

/** Whose eyes a connection has: the facilitator's, a seat's, or the public's (projector, a waiting person). */
export function audienceOf(viewer: Viewer): Audience {
  if (viewer.kind === "facilitator") return "facilitator";
  return viewer.kind === "player" ? (viewer.seat ?? "public") : "public";
}

/** The view for one connection; `logFrom` is how much of the log it already has. */
export function buildView(council: CouncilSession, viewer: Viewer, logFrom: number): ViewMessage {
  const audience = audienceOf(viewer);
  const full = stateOf(council.session);
  // The log is redacted apart, from `logFrom` on only: a long session's whole log for every view adds up.
  const { log: _log, allies, ...rest } = redactState({ ...full, log: [] }, audience);
  const state = { ...rest, allies: alliesForWire(allies, audience) };
  const tail = full.log.slice(logFrom);
  return {
    code: council.code,
    scenario: council.session.env.scenario.id,
    seq: council.record.events.length,
    phase: council.phase,
    state,
    log: { from: logFrom, entries: audience === "facilitator" ? tail : redactLog(tail, audience) },
    seats: council.seatStatus(viewer.kind === "facilitator"),
    waiting: council.seats
      .all()
      .filter((p) => p.seat === null && p.joinedAt !== null)
      .map((p) => ({ player: p.player, name: p.name, connected: p.connections > 0 })),
    people: viewer.kind === "facilitator" ? council.people.status() : [],
    clock: council.clockStatus(),
    viewer,
    revealed: revealed(council),
  };
}

/** How far each session's log was searched for the reveal, and whether it was found (the log only grows). */
const reveals = new WeakMap<CouncilSession, { searched: number; found: boolean }>();

/** `truthRevealed` of the session's state, searching only the log entries added since the last call. */
function revealed(council: CouncilSession): boolean {
  const s = stateOf(council.session);
  if (s.outcome !== null) return true;
  let memo = reveals.get(council);
  if (!memo || memo.searched > s.log.length) memo = { searched: 0, found: false };
  for (let i = memo.searched; !memo.found && i < s.log.length; i++) memo.found = s.log[i]?.k === "reveal";
  memo.searched = s.log.length;
  reveals.set(council, memo);
  return memo.found;
}
