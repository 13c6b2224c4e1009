/**
 * The director paces a solo game in real time: AI rounds at the player's pace (relaxed, standard or brisk:
 * each wait comes from pace.ts, scaled by what there is to read), a visible countdown to the silence deadline,
 * "skip ahead", and autoplay (the AI plays the player's seat at speed). Its timers live here, in the UI; what
 * they trigger reaches the engine as ordinary recorded events. paceModel.ts adds up the same waits to tell how
 * long a game takes.
 */
import type { LocalGame } from "../net/localGame.ts";
import { nextSystemEvent, suggestMove } from "../sim/autopilot.ts";
import { legalMoves } from "../sim/bots/bot.ts";
import type { EngineEvent } from "../sim/events.ts";
import { phaseOf, stateOf } from "../sim/session.ts";
import type { Phase, SeatId } from "../sim/state.ts";
import { FIRST_STEP_MS, type Pace, type PaceTimings, paceTimings, savePace, waitAfterMs } from "./pace.ts";

export interface DirectorOptions {
  you: SeatId;
  autoplay: boolean;
  pace: Pace; // how long the table takes over each step; the player can change it during play
  /** Where the silence deadline is kept, so a reload does not give the player a fresh countdown. */
  storage?: Storage | null;
  now?: () => number; // wall clock in ms (tests pass their own)
}

/** Storage key of the running silence deadline: which draft, and when its countdown ends (ms since epoch). */
export const SILENCE_KEY = "case-by-case.silence";

export class Director {
  private readonly game: LocalGame;
  private readonly options: DirectorOptions;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerPhase: Phase | null = null; // the phase when the pending step was planned
  private timings: PaceTimings;
  private skipping = false;
  private passed = false; // the player let this response run without joining a coalition
  private stopped = false;
  paused = false;
  /** Seconds left before the silence deadline, while a draft is under silence procedure. */
  silenceLeft: number | null = null;
  onTick: () => void = () => {};

  constructor(game: LocalGame, options: DirectorOptions) {
    this.game = game;
    this.options = options;
    this.timings = paceTimings(options.pace);
  }

  get pace(): Pace {
    return this.timings.pace;
  }

  /** From the next wait on, the table keeps the new pace (a running countdown is cut to the new length). */
  setPace(pace: Pace): void {
    this.timings = paceTimings(pace);
    savePace(this.options.storage ?? null, pace);
    if (this.silenceLeft !== null) this.silenceLeft = Math.min(this.silenceLeft, this.timings.silenceSeconds);
    this.onTick();
  }

  start(): void {
    this.schedule(this.options.autoplay ? 50 : FIRST_STEP_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Runs the AI forward until the player has something to decide (or the session ends). Pressed while the
   * table waits for the player's coalition choice, it lets the response run without them.
   */
  skip(): void {
    this.skipping = true;
    if (this.awaitsCoalition()) this.passed = true;
    this.paused = false;
    this.schedule(0);
  }

  togglePause(): void {
    this.paused = !this.paused;
    if (!this.paused) this.schedule(0);
    this.onTick();
  }

  /**
   * Call after the player acted. A move the table was waiting for, or one that changed the phase (tabling,
   * moving on from an incident card), gets the table's answer shortly; any other move (a statement during a
   * round) leaves the round's reading time as it was.
   */
  poke(): void {
    if (this.options.autoplay) this.schedule(50);
    else if (this.timer === null || this.timerPhase !== phaseOf(this.game.session))
      this.schedule(this.timings.afterPlayerMs);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerPhase = phaseOf(this.game.session);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.step();
    }, ms);
  }

  /** Sends a system event and waits what the pace gives for reading what it brought. */
  private sendAndWait(event: EngineEvent): void {
    const before = this.game.session;
    this.game.send(event);
    const after = phaseOf(this.game.session);
    if (this.skipping && (after === "decision" || after === "incident")) this.skipping = false;
    if (this.skipping && this.awaitsCoalition()) this.skipping = false;
    this.schedule(this.skipping ? 0 : waitAfterMs(this.timings, before, this.game.session));
  }

  private step(): void {
    if (this.stopped || this.game.finished) return;
    if (this.paused) return;
    const session = this.game.session;
    const phase = phaseOf(session);
    if (phase !== "response") this.passed = false;
    if (this.options.autoplay) {
      const mine = suggestMove(session, this.options.you);
      const event = mine ?? nextSystemEvent(session);
      if (event) this.game.send(event);
      this.schedule(60);
      return;
    }
    // The player starts the session and reads each incident before the Council moves on.
    if (phase === "briefing" || phase === "incident") {
      this.skipping = false;
      return;
    }
    if (phase === "decision") {
      this.countDown();
      return;
    }
    this.silenceLeft = null;
    // A coalition the player could join: the adversary's answer waits for their choice (see passResponse).
    if (this.awaitsCoalition()) {
      this.skipping = false;
      return;
    }
    const event = nextSystemEvent(session);
    if (!event) {
      this.skipping = false; // the chair (the player) must act
      return;
    }
    this.sendAndWait(event);
  }

  /** The player lets the response run without joining (or joining more) coalitions. */
  passResponse(): void {
    this.passed = true;
    this.schedule(0);
  }

  /**
   * True while the response phase waits for the player: their seat may join a coalition, they have joined none
   * in this response and have not let it pass. Autoplay never waits.
   */
  awaitsCoalition(): boolean {
    const session = this.game.session;
    if (this.options.autoplay || this.passed || phaseOf(session) !== "response") return false;
    const you = this.options.you;
    if (stateOf(session).joining.some((j) => j.by === you)) return false;
    return legalMoves(session, you).some((m) => m.type === "coalition.join");
  }

  /** Seconds left for the draft under silence now: resumed from storage after a reload, else a fresh countdown. */
  private silenceStart(): number {
    const s = stateOf(this.game.session);
    const draft = `${s.scenarioId}:${s.seed}:${s.cycle}:${s.silenceAttempts}:${s.draft?.tabledHour ?? -1}`;
    const now = (this.options.now ?? Date.now)();
    const storage = this.options.storage;
    try {
      const saved = JSON.parse(storage?.getItem(SILENCE_KEY) ?? "null") as { draft?: string; endsAt?: number } | null;
      if (saved?.draft === draft && typeof saved.endsAt === "number")
        return Math.max(0, Math.min(this.timings.silenceSeconds, Math.ceil((saved.endsAt - now) / 1000)));
      storage?.setItem(SILENCE_KEY, JSON.stringify({ draft, endsAt: now + this.timings.silenceSeconds * 1000 }));
    } catch {
      // Storage disabled or corrupt: a fresh countdown.
    }
    return this.timings.silenceSeconds;
  }

  private countDown(): void {
    if (this.silenceLeft === null) this.silenceLeft = this.silenceStart();
    if (this.skipping) this.silenceLeft = 0;
    if (this.silenceLeft <= 0) {
      this.silenceLeft = null;
      try {
        this.options.storage?.removeItem(SILENCE_KEY);
      } catch {
        // Storage disabled: nothing was kept.
      }
      this.sendAndWait({ type: "silence.deadline", by: "system" });
      return;
    }
    this.silenceLeft -= 1;
    this.onTick();
    this.schedule(1000);
  }
}
