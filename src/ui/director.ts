/**
 * The director paces a solo game in real time: AI rounds at a readable pace, a visible countdown to the
 * silence deadline, "skip ahead", and autoplay (the AI plays the player's seat at speed). Its timers live
 * here, in the UI; what they trigger reaches the engine as ordinary recorded events.
 */
import type { LocalGame } from "../net/localGame.ts";
import { nextSystemEvent, suggestMove } from "../sim/autopilot.ts";
import { phaseOf, stateOf } from "../sim/session.ts";
import type { SeatId } from "../sim/state.ts";

export interface DirectorOptions {
  you: SeatId;
  autoplay: boolean;
  stepMs: number; // pause between AI steps
  silenceSeconds: number; // real seconds the player has to break silence
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
  private skipping = false;
  private stopped = false;
  paused = false;
  /** Seconds left before the silence deadline, while a draft is under silence procedure. */
  silenceLeft: number | null = null;
  onTick: () => void = () => {};

  constructor(game: LocalGame, options: DirectorOptions) {
    this.game = game;
    this.options = options;
  }

  start(): void {
    this.schedule(this.options.autoplay ? 50 : 400);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Runs the AI forward until the player has something to decide (or the session ends). */
  skip(): void {
    this.skipping = true;
    this.paused = false;
    this.schedule(0);
  }

  togglePause(): void {
    this.paused = !this.paused;
    if (!this.paused) this.schedule(0);
    this.onTick();
  }

  /** Call after the player acted, so the pace picks up from there. */
  poke(): void {
    this.schedule(this.options.autoplay ? 50 : 300);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.step(), ms);
  }

  private step(): void {
    if (this.stopped || this.game.finished) return;
    if (this.paused) return;
    const session = this.game.session;
    const phase = phaseOf(session);
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
    const event = nextSystemEvent(session);
    if (!event) {
      this.skipping = false; // the chair (the player) must act
      return;
    }
    this.game.send(event);
    const after = phaseOf(this.game.session);
    if (this.skipping && (after === "decision" || after === "incident")) this.skipping = false;
    this.schedule(this.skipping ? 0 : after === "consultation" ? this.options.stepMs * 1.4 : this.options.stepMs);
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
        return Math.max(0, Math.min(this.options.silenceSeconds, Math.ceil((saved.endsAt - now) / 1000)));
      storage?.setItem(SILENCE_KEY, JSON.stringify({ draft, endsAt: now + this.options.silenceSeconds * 1000 }));
    } catch {
      // Storage disabled or corrupt: a fresh countdown.
    }
    return this.options.silenceSeconds;
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
      this.game.send({ type: "silence.deadline", by: "system" });
      this.schedule(this.options.stepMs);
      return;
    }
    this.silenceLeft -= 1;
    this.onTick();
    this.schedule(1000);
  }
}
