/**
 * What a council screen needs from a game, whichever engine runs it: the local transport (solo play, the
 * engine in the page) or the networked one (the server's engine, seen through this viewer's redacted view).
 */
import type { Session } from "../sim/session.ts";

export interface CouncilGame {
  /** The session as this player may see it. */
  readonly session: Session;
  /** Why the engine refused the player's last event, or null. */
  readonly lastRejection: string | null;
  /** True once the session has reached the debrief. */
  readonly finished: boolean;
  /** Calls `listener` whenever the session or the rejection changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Sends an event for the player's seat (the engine decides: at once locally, by reply over the network). */
  send(event: unknown): unknown;
}
