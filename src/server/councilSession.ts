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
import { type Outcome, People } from "./people.ts";
import { PeopleLog } from "./peopleLog.ts";
import type { Player, Seats } from "./seats.ts";
import { buildView } from "./sessionView.ts";
import type { Store } from "./store.ts";

export type { Outcome } from "./people.ts";
export { MAX_PLAYERS } from "./people.ts";

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
/** How soon a clock step that failed is tried again. */
const STEP_RETRY_MS = 5000;

export class CouncilSession {
  readonly code: string;
  readonly people: People;
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
    this.pacer = new Pacer(clock, () => this.step());
    this.people = new People(
      store,
      new PeopleLog(store.database),
      code,
      record.seed,
      {
        env: session.env,
        state: () => stateOf(this.session),
        finished: () => this.finished,
        control: (ally, controller) => this.apply({ type: "seat.control", by: "system", ally, controller }),
        emit: () => this.emit(),
      },
      () => clock.now(),
    );
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
    council.people.reconcile();
    council.rearm(true);
    if (stored.pausedMs !== null) council.pacer.pauseWith(stored.pausedMs);
    return council;
  }

  get seats(): Seats {
    return this.people.seats;
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
      const advisers = this.people.advisers(ally);
      const status: SeatStatus = { ally, name: holder?.name ?? "", connected: (holder?.connections ?? 0) > 0, ai };
      if (advisers) status.advisers = advisers;
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

  /** Seats a newcomer (see People.join). */
  join(name: string, ally: SeatId | undefined, device = ""): { player: Player; token: string } | { reason: string } {
    return this.people.join(name, ally, device);
  }

  /** A connection opened or closed for a person (their seat stays theirs while they are away). */
  connected(player: Player, delta: 1 | -1): void {
    player.connections = Math.max(0, player.connections + delta);
    if (!this.finished) this.rearm(false); // an absent chair or a present class changes what the clock waits for
    this.emit();
  }

  // ── Actions ───────────────────────────────────────────────────────────────────────────────────────────

  /** A player's action for their own seat. */
  act(player: Player, raw: Record<string, unknown>): Outcome {
    const seat = player.seat;
    if (!seat) return refuse("you have no seat yet: wait for the facilitator");
    const adviser = this.people.actProblem(player);
    if (adviser) return refuse(adviser);
    if (raw.by !== undefined && raw.by !== seat)
      return refuse(`you hold ${seat}; you cannot act for ${String(raw.by)}`);
    const allowed: readonly string[] = seat === "chair" ? CHAIR_ACTIONS : ALLY_ACTIONS;
    if (typeof raw.type !== "string" || !allowed.includes(raw.type))
      return refuse(`${String(raw.type)} is not an action for ${seat === "chair" ? "the chair" : "an ally"}`);
    const parsed = parseEvent({ ...raw, by: seat });
    if ("reason" in parsed) return refuse(parsed.reason);
    const outcome = this.apply(parsed.event);
    if (outcome.ok) this.people.acted(player, this.record.events.length - 1, parsed.event.type);
    return outcome;
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
      case "assign":
      case "free":
      case "speaker":
      case "remove":
      case "block":
      case "roster":
        return this.people.facilitate(op) ?? refuse(op.op);
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
