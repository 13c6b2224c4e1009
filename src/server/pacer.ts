/**
 * The session clock: one timer for the next step the session takes by itself (an AI round, the silence
 * deadline, …), which the facilitator can pause, extend or fire early. Real time lives here, on the server;
 * what the timer triggers reaches the engine as an ordinary recorded event.
 */
import type { ClockStatus, TimerSettings } from "../net/protocol.ts";
import type { Phase } from "../sim/state.ts";

/**
 * How long the session waits, in the phase it is in, before it takes its next step by itself; null when a
 * person must act (the facilitator starts the session) or nothing comes next.
 */
export function stepDelayMs(phase: Phase, next: string | null, timers: TimerSettings): number | null {
  if (next === null || next === "session.start") return null;
  const seconds: Record<Phase, number> = {
    briefing: 0,
    incident: timers.incidentSeconds,
    attribution: timers.stepSeconds,
    consultation: timers.roundSeconds,
    decision: timers.silenceSeconds,
    response: timers.stepSeconds,
    debrief: 0,
  };
  return seconds[phase] * 1000;
}

export interface Clock {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Pacer {
  paused = false;
  next: string | null = null;
  dueAt: number | null = null;
  private remaining: number | null = null; // while paused: what was left
  private handle: unknown = null;
  private readonly clock: Clock;
  private readonly fire: () => void;

  constructor(clock: Clock, fire: () => void) {
    this.clock = clock;
    this.fire = fire;
  }

  /** Sets the next step: `ms` from now, or waiting for a person (`ms` null). */
  arm(next: string | null, ms: number | null): void {
    this.cancel();
    this.next = next;
    if (ms === null || next === null) {
      this.dueAt = null;
      this.remaining = null;
      return;
    }
    if (this.paused) {
      this.remaining = ms;
      this.dueAt = null;
      return;
    }
    this.start(ms);
  }

  /** Brings the step forward to at most `ms` from now. */
  shorten(ms: number): void {
    if (this.paused || this.dueAt === null) return;
    if (this.dueAt - this.clock.now() > ms) this.start(ms);
  }

  /** Whether a step is timed (running, or paused with time left). */
  running(): boolean {
    return this.dueAt !== null || (this.paused && this.remaining !== null);
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    if (this.dueAt !== null) this.remaining = Math.max(0, this.dueAt - this.clock.now());
    this.cancel();
    this.dueAt = null;
  }

  /** Paused with `ms` left on the step (a restart restoring the facilitator's pause). */
  pauseWith(ms: number): void {
    this.pause();
    if (this.next !== null) this.remaining = Math.max(0, ms);
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.remaining !== null && this.next !== null) this.start(this.remaining);
    this.remaining = null;
  }

  extend(seconds: number): void {
    if (this.paused && this.remaining !== null) this.remaining += seconds * 1000;
    else if (this.dueAt !== null) this.start(this.dueAt - this.clock.now() + seconds * 1000);
  }

  status(timers: TimerSettings): ClockStatus {
    const now = this.clock.now();
    return {
      paused: this.paused,
      next: this.next,
      dueAt: this.dueAt,
      remainingMs: this.dueAt !== null ? Math.max(0, this.dueAt - now) : this.remaining,
      timers,
    };
  }

  stop(): void {
    this.cancel();
    this.next = null;
    this.dueAt = null;
  }

  private start(ms: number): void {
    this.cancel();
    const wait = Math.max(0, Math.round(ms));
    this.dueAt = this.clock.now() + wait;
    this.handle = this.clock.set(() => {
      this.handle = null;
      this.dueAt = null;
      this.fire();
    }, wait);
  }

  private cancel(): void {
    if (this.handle !== null) this.clock.clear(this.handle);
    this.handle = null;
  }
}
