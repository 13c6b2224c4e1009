/**
 * What each audience of a networked session may see. A seat sees its own ally's private state (attribution
 * belief, intelligence held, technical assistance) and nobody else's; the projector and the chair see only
 * what the Council says aloud; the facilitator sees everything. The log hides private acts the same way: who
 * asked for technical assistance, and intelligence shared with named allies, are the parties' to read (corridor
 * talks never enter the log). Pure: the server sends these, clients render them with the same selectors as
 * solo play.
 */
import { NEUTRAL_PARAMS } from "./severity.ts";
import { NO_SWAY } from "./stance.ts";
import type { AllyState, LogEntry, SeatId, SessionState } from "./state.ts";

/** Who is looking: the facilitator, the room's projector, or one seat (the chair or an ally). */
export type Audience = "facilitator" | "public" | SeatId;

/** A neutral belief (equal log-weights) stands in for another seat's private reading. */
const NEUTRAL_BELIEF: readonly number[] = [0, 0, 0, 0];

/** Evidence every seated ally holds: common knowledge, visible to all. */
export function commonEvidence(s: SessionState): string[] {
  const [first, ...rest] = s.allies;
  if (!first) return [];
  return first.held.filter((id) => rest.every((a) => a.held.includes(id)));
}

function hidePrivate(ally: AllyState, common: readonly string[]): AllyState {
  return {
    ...ally,
    params: NEUTRAL_PARAMS, // this seed's profile is the ally's own; others know only the public roster
    sway: NO_SWAY,
    belief: [...NEUTRAL_BELIEF],
    held: [...common],
    assisted: false,
  };
}

/** The parts of the state only one seat (and the facilitator) may see besides its ally: its talks and its capital. */
export function seatPrivate(s: SessionState, audience: Audience): Pick<SessionState, "talks" | "capital"> {
  return {
    talks: s.talks.filter((t) => t.by === audience || t.with === audience),
    capital: audience in s.capital ? { [audience]: s.capital[audience] ?? 0 } : {},
  };
}

/** An ally as sent over the network: another seat's hidden profile and sway are left out altogether. */
export type WireAlly = Omit<AllyState, "params" | "sway"> & Partial<Pick<AllyState, "params" | "sway">>;

/**
 * The allies of a redacted state as they go on the wire: allies not the audience's own lose their (neutral)
 * profile and sway, which would add about 400 bytes each to every view for nothing. `fromWire` restores them.
 */
export function alliesForWire(allies: readonly AllyState[], audience: Audience): WireAlly[] {
  if (audience === "facilitator") return [...allies];
  return allies.map((a) => {
    if (a.code === audience) return a;
    const { params: _params, sway: _sway, ...rest } = a;
    return rest;
  });
}

/** Allies received over the wire, with the neutral profile and sway put back where they were left out. */
export function alliesFromWire(allies: readonly WireAlly[]): AllyState[] {
  return allies.map((a) => ({ ...a, params: a.params ?? NEUTRAL_PARAMS, sway: a.sway ?? NO_SWAY }));
}

/** Whether the facilitator has revealed the truth (or the session is over, when the debrief tells it). */
export function truthRevealed(s: SessionState): boolean {
  return s.outcome !== null || s.log.some((e) => e.k === "reveal");
}

/** Whether `audience` may read a log entry: private acts are the parties' (and the facilitator's). */
export function entryVisible(e: LogEntry, audience: Audience): boolean {
  if (audience === "facilitator") return true;
  if (e.k === "assist") return e.by === audience;
  if (e.k === "share") return e.to === "all" || e.by === audience || e.to.some((code) => code === audience);
  return true;
}

/** The log as `audience` may read it: an entry it may not read becomes `private` (the indices hold). */
export function redactLog(log: readonly LogEntry[], audience: Audience): LogEntry[] {
  return log.map((e) => (entryVisible(e, audience) ? e : { k: "private", h: e.h }));
}

/**
 * The session state as `audience` may see it. Besides other seats' private readings, it hides the random
 * seed and the generator's state until the session is over, and evidence that has not yet surfaced.
 */
export function redactState(s: SessionState, audience: Audience): SessionState {
  if (audience === "facilitator") return s;
  const common = commonEvidence(s);
  return {
    ...s,
    allies: s.allies.map((a) => (a.code === audience ? a : hidePrivate(a, common))),
    ...seatPrivate(s, audience),
    log: redactLog(s.log, audience),
    domestic: { cycle: 0, seat: 0, change: "hawkish" }, // the future is nobody's to see
    injects: s.injects.map((i) => ({ ...i, evidence: i.evidence.filter((e) => e.delivered) })),
    // The seed and the generator would let a client replay the session and read every private state.
    seed: s.outcome === null ? 0 : s.seed,
    rng: { c: 0, s0: 0, s1: 0, s2: 0 },
  };
}
