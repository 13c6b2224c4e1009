/**
 * Rerunning a record with changes. Everything before the first change is the recorded crisis itself (reused
 * from the timeline, not replayed). From there the session's own driver runs the crisis again, so every AI
 * seat and the AI chair decide afresh on the changed state. People's recorded moves are kept at the moment
 * of the crisis they were made in (cycle, silence procedure, stage, round, step):
 * - a move whose moment comes is sent then; if the engine refuses it now, it is left out;
 * - a move whose moment the changed crisis passes without reaching it exactly is left out;
 * - when the crisis waits for a person and the record has nothing for that moment, or runs past the moment
 *   the record ended at, the AI plays the person's seat (as autoplay would).
 * Facilitator moves (notes, seat control, optional injects) are kept like people's. Pure.
 */
import { nextSystemEvent, suggestMove } from "../autopilot.ts";
import type { EngineEvent } from "../events.ts";
import { adoptedMeasures, outcomeOf } from "../scoring.ts";
import { applyParsed, phaseOf, type Session, stateOf } from "../session.ts";
import type { SeatId, SessionState } from "../state.ts";
import { compareMoments, isDriverEvent, type Moment, nextMoment, type Timeline } from "./timeline.ts";
import type { Edit, RunOutcome } from "./types.ts";

const STEP_LIMIT = 1500;
const STAND_IN_PER_STEP = 4;

interface Pending {
  event: EngineEvent;
  anchor: Moment;
  edited: boolean; // the change's own move
  flexible?: boolean; // sent at the first moment from its own on that accepts it (within its stage)
}

/** The session with its state replaced (the phase kept), on a fresh line of play. */
export function withState(session: Session, state: SessionState): Session {
  const snapshot = session.machine.resolveState({ value: phaseOf(session), context: state });
  return { ...session, snapshot, line: { actor: null, at: null } };
}

/** The recorded moves from `from` on, with the event edits applied; the change's own moves come first. */
function pendingMoves(t: Timeline, edits: readonly Edit[], from: number): Pending[] {
  const out: Pending[] = [];
  const events = t.record.events;
  for (let i = from; i < events.length; i++) {
    const anchor = t.moments[i] as Moment;
    for (const e of edits) if (e.kind === "insert" && e.at === i) out.push({ event: e.event, anchor, edited: true });
    const edit = edits.find((e) => (e.kind === "withdraw" || e.kind === "replace" || e.kind === "wait") && e.at === i);
    if (edit?.kind === "replace") out.push({ event: edit.event, anchor, edited: true });
    if (edit?.kind === "wait") {
      out.push({ event: { type: "phase.attribution", by: "chair" }, anchor, edited: true });
      out.push({ event: edit.event, anchor, edited: true, flexible: true });
    }
    const event = events[i] as EngineEvent;
    if (!edit && !isDriverEvent(event)) out.push({ event, anchor, edited: false });
  }
  return out;
}

/** State changes that wait for their moment: a chair's draft reworded or split, evidence that comes sooner. */
function patchState(s: SessionState, edits: readonly Edit[]): SessionState {
  let next = s;
  for (const e of edits) {
    if (e.kind === "chairText" && next.draft && next.cycle === e.cycle && next.draft.attempt === e.attempt) {
      const d = next.draft;
      if (!d.measures.includes(e.measure)) continue;
      if (e.change === "soften" && d.wording[e.measure] !== "soft")
        next = { ...next, draft: { ...d, wording: { ...d.wording, [e.measure]: "soft" } } };
      if (e.change === "split" && d.measures.length > 1 && !d.separate.includes(e.measure))
        next = { ...next, draft: { ...d, separate: [...d.separate, e.measure] } };
    }
    if (e.kind === "evidence") next = soonerEvidence(next, e.evidence, e.afterHours);
  }
  return next;
}

function soonerEvidence(s: SessionState, id: string, afterHours: number): SessionState {
  const k = s.injects.findIndex((a) => a.evidence.some((x) => x.id === id && !x.delivered));
  const active = s.injects[k];
  if (!active) return s;
  const due = active.startHour + afterHours;
  if (!active.evidence.some((x) => x.id === id && x.dueHour > due)) return s;
  const evidence = active.evidence.map((x) => (x.id === id ? { ...x, dueHour: due } : x));
  return { ...s, injects: s.injects.map((a, x) => (x === k ? { ...a, evidence } : a)) };
}

function patchSession(session: Session, edits: readonly Edit[]): Session {
  const s = stateOf(session);
  const next = patchState(s, edits);
  return next === s ? session : withState(session, next);
}

/** The first session of the rerun: the recorded one at the branch point, with profile changes applied. */
function branch(t: Timeline, edits: readonly Edit[], from: number): Session {
  let session = t.before[from] as Session;
  const s = stateOf(session);
  let allies = s.allies;
  for (const e of edits) {
    if (e.kind !== "threshold") continue;
    allies = allies.map((a) => (a.code === e.ally ? { ...a, params: { ...a.params, [e.param]: e.to } } : a));
  }
  if (allies !== s.allies) session = withState(session, { ...s, allies });
  return patchSession(session, edits);
}

/** Whether two moments are in the same cycle, silence procedure and stage. */
function sameStage(a: Moment, b: Moment): boolean {
  return a.cycle === b.cycle && a.attempt === b.attempt && a.stage === b.stage;
}

function peopleSeats(s: SessionState): SeatId[] {
  return [...(s.chair === "human" ? ["chair"] : []), ...s.humans];
}

/** The AI's move for one of the people's seats now, if any seat has one. */
function standInMove(session: Session): EngineEvent | null {
  for (const seat of peopleSeats(stateOf(session))) {
    const move = suggestMove(session, seat);
    if (move) return move;
  }
  return null;
}

/**
 * Reruns the timeline's record with the edits (see the file's comment for what happens to people's moves),
 * branching at the first edit, or at `from` when given (no edits from 0: the record rerun by the driver).
 */
export function rerun(
  t: Timeline,
  edits: readonly Edit[],
  from = Math.min(...edits.map((e) => e.at)),
): RunOutcome & { session: Session } {
  let session = branch(t, edits, from);
  let moment = t.moments[from] as Moment;
  const end = t.moments[t.moments.length - 1] as Moment;
  const queue = pendingMoves(t, edits, from);
  let dropped = 0;
  let stoodIn = 0;
  let applied = !edits.some((e) => e.kind === "insert" || e.kind === "replace" || e.kind === "wait");
  const step = (event: EngineEvent, driver: boolean): boolean => {
    const r = applyParsed(session, event);
    if (!r.ok) return false;
    session = patchSession(r.session, edits);
    moment = nextMoment(moment, session, driver);
    return true;
  };
  for (let n = 0; n < STEP_LIMIT; n++) {
    while (queue.length && phaseOf(session) !== "debrief") {
      const head = queue[0] as Pending;
      const order = compareMoments(head.anchor, moment);
      if (order > 0) break;
      if (head.flexible) {
        const sent = step(head.event, false);
        if (!sent && sameStage(head.anchor, moment)) break; // not yet: try again after the next step
        queue.shift();
        continue;
      }
      queue.shift();
      const ok = order === 0 && step(head.event, false);
      if (ok && head.edited) applied = true;
      if (!ok && !head.edited) dropped++;
      // The change itself refused (a talk with no capital left): nothing changed, so no need to play on.
      if (!ok && head.edited) return summarise(session, false, dropped, stoodIn);
    }
    if (phaseOf(session) === "debrief") break;
    let stand = 0;
    const beyond = !queue.length && compareMoments(moment, end) >= 0;
    while (beyond && stand < STAND_IN_PER_STEP) {
      const move = standInMove(session);
      if (!move || !step(move, false)) break;
      stand++;
    }
    stoodIn += stand;
    const driver = nextSystemEvent(session);
    if (driver && step(driver, true)) continue;
    if (driver) break; // the driver's own event refused: an engine fault, reported as unfinished
    const move = standInMove(session); // the crisis waits for a person and the record has nothing for now
    if (!move || !step(move, false)) break;
    stoodIn++;
  }
  return summarise(session, applied, dropped + queue.filter((p) => !p.edited).length, stoodIn);
}

function summarise(
  session: Session,
  applied: boolean,
  dropped: number,
  stoodIn: number,
): RunOutcome & { session: Session } {
  const s = stateOf(session);
  const last = s.decisions[s.decisions.length - 1];
  const breakers = new Set(
    s.decisions.filter((d) => d.cycle === last?.cycle && d.hour === last?.hour).flatMap((d) => d.brokenBy),
  );
  return {
    finished: phaseOf(session) === "debrief",
    applied,
    outcome: outcomeOf(s),
    adopted: adoptedMeasures(s),
    breakers: breakers.size,
    dropped,
    stoodIn,
    session,
  };
}
