/**
 * A record replayed once and kept step by step, so that a change can branch from any event without replaying
 * the prefix again; and the moment of the crisis at which each recorded event was sent. Pure.
 */
import type { EngineEvent } from "../events.ts";
import type { SessionRecord } from "../record.ts";
import { replayRecord } from "../record.ts";
import { applyParsed, phaseOf, type Session, stateOf } from "../session.ts";
import type { Env, Phase } from "../state.ts";

/**
 * Where a crisis stands, as a person lives it: which cycle, how many silence procedures of it are over, which
 * stage (incident, deliberation, silence, response), which consultation round, and how many of the driver's
 * steps have passed since any of those last changed. Moments are ordered; a rerun keeps a person's moves at
 * the moment they were made in the record.
 */
export interface Moment {
  cycle: number;
  attempt: number;
  stage: number;
  round: number;
  tick: number;
}

const STAGE: Record<Phase, number> = {
  briefing: 0,
  incident: 1,
  attribution: 2, // attribution and consultation are one stage: the chair may go back to await evidence
  consultation: 2,
  decision: 3,
  response: 4,
  debrief: 5,
};

/** The events the session's own driver sends (the autopilot's): a rerun regenerates them. */
const DRIVER_TYPES: ReadonlySet<EngineEvent["type"]> = new Set([
  "session.start",
  "phase.advance",
  "ai.round",
  "silence.deadline",
  "response.resolve",
]);

/** True for an event the driver sends; everything else is a move by a person (or a facilitator). */
export function isDriverEvent(e: EngineEvent): boolean {
  return e.by === "system" && DRIVER_TYPES.has(e.type);
}

/** The moment after a step: the tick counts driver steps since cycle, attempt, stage or round last changed. */
export function nextMoment(prev: Moment | null, session: Session, driverStep: boolean): Moment {
  const s = stateOf(session);
  const attempt = s.silenceAttempts - (s.draft ? 1 : 0);
  const stage = STAGE[phaseOf(session)];
  const same =
    prev !== null &&
    prev.cycle === s.cycle &&
    prev.attempt === attempt &&
    prev.stage === stage &&
    prev.round === s.round;
  const tick = same ? prev.tick + (driverStep ? 1 : 0) : 0;
  return { cycle: s.cycle, attempt, stage, round: s.round, tick };
}

/** Orders two moments: negative when `a` comes first. */
export function compareMoments(a: Moment, b: Moment): number {
  return a.cycle - b.cycle || a.attempt - b.attempt || a.stage - b.stage || a.round - b.round || a.tick - b.tick;
}

export interface Timeline {
  env: Env;
  record: SessionRecord;
  before: Session[]; // before[i]: the session just before events[i]; the last entry is the end
  moments: Moment[]; // moments[i]: the moment just before events[i]; the last entry is the end
}

/** Replays a record, keeping every intermediate session and moment. Throws RecordError like replayRecord. */
export function buildTimeline(env: Env, record: SessionRecord): Timeline {
  let session = replayRecord(env, { ...record, events: [] });
  let moment = nextMoment(null, session, false);
  const before: Session[] = [session];
  const moments: Moment[] = [moment];
  for (const event of record.events) {
    const result = applyParsed(session, event);
    if (!result.ok) replayRecord(env, record); // throws the RecordError that names the event
    session = result.session;
    moment = nextMoment(moment, session, isDriverEvent(event));
    before.push(session);
    moments.push(moment);
  }
  return { env, record, before, moments };
}

/** The session at the end of the record. */
export function finalSession(t: Timeline): Session {
  const last = t.before[t.before.length - 1];
  if (!last) throw new Error("empty timeline");
  return last;
}
