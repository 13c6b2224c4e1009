/**
 * The networked transport: one connection to a session's room on the game server, which is the authority.
 * It keeps the latest view (the state as this viewer may see it, its log appended piece by piece), exposes it
 * as a Session so the same selectors and panels as solo play can draw it, sends intents and awaits the
 * server's verdict, and reports the connection's health. A dropped connection is resumed by the SDK; when that
 * fails it joins again with the seat token (a delegate) or the facilitator token, so nobody loses their seat.
 */
import { Client, type Room } from "@colyseus/sdk";
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { createEnv, phaseOf, restoreSnapshot, type Session } from "../sim/session.ts";
import type { LogEntry, SeatId } from "../sim/state.ts";
import { ENGINE_VERSION, RECORD_FORMAT } from "../sim/version.ts";
import { alliesFromWire } from "../sim/views.ts";
import { deviceId, storedSeat, storeSeat } from "./credentials.ts";
import type { CouncilGame } from "./game.ts";
import { busyDelay, withBusyRetry } from "./joinRetry.ts";
import {
  type FacilitatorOp,
  type JoinOptions,
  REMOVED_CODE,
  type ResultMessage,
  ROOM_NAME,
  type ViewFrame,
  type ViewMessage,
} from "./protocol.ts";
import { mergeView } from "./viewPatch.ts";

/**
 * connecting → connected ⇄ reconnecting → lost (still retrying, slowly) → closed (left on purpose); removed
 * when the facilitator took this person out of the session (no rejoining).
 */
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "lost" | "closed" | "removed";

export type Credentials =
  | { kind: "player"; code: string; name: string; ally?: SeatId }
  | { kind: "facilitator"; code: string; token: string }
  | { kind: "projector"; code: string };

export interface RemoteOptions {
  storage: Storage | null;
  /** The game server (default: this page's origin). */
  endpoint?: string;
  /** Rewrites the room's WebSocket URL (the dev server proxies it under a prefix). */
  urlBuilder?: (url: URL) => string;
  /** Hears, while a busy server makes a join wait, what to show ("The server is busy, joining again in 3 s…"). */
  onWait?: (note: string) => void;
}

/** How long a sent message waits for the server's verdict. */
const RESULT_TIMEOUT_MS = 10_000;
/** How long a join waits for the first view. */
const FIRST_VIEW_TIMEOUT_MS = 15_000;
/** The SDK's own reconnection attempts (about 20 s of backoff) before this class joins afresh. */
const SDK_RETRIES = 8;
/** Our own rejoin attempts after the SDK gave up: delays in ms, the last one repeating. */
const REJOIN_DELAYS = [500, 1000, 2000, 4000, 8000, 10_000];
/** Failed rejoins before the state says "lost" (it keeps retrying). */
const LOST_AFTER = 4;

type Pending = { resolve(reason: string | null): void; timer: ReturnType<typeof setTimeout> };

export class RemoteGame implements CouncilGame {
  session!: Session;
  view!: ViewMessage;
  lastRejection: string | null = null;
  connection: ConnectionState = "connecting";
  /** Why the connection is down, in a few words (shown as text), when known; else null. */
  connectionNote: string | null = null;
  private log: LogEntry[] = [];
  private viewAt = 0; // performance.now() when the latest view arrived
  private room: Room | null = null;
  private readonly client: Client;
  private readonly credentials: Credentials;
  private readonly storage: Storage | null;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private rejoins = 0;
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  private closing = false;

  private constructor(credentials: Credentials, options: RemoteOptions) {
    this.credentials = credentials;
    this.storage = options.storage;
    const endpoint = options.endpoint ?? location.origin;
    this.client = new Client(endpoint, options.urlBuilder ? { urlBuilder: options.urlBuilder } : undefined);
  }

  /** Joins a session; resolves once the first view has arrived, or rejects with a readable reason. */
  static async join(credentials: Credentials, options: RemoteOptions): Promise<RemoteGame> {
    const game = new RemoteGame(credentials, options);
    const attempt = async () => {
      const room = await game.client.join(ROOM_NAME, game.joinOptions());
      try {
        await game.attach(room);
      } catch (err) {
        game.room = null; // no first view in time: this attempt is given up
        await room.leave(true).catch(() => 0);
        throw err;
      }
    };
    try {
      await withBusyRetry(attempt, options.onWait);
    } catch (err) {
      throw new Error(joinFailure(err));
    }
    return game;
  }

  get code(): string {
    return this.credentials.code;
  }

  get finished(): boolean {
    return phaseOf(this.session) === "debrief";
  }

  /** Milliseconds until the server's next timed step (counted down locally), or null when none is running. */
  remainingMs(): number | null {
    const clock = this.view.clock;
    if (clock.remainingMs === null) return null;
    if (clock.paused || clock.dueAt === null) return clock.remainingMs;
    return Math.max(0, clock.remainingMs - (performance.now() - this.viewAt));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A delegate's action for their own seat; resolves to the server's reason for refusing it, or null. */
  send(event: unknown): Promise<string | null> {
    return this.request("act", { event }, true);
  }

  /** A facilitator's action; resolves to the reason it was refused, or null. */
  facilitate(action: FacilitatorOp): Promise<string | null> {
    return this.request("facilitate", { action }, false);
  }

  /** Tries to reconnect now (after "lost"). */
  retryNow(): void {
    if (this.connection !== "lost" && this.connection !== "reconnecting") return;
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
    void this.rejoin();
  }

  /** Leaves the session for good (a delegate's seat stays theirs: they can come back with the code). */
  async leave(): Promise<void> {
    this.closing = true;
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    const room = this.room;
    this.room = null;
    this.setConnection("closed", null);
    this.listeners.clear();
    if (room) await room.leave(true).catch(() => 0);
  }

  private joinOptions(): JoinOptions {
    const c = this.credentials;
    if (c.kind === "facilitator") return { code: c.code, facilitatorToken: c.token };
    if (c.kind === "projector") return { code: c.code, projector: true };
    // The same name on the same device takes its seat back; another name (a shared laptop) joins afresh.
    const seat = storedSeat(this.storage, c.code);
    const same = seat !== null && seat.name.trim().toLowerCase() === c.name.trim().toLowerCase();
    return {
      code: c.code,
      name: c.name,
      ...(c.ally ? { ally: c.ally } : {}),
      ...(same ? { seatToken: seat.token } : {}),
      device: deviceId(this.storage),
    };
  }

  /** Wires a joined room; resolves when its first view has been applied. */
  private attach(room: Room): Promise<void> {
    this.room = room;
    room.reconnection.maxRetries = SDK_RETRIES;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the server sent nothing")), FIRST_VIEW_TIMEOUT_MS);
      room.onMessage("view", (frame: ViewFrame) => {
        if (room !== this.room) return;
        try {
          this.receive(mergeView(this.view ?? null, frame));
        } catch (err) {
          this.connectionNote = `This view could not be shown: ${(err as Error).message}`;
          reject(err);
          return;
        }
        clearTimeout(timer);
        resolve();
      });
      room.onMessage("result", (result: ResultMessage) => this.settle(result));
      room.onDrop(() => {
        if (room === this.room) this.setConnection("reconnecting", null);
      });
      room.onReconnect(() => {
        if (room === this.room) this.setConnection("connected", null);
      });
      room.onLeave((code, reason) => {
        if (room !== this.room || this.closing) return;
        this.room = null;
        if (code === REMOVED_CODE) {
          // Taken out by the facilitator: the seat token is dead; joining again is a new join, by hand.
          this.closing = true;
          storeSeat(this.storage, this.code, null);
          this.failPending("the facilitator removed you from the session");
          this.setConnection("removed", reason || null);
          return;
        }
        this.failPending("the connection was lost before the server answered");
        this.setConnection("reconnecting", reason || null);
        this.scheduleRejoin();
      });
    });
  }

  private scheduleRejoin(): void {
    const delay = REJOIN_DELAYS[Math.min(this.rejoins, REJOIN_DELAYS.length - 1)] ?? 10_000;
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      void this.rejoin();
    }, delay);
  }

  private async rejoin(): Promise<void> {
    if (this.closing || this.room) return;
    try {
      const room = await this.client.join(ROOM_NAME, this.joinOptions());
      if (this.closing) {
        await room.leave(true);
        return;
      }
      await this.attach(room);
      this.rejoins = 0;
    } catch (err) {
      this.room = null;
      this.rejoins++;
      const why = joinFailure(err);
      this.setConnection(this.rejoins >= LOST_AFTER ? "lost" : "reconnecting", why);
      this.scheduleRejoin();
    }
  }

  /** Applies a view (an update already merged): appends its log, rebuilds the session, keeps the seat token. */
  private receive(view: ViewMessage): void {
    const scenario = bundledScenario(view.scenario);
    if (!scenario) throw new Error(`this version of the game does not have the scenario "${view.scenario}"`);
    const { from, entries } = view.log;
    this.log = from === 0 ? [...entries] : [...this.log.slice(0, from), ...entries];
    const env = createEnv(scenario, bundledRoster());
    this.session = restoreSnapshot(env, {
      format: RECORD_FORMAT,
      engine: ENGINE_VERSION,
      scenario: { id: scenario.id, hash: env.scenarioHash },
      phase: view.phase,
      state: { ...view.state, allies: alliesFromWire(view.state.allies), log: this.log },
    });
    this.view = view;
    this.viewAt = performance.now();
    const v = view.viewer;
    if (v.kind === "player") storeSeat(this.storage, view.code, { token: v.seatToken, name: v.name });
    this.connection = "connected";
    this.connectionNote = null;
    this.notify();
  }

  private request(type: "act" | "facilitate", body: object, asPlayer: boolean): Promise<string | null> {
    const room = this.room;
    if (!room || this.connection !== "connected") {
      const reason = "not connected to the session: wait for the connection to come back";
      if (asPlayer) this.reject(reason);
      return Promise.resolve(reason);
    }
    const id = this.nextId++;
    return new Promise<string | null>((resolve) => {
      const timer = setTimeout(
        () => this.settle({ id, ok: false, reason: "the server did not answer" }),
        RESULT_TIMEOUT_MS,
      );
      this.pending.set(id, {
        resolve: (reason) => {
          if (asPlayer) this.reject(reason);
          resolve(reason);
        },
        timer,
      });
      room.send(type, { id, ...body });
    });
  }

  private settle(result: ResultMessage): void {
    const pending = result.id === null ? undefined : this.pending.get(result.id);
    if (!pending || result.id === null) return;
    this.pending.delete(result.id);
    clearTimeout(pending.timer);
    pending.resolve(result.ok ? null : (result.reason ?? "refused"));
  }

  private failPending(reason: string): void {
    for (const [id] of this.pending) this.settle({ id, ok: false, reason });
  }

  private reject(reason: string | null): void {
    if (reason === this.lastRejection) return;
    this.lastRejection = reason;
    this.notify();
  }

  private setConnection(state: ConnectionState, note: string | null): void {
    if (state === this.connection && note === this.connectionNote) return;
    this.connection = state;
    this.connectionNote = note;
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** A join error in words a person can act on. */
function joinFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/no rooms found|not found/i.test(message)) return "no session with that code is running";
  if (busyDelay(err, 0) !== null) return "the server is busy: try again in a minute";
  if (/failed to fetch|networkerror|ECONNREFUSED|load failed/i.test(message))
    return "the game server cannot be reached";
  return message || "the server refused the connection";
}
