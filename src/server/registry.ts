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
import type { Clock } from "./pacer.ts";
import { hashSecret, newSecret } from "./seats.ts";
import type { Store } from "./store.ts";

export interface RegistryOptions {
  store: Store;
  clock: Clock;
  owner: string; // this process's name: it restores the sessions it owns
  log?: (line: string) => void;
  maxSessions?: number; // unfinished sessions this process runs at most (default MAX_SESSIONS)
}

/** Unfinished sessions one process runs at most: far above the load bench's 60, well below its memory. */
export const MAX_SESSIONS = 400;

export class Registry {
  readonly store: Store;
  readonly owner: string;
  private readonly clock: Clock;
  private readonly open_ = new Map<string, CouncilSession>();
  private readonly owners = new Map<string, object>(); // which room opened each session
  /** The owner of sessions opened without a room (tests, tools). */
  static readonly LOCAL: object = Object.freeze({});
  readonly log: (line: string) => void;
  private readonly maxSessions: number;

  constructor(options: RegistryOptions) {
    this.maxSessions = options.maxSessions ?? MAX_SESSIONS;
    this.store = options.store;
    this.clock = options.clock;
    this.owner = options.owner;
    this.log = options.log ?? (() => {});
  }

  /** Creates a session in the durable store; returns its join code and the facilitator's secret token. */
  create(request: CreateSessionRequest): { code: string; facilitatorToken: string } {
    const scenario = bundledScenario(request.scenario);
    if (!scenario) throw new RequestError(`unknown scenario "${request.scenario}"`);
    const seats: SeatPlan = { role: "chair", chair: request.chair ?? "ai", humans: [] };
    const problem = checkSeats(createEnv(scenario, bundledRoster()), seats);
    if (problem) throw new RequestError(problem);
    if (this.store.unfinished(this.owner).length >= this.maxSessions)
      throw new BusyError(`this server already runs ${this.maxSessions} sessions: end some, or try another server`);
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
    return { code, facilitatorToken };
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

/** A request the caller got wrong (HTTP 400). */
export class RequestError extends Error {
  override name = "RequestError";
}
