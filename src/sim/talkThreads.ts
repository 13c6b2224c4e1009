/**
 * Corridor talks between two delegations people play: instead of the engine's reading of an ally's concerns,
 * the talk carries what one delegation writes to the other, and either may write back in the same thread.
 * Messages are plain text (the UI shows them as text, never markup) and private to the two parties and the
 * facilitator, like every talk. Opening talks costs capital as any talk does; writing back is free. Pure.
 */
import type { SeatId, SessionState, Talk } from "./state.ts";

/** Longest message, in characters (after trimming). */
export const MESSAGE_MAX = 280;

/** Whether a person plays `seat` (the chair or an ally). */
export function playedByPerson(s: SessionState, seat: SeatId): boolean {
  return seat === "chair" ? s.chair === "human" : s.humans.includes(seat);
}

/** Whether talk `t` is between `a` and `b` (either opened it). */
export function between(t: Talk, a: SeatId, b: SeatId): boolean {
  return (t.by === a && t.with === b) || (t.by === b && t.with === a);
}

/** The latest talk between two delegations that carries messages, or -1. */
function threadIndex(s: SessionState, a: SeatId, b: SeatId): number {
  for (let i = s.talks.length - 1; i >= 0; i--) {
    const t = s.talks[i];
    if (t?.messages && between(t, a, b)) return i;
  }
  return -1;
}

/** Why `by` cannot write to `to` in their thread now, or null. */
export function replyRefusal(s: SessionState, by: SeatId, to: SeatId): string | null {
  if (by === to) return "a delegation cannot write to itself";
  if (!playedByPerson(s, to)) return `${to === "chair" ? "the chair" : to} is played by the AI: hold talks instead`;
  if (threadIndex(s, by, to) < 0)
    return `no corridor talks between ${by === "chair" ? "the chair" : by} and ${to === "chair" ? "the chair" : to} yet: open talks first`;
  return null;
}

/** `by` writes `text` to `to` in their latest thread (no capital, no game time). Unchanged when there is none. */
export function corridorReply(s: SessionState, by: SeatId, to: SeatId, text: string): SessionState {
  const i = threadIndex(s, by, to);
  const t = s.talks[i];
  if (!t) return s;
  const thread: Talk = { ...t, messages: [...(t.messages ?? []), { by, hour: s.hour, text }] };
  return { ...s, talks: s.talks.map((x, j) => (j === i ? thread : x)) };
}
