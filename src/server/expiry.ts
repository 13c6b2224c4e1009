/**
 * When a session's room closes by itself, so that sessions nobody uses give back their memory and their
 * place under MAX_SESSIONS: an unfinished session once nobody has been connected and nothing was done for
 * SESSION_IDLE_MINUTES; a finished one once nobody has been connected for SESSION_FINISHED_MINUTES, and at
 * the latest FINISHED_LINGER times that long after its debrief began. A closed session is over: it is not
 * restored after a restart, its status answers 404, and its facilitator can still download its record.
 * The last activity is kept in the store (at most once a minute), so a restart closes what was already idle.
 */

export interface ExpiryOptions {
  idleMs: number; // an unfinished session with nobody connected and nothing done for this long closes
  finishedMs: number; // a finished session with nobody connected for this long closes
  checkMs: number; // how often rooms look
}

export const DEFAULT_IDLE_MINUTES = 60;
export const DEFAULT_FINISHED_MINUTES = 10;
/** A finished session closes at the latest this many `finishedMs` after its debrief, even with people connected. */
export const FINISHED_LINGER = 6;
/** How often the last activity is written to the store, at most. */
const TOUCH_EVERY_MS = 60_000;

/** The settings from the environment (minutes), with the defaults. */
export function expiryFromEnv(env: NodeJS.ProcessEnv): ExpiryOptions {
  const minutes = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    return (Number.isFinite(value) && value > 0 ? value : fallback) * 60_000;
  };
  const idleMs = minutes("SESSION_IDLE_MINUTES", DEFAULT_IDLE_MINUTES);
  const finishedMs = minutes("SESSION_FINISHED_MINUTES", DEFAULT_FINISHED_MINUTES);
  return { idleMs, finishedMs, checkMs: Math.min(60_000, idleMs / 4, finishedMs / 4) };
}

export const DEFAULT_EXPIRY: ExpiryOptions = expiryFromEnv({});

/** One room's watch: told of activity and connections, it says when the room should close. */
export class SessionExpiry {
  private readonly options: ExpiryOptions;
  private readonly now: () => number;
  private readonly save: (at: number) => void;
  private activeAt: number;
  private savedAt = 0;
  private finishedAt: number | null = null;

  /** `save` keeps the last activity in the store. */
  constructor(options: ExpiryOptions, save: (at: number) => void, now: () => number = () => Date.now()) {
    this.options = options;
    this.save = save;
    this.now = now;
    this.activeAt = now();
  }

  /** Something happened: a join, a leave, an action, a facilitator's move. */
  touch(): void {
    this.activeAt = this.now();
    if (this.activeAt - this.savedAt < TOUCH_EVERY_MS) return;
    this.savedAt = this.activeAt;
    try {
      this.save(this.activeAt);
    } catch {
      // Only a restart reads it; the room's own watch keeps time in memory.
    }
  }

  /** Why the room should close now, or null; `connections` counts every client (projectors too). */
  due(connections: number, finished: boolean): string | null {
    const now = this.now();
    if (finished) {
      this.finishedAt ??= now;
      const quiet = connections === 0 && now - this.activeAt >= this.options.finishedMs;
      if (quiet || now - this.finishedAt >= this.options.finishedMs * FINISHED_LINGER) return "finished";
      return null;
    }
    return connections === 0 && now - this.activeAt >= this.options.idleMs ? "idle" : null;
  }
}

/** Whether a session last active at `activeAt` is past its idle time at `now` (a restart's check). */
export function idleSince(activeAt: number, now: number, options: ExpiryOptions): boolean {
  return now - activeAt >= options.idleMs;
}
