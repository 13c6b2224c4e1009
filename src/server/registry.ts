/**
 * The sessions this process runs: it creates them (code, facilitator token, durable settings), opens them
 * for their rooms, and lists what to restore after a restart. One store, one clock, one log for all.
 */
import { randomInt } from "node:crypto";
import { CODE_ALPHABET, type CreateSessionRequest, timerSettingsSchema } from "../net/protocol.ts";
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { newRecord, type SessionRecord } from "../sim/record.ts";
import { checkSeats, createEnv, type SeatPlan } from "../sim/session.ts";
import { CouncilSession } from "./councilSession.ts";
import { DEFAULT_EXPIRY, type ExpiryOptions, idleSince } from "./expiry.ts";
import type { Clock } from "./pacer.ts";
import { hashSecret, newSecret } from "./seats.ts";
import type { Store } from "./store.ts";

export interface RegistryOptions {
  store: Store;
  clock: Clock;
  owner: string; // this process's name: it restores the sessions it owns
  log?: (line: string) => void;
  maxSessions?: number; // unfinished sessions this process runs at most (default MAX_SESSIONS)
  sessionsPerAddress?: number; // unfinished sessions one address may have created and running (SESSIONS_PER_ADDRESS)
  expiry?: ExpiryOptions; // when idle and finished sessions close (expiry.ts)
}

/** Unfinished sessions one process runs at most: far above the load bench's 60, well below its memory. */
export const MAX_SESSIONS = 400;
/** Unfinished sessions created from one address that may run at once (a school's teachers share one). */
export const SESSIONS_PER_ADDRESS = 20;

export class Registry {
  readonly store: Store;
  readonly owner: string;
  private readonly clock: Clock;
  private readonly open_ = new Map<string, CouncilSession>();
  private readonly owners = new Map<string, object>(); // which room opened each session
  /** The owner of sessions opened without a room (tests, tools). */
  static readonly LOCAL: object = Object.freeze({});
  readonly log: (line: string) => void;
  readonly expiry: ExpiryOptions;
  private readonly maxSessions: number;
  private readonly perAddress: number;
  private readonly creators = new Map<string, string>(); // code → the address that created it (while it runs)
  /** Hears that a session closed (the server releases memory once none is open: memory.ts). */
  onClosed: () => void = () => {};

  constructor(options: RegistryOptions) {
    this.maxSessions = options.maxSessions ?? MAX_SESSIONS;
    this.perAddress = options.sessionsPerAddress ?? SESSIONS_PER_ADDRESS;
    this.expiry = options.expiry ?? DEFAULT_EXPIRY;
    this.store = options.store;
    this.clock = options.clock;
    this.owner = options.owner;
    this.log = options.log ?? (() => {});
  }

  /**
   * Creates a session in the durable store; returns its join code and the facilitator's secret token. Only
   * sessions that run count against the limits (idle and finished ones close: expiry.ts).
   */
  create(request: CreateSessionRequest, address = ""): { code: string; facilitatorToken: string } {
    const scenario = bundledScenario(request.scenario);
    if (!scenario) throw new RequestError(`unknown scenario "${request.scenario}"`);
    const seats: SeatPlan = { role: "chair", chair: request.chair ?? "ai", humans: [] };
    const problem = checkSeats(createEnv(scenario, bundledRoster()), seats);
    if (problem) throw new RequestError(problem);
    if (this.live() >= this.maxSessions)
      throw new BusyError(`this server already runs ${this.maxSessions} sessions: end some, or try another server`);
    if (address && this.live(address) >= this.perAddress)
      throw new LimitError(
        `too many sessions created from this address are still running (${this.perAddress}): end one, or wait until an unused one closes`,
      );
    const code = this.newCode();
    const facilitatorToken = newSecret();
    this.store.createSession({
      code,
      scenario: scenario.id,
      seed: request.seed,
      seats,
      timers: timerSettingsSchema.parse(request.timers ?? {}),
      facilitatorHash: hashSecret(facilitatorToken),
      createdAt: this.clock.now(),
      finished: false,
      owner: this.owner,
    });
    this.creators.set(code, address); // "" when the caller did not say: it still counts against the limit
    return { code, facilitatorToken };
  }

  /** Unfinished sessions open in this process (created by `address`, when given). */
  live(address?: string): number {
    let n = 0;
    for (const [code, council] of this.open_)
      if (!council.finished && (address === undefined || this.creators.get(code) === address)) n++;
    // Created but not opened yet (its room is starting) counts too.
    for (const [code, by] of this.creators) if (!this.open_.has(code) && (address === undefined || by === address)) n++;
    return n;
  }

  /** Ends a session nobody uses (`why`: idle or finished): it will not be restored, and its room closes. */
  expire(code: string, why: string): void {
    const council = this.open_.get(code);
    try {
      if (!council?.finished) this.store.markFinished(code);
    } catch (err) {
      this.log(`session ${code}: could not mark it closed: ${(err as Error).message}`);
    }
    const minutes = Math.round((why === "idle" ? this.expiry.idleMs : this.expiry.finishedMs) / 60_000);
    this.log(`session ${code} closed: ${why === "idle" ? `unused for ${minutes} min` : "finished and left"}`);
  }

  /** At start: closes an unfinished session that was already idle long enough; true when it did. */
  closeIfIdle(code: string): boolean {
    const stored = this.store.session(code);
    if (!stored || !idleSince(stored.activeAt ?? stored.createdAt, this.clock.now(), this.expiry)) return false;
    this.expire(code, "idle");
    return true;
  }

  /** The running session for a code, loading it from the store (replaying its log) on first use. */
  open(code: string, owner?: object): CouncilSession {
    const holder = this.owners.get(code);
    if (owner && holder && holder !== owner) throw new Error(`session ${code} is already open in this process`);
    let council = this.open_.get(code);
    if (!council) {
      council = CouncilSession.load(this.store, code, this.clock);
      council.onFault = (err) =>
        this.log(`session ${code}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      this.open_.set(code, council);
    }
    if (owner || !holder) this.owners.set(code, owner ?? Registry.LOCAL);
    return council;
  }

  running(code: string): CouncilSession | undefined {
    return this.open_.get(code);
  }

  /** Stops a session, if `owner` is the one that opened it (a duplicate room must not close the real one's). */
  close(code: string, owner: object = Registry.LOCAL): void {
    if (this.owners.get(code) !== owner) return;
    this.open_.get(code)?.stop();
    this.open_.delete(code);
    this.owners.delete(code);
    this.creators.delete(code);
    this.onClosed();
  }

  /** Sessions open in this process (finished or not). */
  get openCount(): number {
    return this.open_.size;
  }

  /** A session's record from the durable store (a session that is over, or that another process runs). */
  storedRecord(code: string): SessionRecord | null {
    const stored = this.store.session(code);
    const scenario = stored ? bundledScenario(stored.scenario) : undefined;
    if (!stored || !scenario) return null;
    const record = newRecord(createEnv(scenario, bundledRoster()), stored.seed, stored.seats);
    record.events.push(...this.store.events(code));
    return record;
  }

  facilitatorHash(code: string): string {
    return this.store.session(code)?.facilitatorHash ?? "";
  }

  /** Sessions to bring back after a restart. */
  unfinished(): string[] {
    return this.store.unfinished(this.owner);
  }

  private newCode(): string {
    for (;;) {
      let code = "";
      for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!this.store.codeTaken(code)) return code;
    }
  }
}

/** The server is full (HTTP 503): every session it may run is unfinished. */
export class BusyError extends Error {
  override name = "BusyError";
}

/** One address asked for more than its share (HTTP 429). */
export class LimitError extends Error {
  override name = "LimitError";
}

/** A request the caller got wrong (HTTP 400). */
export class RequestError extends Error {
  override name = "RequestError";
}
