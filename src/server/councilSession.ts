/**
 * One networked Council: the engine session (the only authority on rules), its durable log, the people in
 * its seats and its clock. Knows nothing of Colyseus: the room forwards joins and messages here and sends
 * out the views this returns. Every accepted event is committed to the store before listeners hear of it.
 */
import type { ClockStatus, FacilitatorOp, SeatStatus, TimerSettings, Viewer, ViewMessage } from "../net/protocol.ts";
import { ALLY_ACTIONS, CHAIR_ACTIONS } from "../net/protocol.ts";
import { nextSystemEvent, suggestMove } from "../sim/autopilot.ts";
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { type EngineEvent, parseEvent } from "../sim/events.ts";
import { newRecord, type SessionRecord } from "../sim/record.ts";
import { applyParsed, createEnv, createSession, phaseOf, type Session, stateOf } from "../sim/session.ts";
import type { Phase, SeatId } from "../sim/state.ts";
import { type Clock, Pacer, stepDelayMs } from "./pacer.ts";
import { type Player, Seats } from "./seats.ts";
import { buildView } from "./sessionView.ts";
import type { Store } from "./store.ts";

export type Outcome = { ok: true } | { ok: false; reason: string };

/** A session's public status. */
export interface SessionStatus {
  code: string;
  scenario: string;
  phase: Phase;
  hour: number;
  seats: SeatStatus[];
  events: number; // accepted events so far
}
const refuse = (reason: string): Outcome => ({ ok: false, reason });

/** Seconds before a consultation round closes once every delegate has spoken. */
const EARLY_CLOSE_MS = 3000;
/** People a session takes (seated and waiting): a class of 32, some spare devices, and a bound on the lists. */
export const MAX_PLAYERS = 100;
/** How soon a clock step that failed is tried again. */
const STEP_RETRY_MS = 5000;

export class CouncilSession {
  readonly code: string;
  readonly seats: Seats;
  session: Session;
  record: SessionRecord;
  timers: TimerSettings;
  private readonly store: Store;
  private readonly pacer: Pacer;
  private readonly listeners = new Set<() => void>();
  private armedFor = "";
  /** Hears what went wrong after an event was applied (a listener that threw); the server logs it. */
  onFault: (err: unknown) => void = () => {};

  private constructor(
    store: Store,
    code: string,
    session: Session,
    record: SessionRecord,
    timers: TimerSettings,
    clock: Clock,
  ) {
    this.store = store;
    this.code = code;
    this.session = session;
    this.record = record;
    this.timers = timers;
    this.seats = new Seats(store.players(code));
    this.pacer = new Pacer(clock, () => this.step());
  }

  /** Loads a session from the store and replays its log (a new session has an empty log). */
  static load(store: Store, code: string, clock: Clock): CouncilSession {
    const stored = store.session(code);
    if (!stored) throw new Error(`no session ${code}`);
    const scenario = bundledScenario(stored.scenario);
    if (!scenario) throw new Error(`session ${code}: unknown scenario ${stored.scenario}`);
    const env = createEnv(scenario, bundledRoster());
    const record = newRecord(env, stored.seed, stored.seats);
    let session = createSession(env, stored.seed, stored.seats);
    for (const [i, event] of store.events(code).entries()) {
      const result = applyParsed(session, event);
      if (!result.ok) throw new Error(`session ${code}: logged event ${i} (${event.type}) refused: ${result.reason}`);
      session = result.session;
      record.events.push(event);
    }
    const council = new CouncilSession(store, code, session, record, stored.timers, clock);
    council.reconcileSeats();
    council.rearm(true);
    if (stored.pausedMs !== null) council.pacer.pauseWith(stored.pausedMs);
    return council;
  }

  /**
   * A seat's event and its holder's row are two writes; after a crash between them the engine is the truth. A
   * seat people play with nobody holding it goes back to the AI (a recorded event); a holder of a seat the AI
   * plays waits for a seat again.
   */
  private reconcileSeats(): void {
    if (this.finished) return;
    const s = stateOf(this.session);
    for (const player of this.seats.all())
      if (player.seat && player.seat !== "chair" && !s.humans.includes(player.seat)) {
        player.seat = null;
        this.persist(player);
      }
    for (const ally of s.humans)
      if (!this.seats.holder(ally)) this.apply({ type: "seat.control", by: "system", ally, controller: "ai" });
  }

  get phase(): Phase {
    return phaseOf(this.session);
  }

  get finished(): boolean {
    return this.phase === "debrief";
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.pacer.stop();
    this.listeners.clear();
  }

  /** Seats in seating order, the chair first when a person may play it. */
  seatStatus(withPlayers = false): SeatStatus[] {
    const s = stateOf(this.session);
    const seat = (ally: SeatId, ai: boolean): SeatStatus => {
      const holder = this.seats.holder(ally);
      const status = { ally, name: holder?.name ?? "", connected: (holder?.connections ?? 0) > 0, ai };
      return withPlayers && holder ? { ...status, player: holder.player } : status;
    };
    const chair = s.chair === "human" ? [seat("chair", false)] : [];
    return [...chair, ...s.allies.map((a) => seat(a.code, !s.humans.includes(a.code)))];
  }

  /** What anyone with the join code may know (`GET /api/sessions/:code`). */
  status(): SessionStatus {
    return {
      code: this.code,
      scenario: this.session.env.scenario.id,
      phase: this.phase,
      hour: stateOf(this.session).hour,
      seats: this.seatStatus(),
      events: this.record.events.length,
    };
  }

  /** The view for one connection; `logFrom` is how much of the log it already has. */
  view(viewer: Viewer, logFrom: number): ViewMessage {
    return buildView(this, viewer, logFrom);
  }

  /** The clock as views show it. */
  clockStatus(): ClockStatus {
    return this.pacer.status(this.timers);
  }

  // ── People ────────────────────────────────────────────────────────────────────────────────────────────

  /** Seats a newcomer: the seat asked for if free, else the first free ally seat, else the waiting list. */
  join(name: string, ally: SeatId | undefined): { player: Player; token: string } | { reason: string } {
    if (this.seats.all().length >= MAX_PLAYERS) return { reason: `this session is full (${MAX_PLAYERS} people)` };
    if (ally !== undefined) {
      const problem = this.seatProblem(ally);
      if (problem) return { reason: problem };
    }
    const seat = ally ?? this.firstFreeSeat();
    const added = this.seats.add(name, null);
    this.persist(added.player);
    if (seat) this.take(added.player, seat); // checked above; if the engine refuses, they wait for a seat
    this.emit();
    return added;
  }

  /** A connection opened or closed for a person (their seat stays theirs while they are away). */
  connected(player: Player, delta: 1 | -1): void {
    player.connections = Math.max(0, player.connections + delta);
    if (!this.finished) this.rearm(false); // an absent chair or a present class changes what the clock waits for
    this.emit();
  }

  private seatProblem(seat: SeatId): string | null {
    const s = stateOf(this.session);
    if (seat === "chair" ? s.chair !== "human" : !this.session.env.index.has(seat))
      return seat === "chair" ? "the AI chairs this session" : `${seat} has no seat in this Council`;
    const holder = this.seats.holder(seat);
    return holder ? `${seat} is taken by ${holder.name}` : null;
  }

  private firstFreeSeat(): SeatId | null {
    const s = stateOf(this.session);
    const chair: SeatId[] = s.chair === "human" ? ["chair"] : [];
    return [...chair, ...s.allies.map((a) => a.code)].find((c) => !this.seats.holder(c)) ?? null;
  }

  /** Puts a person in a seat (leaving any seat they held to the AI). */
  private take(player: Player, seat: SeatId): Outcome {
    const problem = this.seatProblem(seat);
    if (problem) return refuse(problem);
    if (player.seat) {
      const left = this.release(player);
      if (!left.ok) return left;
    }
    if (seat !== "chair" && !this.finished && !stateOf(this.session).humans.includes(seat)) {
      const applied = this.apply({ type: "seat.control", by: "system", ally: seat, controller: "human" });
      if (!applied.ok) return applied;
    }
    player.seat = seat;
    this.persist(player);
    this.emit();
    return { ok: true };
  }

  /** Hands a person's seat back to the AI; they wait for another. */
  private release(player: Player): Outcome {
    const seat = player.seat;
    if (!seat) return { ok: true };
    if (seat !== "chair" && stateOf(this.session).humans.includes(seat) && !this.finished) {
      const applied = this.apply({ type: "seat.control", by: "system", ally: seat, controller: "ai" });
      if (!applied.ok) return applied;
    }
    player.seat = null;
    this.persist(player);
    this.emit();
    return { ok: true };
  }

  private persist(p: Player): void {
    this.store.savePlayer(this.code, { player: p.player, name: p.name, tokenHash: p.tokenHash, seat: p.seat });
  }

  // ── Actions ───────────────────────────────────────────────────────────────────────────────────────────

  /** A player's action for their own seat. */
  act(player: Player, raw: Record<string, unknown>): Outcome {
    const seat = player.seat;
    if (!seat) return refuse("you have no seat yet: wait for the facilitator");
    if (raw.by !== undefined && raw.by !== seat)
      return refuse(`you hold ${seat}; you cannot act for ${String(raw.by)}`);
    const allowed: readonly string[] = seat === "chair" ? CHAIR_ACTIONS : ALLY_ACTIONS;
    if (typeof raw.type !== "string" || !allowed.includes(raw.type))
      return refuse(`${String(raw.type)} is not an action for ${seat === "chair" ? "the chair" : "an ally"}`);
    const parsed = parseEvent({ ...raw, by: seat });
    if ("reason" in parsed) return refuse(parsed.reason);
    return this.apply(parsed.event);
  }

  /** What the facilitator does. */
  facilitate(op: FacilitatorOp): Outcome {
    switch (op.op) {
      case "start":
        return this.phase === "briefing"
          ? this.apply({ type: "session.start", by: "system" })
          : refuse("already started");
      case "pause":
        this.pacer.pause();
        this.savePause();
        break;
      case "resume":
        this.pacer.resume();
        this.savePause();
        break;
      case "extend":
        if (!this.pacer.running()) return refuse("no timer is running: nothing to extend");
        this.pacer.extend(op.seconds);
        this.savePause();
        break;
      case "advance":
        return this.advance();
      case "timers":
        this.timers = { ...this.timers, ...op.timers };
        this.store.saveTimers(this.code, this.timers);
        this.rearm(false); // the step under way keeps its time; the new timers apply from the next one
        break;
      case "assign": {
        const player = this.seats.get(op.player);
        if (!player) return refuse(`no player ${op.player}`);
        const holder = this.seats.holder(op.ally);
        if (holder && holder !== player) {
          const freed = this.release(holder);
          if (!freed.ok) return freed;
        }
        return player.seat === op.ally ? { ok: true } : this.take(player, op.ally);
      }
      case "free": {
        const holder = this.seats.holder(op.ally);
        if (holder) return this.release(holder);
        // A seat people play with nobody in it (a crash between the seat's event and its holder's row): the AI.
        if (stateOf(this.session).humans.includes(op.ally))
          return this.apply({ type: "seat.control", by: "system", ally: op.ally, controller: "ai" });
        return refuse(`nobody holds ${op.ally}`);
      }
      case "inject":
        return this.apply({ type: "inject.play", by: "system", inject: op.inject });
      case "note":
        return this.apply({ type: "facilitator.note", by: "system", text: op.text });
      case "reveal":
        return this.apply({ type: "truth.reveal", by: "system" });
      case "end":
        return this.apply({ type: "session.end", by: "system" });
    }
    this.emit();
    return { ok: true };
  }

  /** The next step now: the session's own next event, or the AI's move for an idle human chair. */
  private advance(): Outcome {
    const event = nextSystemEvent(this.session) ?? suggestMove(this.session, "chair");
    return event ? this.apply(event) : refuse("nothing to advance: the session is over");
  }

  /** Validated events only. Commits to the durable log, then updates, re-arms the clock and tells listeners. */
  private apply(event: EngineEvent): Outcome {
    if (this.finished) return refuse("the session is over");
    const result = applyParsed(this.session, event);
    if (!result.ok) return refuse(result.reason);
    this.store.append(this.code, this.record.events.length, result.event); // if this throws, nothing happened
    this.session = result.session;
    this.record.events.push(result.event);
    // The event is in the log: whatever fails from here on, it has been applied.
    if (this.finished) {
      this.pacer.stop();
      try {
        this.store.markFinished(this.code);
      } catch {
        // Only restores look at it; a finished log replays to the debrief anyway.
      }
    } else this.rearm(false);
    this.emit();
    return { ok: true };
  }

  private step(): void {
    if (this.finished) return;
    const event = this.nextStep();
    if (!event || event.type === "session.start") {
      this.rearm(true);
      return;
    }
    let outcome: Outcome;
    try {
      outcome = this.apply(event);
    } catch {
      outcome = refuse("the durable log could not be written");
    }
    // A step that could not be taken (the log is unwritable, say) is tried again rather than stopping the clock.
    if (!outcome.ok) this.pacer.arm(event.type, STEP_RETRY_MS);
  }

  /**
   * The step the clock takes next: the session's own, or — when a student chair is not connected and the
   * rounds are spent — the AI chair's move, so an empty chair does not stall the room.
   */
  private nextStep(): EngineEvent | null {
    const own = nextSystemEvent(this.session);
    if (own || stateOf(this.session).chair !== "human") return own;
    return (this.seats.holder("chair")?.connections ?? 0) > 0 ? null : suggestMove(this.session, "chair");
  }

  /** Arms the clock for the next step when the phase or the step changed (a delegate speaking does not reset it). */
  private rearm(force: boolean): void {
    const next = this.nextStep();
    const s = stateOf(this.session);
    const key = `${this.phase}|${next?.type}|${s.hour}|${s.round}|${s.silenceAttempts}|${s.injects.length}`;
    if (force || key !== this.armedFor) {
      this.armedFor = key;
      this.pacer.arm(next?.type ?? null, stepDelayMs(this.phase, next?.type ?? null, this.timers));
      if (this.pacer.paused) this.savePause(); // a new step while paused: its full time waits
    }
    if (this.phase === "consultation" && this.everyoneSpoke()) this.pacer.shorten(EARLY_CLOSE_MS);
  }

  /** Keeps the facilitator's pause (and the time left) in the durable store, so a restart keeps it too. */
  private savePause(): void {
    this.store.savePause(this.code, this.pacer.paused ? (this.pacer.status(this.timers).remainingMs ?? 0) : null);
  }

  private everyoneSpoke(): boolean {
    const s = stateOf(this.session);
    const present = s.humans.filter((c) => (this.seats.holder(c)?.connections ?? 0) > 0);
    return (
      present.length > 0 && present.every((c) => (s.allies.find((a) => a.code === c)?.position?.round ?? -1) >= s.round)
    );
  }

  /** Tells listeners (the room); one that throws does not keep the others from hearing. */
  private emit(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.onFault(err);
      }
    }
  }
}
