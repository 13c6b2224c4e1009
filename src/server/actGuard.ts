/**
 * What stands between a person's actions and the durable log: one person (all their tabs and devices
 * together) may write only so many events a second, and an action identical to one they had accepted a moment
 * ago, at the same point of the session, is answered but not written again — a double tap, or twenty tabs
 * sending the same statement, leave one event in the log.
 */
import { type Session, stateOf } from "../sim/session.ts";
import { RateLimiter } from "./rateLimit.ts";

/** Events one person may add to the log: a burst, then one a second, whatever the number of their tabs. */
export const ACTIONS_PER_PERSON = { burst: 10, perSecond: 1 };
/** How long an accepted action is remembered to answer its identical repeats without writing them. */
export const REPEAT_WINDOW_MS = 30_000;

/** The answer to a flood (the action is refused before the log). */
export const TOO_MANY_ACTIONS = `too many actions from you (all your tabs together): at most ${ACTIONS_PER_PERSON.perSecond} a second; wait a moment and send it again`;
/** The note with an identical repeat's `ok` answer (it is not written again). */
export const ALREADY_RECORDED = "already recorded: you sent this same action a moment ago";

export type ActVerdict = "new" | "repeat" | "flood";

/** Where in the session an action falls: the same action in a new round, draft or phase is a new action. */
function moment(session: Session): string {
  const s = stateOf(session);
  return `${s.cycle}|${s.round}|${s.silenceAttempts}|${s.draft?.attempt ?? 0}|${s.log.findLast((e) => e.k === "phase")?.h ?? 0}`;
}

export class ActGuard {
  private readonly limiter: RateLimiter;
  private readonly recent = new Map<string, { key: string; at: number }>(); // by person: their last accepted act
  private readonly now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.now = now;
    this.limiter = new RateLimiter({ ...ACTIONS_PER_PERSON, now });
  }

  /**
   * Whether `event` from `person` is new (and within their rate), a repeat to answer unwritten, or a flood;
   * `key` is the action's identity at this moment, for `accepted`.
   */
  check(person: string, event: Record<string, unknown>, session: Session): { verdict: ActVerdict; key: string } {
    const key = keyOf(event, session);
    const last = this.recent.get(person);
    if (last && last.key === key && this.now() - last.at < REPEAT_WINDOW_MS) return { verdict: "repeat", key };
    return { verdict: this.limiter.take(person) ? "new" : "flood", key };
  }

  /** Remembers an action the session accepted, by the key `check` gave it. */
  accepted(person: string, key: string): void {
    this.recent.set(person, { key, at: this.now() });
    if (this.recent.size > 1000) this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    for (const [person, last] of this.recent) if (now - last.at >= REPEAT_WINDOW_MS) this.recent.delete(person);
  }
}

/**
 * An action's identity: its fields in a fixed order (two tabs may order them differently) at this moment of
 * the session (the same statement in the next round is a new one).
 */
function keyOf(event: Record<string, unknown>, session: Session): string {
  const fields = Object.keys(event)
    .filter((k) => k !== "by")
    .sort()
    .map((k) => [k, event[k]]);
  return `${moment(session)}|${JSON.stringify(fields)}`;
}
