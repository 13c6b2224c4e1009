/**
 * The Colyseus room for one Council session (its roomId is the join code). It authenticates joins, validates
 * and rate-limits messages, forwards them to the CouncilSession and sends each connection the view it may
 * see: the public table to the projector, a seat's private intelligence to that seat only, everything to
 * the facilitator. A public status (schema state) lets any SDK client follow seats and phase.
 */
import { type AuthContext, type Client, ErrorCode, getMessageBytes, Protocol, Room, ServerError } from "@colyseus/core";
import { ArraySchema, type SchemaType, schema, t } from "@colyseus/schema";
import {
  type JoinOptions,
  joinSchema,
  parseClientMessage,
  REMOVED_CODE,
  type ResultMessage,
  type Viewer,
} from "../net/protocol.ts";
import { ActGuard, ALREADY_RECORDED, TOO_MANY_ACTIONS } from "./actGuard.ts";
import type { CouncilSession, SessionStatus } from "./councilSession.ts";
import { SessionExpiry } from "./expiry.ts";
import { BLOCKED } from "./people.ts";
import { isCorridorMessage, messageLimiter, RateLimiter, TOO_MANY_MESSAGES } from "./rateLimit.ts";
import type { Registry } from "./registry.ts";
import { secretMatches } from "./seats.ts";
import { type ViewBase, ViewBatch } from "./viewBatch.ts";

export const SeatSchema = schema(
  { ally: t.string(), name: t.string(), connected: t.boolean(), ai: t.boolean() },
  "Seat",
);
export const CouncilStatus = schema(
  { code: t.string(), scenario: t.string(), phase: t.string(), events: t.number(), seats: t.array(SeatSchema) },
  "CouncilStatus",
);
export type CouncilStatus = SchemaType<typeof CouncilStatus>;

/** The bytes before a `view` message's msgpack in its frame. */
const VIEW_FRAME_HEADER = getMessageBytes.raw(Protocol.ROOM_DATA, "view");

/** What the room remembers about each connection. */
interface Connection {
  viewer: Viewer;
  player: string | null;
  logSent: number; // log entries this connection already has
  base: ViewBase | null; // what its last view gave it (the next is an update of it), null before the first
  away: boolean; // dropped, waiting for the client to reconnect (already counted as closed)
  floodLoggedAt: number; // when a flood from this connection was last logged
}

const newConnection = (viewer: Viewer, player: string | null): Connection => ({
  viewer,
  player,
  logSent: 0,
  base: null,
  away: false,
  floodLoggedAt: 0,
});

/** How often, at most, the public status's event count follows the session (milliseconds). */
const EVENTS_SYNC_MS = 10_000;

const FLOODING = "too many messages: slow down";

/** Client text in a log line: one line, control characters escaped, at most 200 characters. */
const printable = (text: string): string => {
  const line = JSON.stringify(text).slice(1, -1);
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** Messages per second a connection may send (burst, then refill); beyond that they are refused. */
const MESSAGE_RATE = { burst: 20, perSecond: 8 };
/**
 * Join attempts per address (guessing codes or tokens is slow). A whole class may share one school address:
 * the burst seats 32 delegates, the facilitator and the projector, with room for refreshes.
 */
const joinLimiter = new RateLimiter({ burst: 120, perSecond: 1 });

export interface CouncilRoomOptions {
  code: string;
}

let registry: Registry | null = null;
/** The sessions of this process (one game server per process, as Colyseus's matchmaker is one per process). */
export function setRegistry(r: Registry): void {
  registry = r;
}

export class CouncilRoom extends Room<{ state: CouncilStatus }> {
  override maxClients = 250; // people are capped per session (MAX_PLAYERS); this leaves room for extra tabs
  override autoDispose = false;
  private council!: CouncilSession;
  private registry!: Registry;
  private readonly connections = new Map<string, Connection>();
  private readonly limiter = new RateLimiter(MESSAGE_RATE);
  private readonly talkLimiter = messageLimiter(); // corridor messages, by player (all their tabs together)
  private readonly acts = new ActGuard(); // actions into the log, by player: floods refused, repeats unwritten
  private unsubscribe: () => void = () => {};
  private eventsSync: unknown = null; // the pending update of the status's event count
  private expiry!: SessionExpiry; // when the room closes by itself (idle, or finished and left)
  private expiryCheck: ReturnType<typeof setInterval> | undefined;
  private publishing: ReturnType<typeof setImmediate> | null = null; // the broadcast of this turn's changes
  private readonly replies: (() => void)[] = []; // results waiting for that broadcast (views go first)

  override onCreate(options: CouncilRoomOptions): void {
    this.roomId = options.code;
    if (!registry) throw new Error("no session registry: start the game server first");
    this.registry = registry;
    this.council = this.registry.open(options.code, this);
    this.setState(new CouncilStatus());
    this.state.code = options.code;
    this.state.scenario = this.council.session.env.scenario.id;
    this.unsubscribe = this.council.onChange(() => this.schedulePublish());
    this.onMessage("act", (client, raw) => this.handle(client, "act", raw));
    this.onMessage("facilitate", (client, raw) => this.handle(client, "facilitate", raw));
    this.onMessage("*", (client, type) =>
      this.reply(client, null, this.limiter.take(client.sessionId) ? `unknown message type ${String(type)}` : FLOODING),
    );
    this.syncStatus();
    const code = options.code;
    this.expiry = new SessionExpiry(this.registry.expiry, (at) => this.registry.store.touchSession(code, at));
    this.expiryCheck = setInterval(() => this.checkExpiry(), this.registry.expiry.checkMs);
    this.expiryCheck.unref();
  }

  /** Closes the room when nobody uses the session any more (expiry.ts): its memory and its place are freed. */
  private checkExpiry(): void {
    const why = this.expiry.due(this.clients.length, this.council.finished);
    if (!why) return;
    clearInterval(this.expiryCheck);
    this.registry.expire(this.roomId, why);
    void this.disconnect();
  }

  /**
   * Checks a join before matchmaking (static, so it runs first; the instance has no onAuth): the rate limit,
   * the options and the facilitator's token. Matchmaking then finds the room by the exact code, so the code
   * is written back normalised (a code matches however it was typed). In scale-out the process that got the
   * request checks the token in the durable store it shares with the room's process.
   */
  static override async onAuth(_token: string, raw: unknown, context: AuthContext): Promise<JoinOptions> {
    const refuse = (reason: string) => new ServerError(ErrorCode.AUTH_FAILED, reason);
    if (!joinLimiter.take(String(context.ip ?? "unknown"))) throw refuse("too many join attempts: wait a minute");
    const parsed = joinSchema.safeParse(raw);
    if (!parsed.success) throw refuse(`join: ${parsed.error.issues[0]?.message ?? "invalid options"}`);
    const options = parsed.data;
    if (raw && typeof raw === "object") Object.assign(raw, { code: options.code });
    if (
      "facilitatorToken" in options &&
      !secretMatches(options.facilitatorToken, registry?.facilitatorHash(options.code) ?? "")
    )
      throw refuse("wrong facilitator token");
    return options;
  }

  override onJoin(client: Client, _options: unknown, auth: JoinOptions): void {
    this.expiry.touch();
    const connection = this.admit(auth);
    this.connections.set(client.sessionId, connection);
    this.sendView(client, connection, true);
  }

  override async onDrop(client: Client): Promise<void> {
    this.setConnected(client, -1);
    const connection = this.connections.get(client.sessionId);
    if (connection) connection.away = true;
    try {
      await this.allowReconnection(client, 120);
    } catch {
      // They did not come back in time; the seat stays theirs for a later join with their seat token.
    }
  }

  override onReconnect(client: Client): void {
    const connection = this.connections.get(client.sessionId);
    if (connection?.player && !this.council.seats.get(connection.player)) {
      client.leave(REMOVED_CODE, "removed by the facilitator"); // removed while away: not back in by reconnecting
      return;
    }
    this.setConnected(client, 1);
    if (connection) connection.away = false;
    if (connection) this.sendView(client, connection, true);
  }

  override onLeave(client: Client): void {
    this.expiry.touch();
    const connection = this.connections.get(client.sessionId);
    // A drop has already counted the connection as closed (the person may be back on another); a leave has not.
    if (connection && !connection.away) this.setConnected(client, -1);
    this.connections.delete(client.sessionId);
    this.limiter.forget(client.sessionId);
  }

  override onDispose(): void {
    clearInterval(this.expiryCheck);
    if (this.publishing) clearImmediate(this.publishing);
    this.publishing = null;
    this.replies.length = 0;
    this.unsubscribe();
    this.registry.close(this.roomId, this);
  }

  /** The public status, for the session API of whichever process is asked (called through the matchmaker). */
  publicStatus(): SessionStatus {
    return this.council.status();
  }

  /** Turns valid join options into a connection: the facilitator, the projector, or a person in a seat. */
  private admit(auth: JoinOptions): Connection {
    // The options were checked against their own code; a join by room id must carry this room's code.
    if (auth.code !== this.roomId) throw new Error("that join code belongs to another session");
    if ("facilitatorToken" in auth) return newConnection({ kind: "facilitator" }, null);
    if ("projector" in auth) return newConnection({ kind: "projector" }, null);
    if (this.council.people.blocked(auth.seatToken, auth.device)) throw new Error(BLOCKED);
    const known = auth.seatToken ? this.council.seats.byToken(auth.seatToken) : undefined;
    let token = auth.seatToken ?? "";
    let player = known;
    if (player && player.connections === 0) this.council.people.rejoined(player);
    if (!player) {
      const joined = this.council.join(auth.name, auth.ally, auth.device);
      if ("reason" in joined) throw new Error(joined.reason);
      player = joined.player;
      token = joined.token;
    }
    this.council.connected(player, 1);
    const viewer: Viewer = { kind: "player", player: player.player, name: player.name, seat: null, seatToken: token };
    return newConnection(viewer, player.player);
  }

  private setConnected(client: Client, delta: 1 | -1): void {
    const id = this.connections.get(client.sessionId)?.player;
    const player = id ? this.council.seats.get(id) : undefined;
    if (player) this.council.connected(player, delta);
  }

  private handle(client: Client, type: "act" | "facilitate", raw: unknown): void {
    const id = typeof raw === "object" && raw && "id" in raw && typeof raw.id === "number" ? raw.id : null;
    this.expiry.touch();
    let reason: string | null;
    try {
      reason = this.refusal(client, type, raw);
    } catch (err) {
      // A failure below (the durable log could not be written): nothing was applied; the process stays up.
      this.registry.log(`${this.roomId}: ${type} failed: ${(err as Error).stack ?? String(err)}`);
      reason = "the server could not save this action: it was not applied; try again";
    }
    // An identical repeat is answered as done (it was, the first time) and not written again.
    this.reply(client, id, reason, reason === null || reason === ALREADY_RECORDED);
  }

  /** Applies a message; returns why it was refused, or null when it was accepted. */
  private refusal(client: Client, type: "act" | "facilitate", raw: unknown): string | null {
    const connection = this.connections.get(client.sessionId);
    if (!connection) return "not joined";
    if (!this.limiter.take(client.sessionId)) return FLOODING;
    if (type === "facilitate") {
      if (connection.viewer.kind !== "facilitator") return "only the facilitator can do that";
      const parsed = parseClientMessage("facilitate", raw);
      if (!parsed.ok) return parsed.reason;
      const outcome = this.council.facilitate(parsed.value.action);
      return outcome.ok ? null : outcome.reason;
    }
    const player = connection.player ? this.council.seats.get(connection.player) : undefined;
    if (!player) return "only a delegate in a seat can act";
    const parsed = parseClientMessage("act", raw);
    if (!parsed.ok) return parsed.reason;
    const event = parsed.value.event;
    const { verdict, key } = this.acts.check(player.player, event, this.council.session);
    if (verdict === "repeat") return ALREADY_RECORDED;
    if (verdict === "flood") return TOO_MANY_ACTIONS;
    if (isCorridorMessage(event) && !this.talkLimiter.take(player.player)) return TOO_MANY_MESSAGES;
    const outcome = this.council.act(player, event);
    if (outcome.ok) this.acts.accepted(player.player, key);
    return outcome.ok ? null : outcome.reason;
  }

  private reply(client: Client, id: number | null, reason: string | null, ok = reason === null): void {
    if (reason && !ok && this.worthLogging(client, reason))
      this.registry.log(`${this.roomId} ${client.sessionId}: rejected: ${printable(reason)}`);
    const message: ResultMessage = { id, ok, reason };
    if (this.publishing) this.replies.push(() => client.send("result", message));
    else client.send("result", message);
  }

  /** A flood is logged once per connection every 10 seconds, not once per message. */
  private worthLogging(client: Client, reason: string): boolean {
    if (reason === TOO_MANY_MESSAGES) return false; // the sender is told; the log need not be
    if (reason !== FLOODING && reason !== TOO_MANY_ACTIONS) return true;
    const connection = this.connections.get(client.sessionId);
    const now = Date.now();
    if (!connection || now - connection.floodLoggedAt < 10_000) return false;
    connection.floodLoggedAt = now;
    return true;
  }

  /**
   * Broadcasts once the event loop's turn is over, however many changes it brought: under load, the actions
   * that arrived together reach each connection as one view. Results held meanwhile follow their views.
   */
  private schedulePublish(): void {
    this.publishing ??= setImmediate(() => {
      this.publishing = null;
      this.publish();
      for (const send of this.replies.splice(0)) send();
    });
  }

  /** Sends every connection what changed for it. */
  private publish(): void {
    this.syncStatus();
    const batch = new ViewBatch(this.council);
    for (const client of this.clients) {
      const connection = this.connections.get(client.sessionId);
      if (connection) this.sendView(client, connection, false, batch);
    }
  }

  /** Sends a connection its view; the views of one broadcast share a batch (their common parts packed once). */
  private sendView(client: Client, connection: Connection, full: boolean, batch = new ViewBatch(this.council)): void {
    if (connection.viewer.kind === "player" && connection.player) {
      const player = this.council.seats.get(connection.player);
      if (!player) {
        client.leave(REMOVED_CODE, "removed by the facilitator"); // their seat went back to the team or the AI
        return;
      }
      const { team: _team, adviser: _adviser, ...viewer } = connection.viewer;
      const team = this.council.people.teamOf(player);
      connection.viewer = {
        ...viewer,
        seat: player.seat,
        ...(player.adviser ? { adviser: true } : {}),
        ...(team ? { team } : {}),
      };
    }
    // The frame client.send("view", view) would send, with the view (or its update) packed by the batch.
    const view = batch.encode(
      connection.viewer,
      full ? 0 : connection.logSent,
      VIEW_FRAME_HEADER,
      full ? null : connection.base,
    );
    connection.logSent = view.logEnd;
    connection.base = view.base;
    client.enqueueRaw(view.bytes);
  }

  /**
   * The status's event count: at once, then at most once every 10 seconds while actions keep coming. Every
   * action changes it, and a changed status is a patch to every connection (a sixth of all messages under
   * load when it followed each second); views carry the exact count (`seq`) at once anyway.
   */
  private syncEvents(): void {
    if (this.eventsSync) return;
    this.state.events = this.council.record.events.length;
    this.eventsSync = this.clock.setTimeout(() => {
      this.eventsSync = null;
      if (this.state.events !== this.council.record.events.length) this.syncEvents();
    }, EVENTS_SYNC_MS);
  }

  private syncStatus(): void {
    this.state.phase = this.council.phase;
    this.syncEvents();
    const seats = this.council.seatStatus();
    if (this.state.seats.length !== seats.length)
      this.state.seats = new ArraySchema(...seats.map(() => new SeatSchema()));
    seats.forEach((s, i) => {
      const row = this.state.seats[i];
      if (!row) return;
      row.ally = s.ally;
      row.name = s.name;
      row.connected = s.connected;
      row.ai = s.ai;
    });
  }
}
