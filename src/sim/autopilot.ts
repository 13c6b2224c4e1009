/**
 * The driver for seats nobody plays: which system event comes next (rounds, clock, deadlines), and runs
 * of a whole session with AI everywhere. Pure: decisions come from the state alone, so a restored
 * snapshot continues exactly as the original would have.
 */
import { stateConfidence } from "./attribution.ts";
import { AI_MEASURES, judgeAll, victims } from "./council.ts";
import type { EngineEvent } from "./events.ts";
import { explainReason } from "./explain.ts";
import { applyParsed, phaseOf, type Session, stateOf } from "./session.ts";
import { objectionStrength } from "./stance.ts";
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
 * What the AI would do now for a seat a person plays — for autoplay and hints — or null when it would wait.
 * Each suggestion changes the state so that it is not suggested again (one statement a round, one break).
 */
export function suggestMove(session: Session, seat: SeatId): EngineEvent | null {
  const s = stateOf(session);
  const env = session.env;
  const phase = phaseOf(session);
  if (seat === "chair") {
    if (s.chair !== "human" || phase !== "consultation") return null;
    const spent = s.round >= env.scenario.settings.maxConsultationRounds;
    return spent || s.round >= 2 ? { type: "draft.table", by: "chair", measures: [...s.proposal] } : null;
  }
  const i = env.index.get(seat);
  const ally = i === undefined ? undefined : s.allies[i];
  const profile = i === undefined ? undefined : env.profiles[i];
  if (i === undefined || !ally || !profile || !s.humans.includes(seat)) return null;
  const hit = victims(env, s);
  if (phase === "attribution") {
    const confidence = stateConfidence(ally.belief);
    const p = profile.params;
    const unshared = ally.held.some((id) => s.allies.some((other) => !other.held.includes(id)));
    if (confidence >= 0.5 && unshared) return { type: "intel.share", by: seat, to: "all" };
    if (hit.has(seat) && !ally.assisted && p.cyberCapability < 0.75) return { type: "assistance.request", by: seat };
    return null;
  }
  if (phase === "consultation") {
    if (ally.position && ally.position.round >= s.round) return null;
    const j = judgeAll(env, s, s.proposal)[i];
    if (!j) return null;
    const rejects = AI_MEASURES.filter((m) => !j.accepts.includes(m));
    return { type: "consultation.statement", by: seat, stance: j.stance, wants: j.wants, rejects };
  }
  if (phase === "decision" && s.draft && !s.draft.breaks.some((b) => b.by === seat)) {
    const j = judgeAll(env, s, s.draft.measures)[i];
    if (!j || objectionStrength(j.judgements, s.draft.measures) < 0.45) return null;
    const reason = j.reasons.find((r) => r.measure && s.draft?.measures.includes(r.measure));
    return { type: "silence.break", by: seat, reason: reason ? explainReason(reason) : "we cannot join this text" };
  }
  return null;
}
