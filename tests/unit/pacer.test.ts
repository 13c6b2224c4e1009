import { describe, expect, it } from "vitest";
import type { TimerSettings } from "../../src/net/protocol.ts";
import { type Clock, Pacer, stepDelayMs } from "../../src/server/pacer.ts";

/** A clock the test moves by hand; timers fire in order of their due time. */
class FakeClock implements Clock {
  time = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now(): number {
    return this.time;
  }
  set(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clear(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  get pending(): number {
    return this.timers.length;
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}

const TIMERS: TimerSettings = { incidentSeconds: 1, stepSeconds: 1, roundSeconds: 1, silenceSeconds: 1 };

function setup() {
  const clock = new FakeClock();
  const fired: number[] = [];
  const pacer = new Pacer(clock, () => fired.push(clock.now()));
  return { clock, fired, pacer, start: clock.now() };
}

describe("Pacer", () => {
  it("fires the armed step once, when it is due", () => {
    const { clock, fired, pacer, start } = setup();
    pacer.arm("ai.round", 5000);
    expect(pacer.status(TIMERS)).toEqual({
      paused: false,
      next: "ai.round",
      dueAt: start + 5000,
      remainingMs: 5000,
      timers: TIMERS,
    });
    clock.advance(4999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([start + 5000]);
    expect(pacer.status(TIMERS)).toMatchObject({ dueAt: null, remainingMs: null });
    clock.advance(60_000);
    expect(fired).toHaveLength(1);
  });

  it("waits for a person when armed without a delay, and re-arming replaces the old timer", () => {
    const { clock, fired, pacer, start } = setup();
    pacer.arm("session.start", null);
    expect(pacer.status(TIMERS)).toMatchObject({ next: "session.start", dueAt: null, remainingMs: null });
    clock.advance(10_000);
    expect(fired).toEqual([]);
    pacer.arm("ai.round", 3000);
    pacer.arm("silence.deadline", 1000);
    expect(clock.pending).toBe(1);
    clock.advance(5000);
    expect(fired).toEqual([start + 11_000]);
    expect(pacer.next).toBe("silence.deadline");
  });

  it("pauses with the time left and resumes from it", () => {
    const { clock, fired, pacer } = setup();
    pacer.arm("ai.round", 10_000);
    clock.advance(4000);
    pacer.pause();
    pacer.pause(); // no-op
    expect(pacer.status(TIMERS)).toMatchObject({ paused: true, dueAt: null, remainingMs: 6000 });
    clock.advance(60_000);
    expect(fired).toEqual([]);
    const resumedAt = clock.now();
    pacer.resume();
    pacer.resume(); // no-op
    expect(pacer.status(TIMERS)).toMatchObject({ paused: false, dueAt: resumedAt + 6000, remainingMs: 6000 });
    clock.advance(6000);
    expect(fired).toEqual([resumedAt + 6000]);
  });

  it("keeps a step armed while paused for after the resume", () => {
    const { clock, fired, pacer } = setup();
    pacer.pause();
    pacer.arm("response.resolve", 2000);
    expect(pacer.status(TIMERS)).toMatchObject({ paused: true, next: "response.resolve", remainingMs: 2000 });
    clock.advance(5000);
    pacer.resume();
    clock.advance(2000);
    expect(fired).toEqual([clock.now()]);
  });

  it("extends a running or a paused step", () => {
    const { clock, fired, pacer, start } = setup();
    pacer.arm("ai.round", 10_000);
    clock.advance(2000);
    pacer.extend(30);
    expect(pacer.dueAt).toBe(start + 40_000);
    pacer.pause();
    pacer.extend(5);
    expect(pacer.status(TIMERS).remainingMs).toBe(43_000);
    pacer.resume();
    clock.advance(42_999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toHaveLength(1);
    pacer.extend(10); // nothing armed: nothing to extend
    clock.advance(60_000);
    expect(fired).toHaveLength(1);
  });

  it("brings a step forward, never back, and not while paused", () => {
    const { clock, fired, pacer, start } = setup();
    pacer.arm("ai.round", 90_000);
    pacer.shorten(3000);
    expect(pacer.dueAt).toBe(start + 3000);
    pacer.shorten(10_000);
    expect(pacer.dueAt).toBe(start + 3000);
    pacer.pause();
    pacer.shorten(1000);
    expect(pacer.status(TIMERS).remainingMs).toBe(3000);
    pacer.resume();
    clock.advance(3000);
    expect(fired).toEqual([start + 3000]);
  });

  it("stops for good", () => {
    const { clock, fired, pacer } = setup();
    pacer.arm("ai.round", 1000);
    pacer.stop();
    expect(pacer.status(TIMERS)).toMatchObject({ next: null, dueAt: null });
    expect(clock.pending).toBe(0);
    clock.advance(5000);
    expect(fired).toEqual([]);
  });
});

describe("how long each phase waits before its next step", () => {
  const timers = { incidentSeconds: 30, stepSeconds: 6, roundSeconds: 90, silenceSeconds: 60 };
  it("uses the facilitator's timer for the phase, and waits for a person when nothing is timed", () => {
    expect(stepDelayMs("incident", "phase.advance", timers)).toBe(30_000);
    expect(stepDelayMs("attribution", "ai.round", timers)).toBe(6_000);
    expect(stepDelayMs("consultation", "ai.round", timers)).toBe(90_000);
    expect(stepDelayMs("decision", "silence.deadline", timers)).toBe(60_000);
    expect(stepDelayMs("response", "response.resolve", timers)).toBe(6_000);
    expect(stepDelayMs("briefing", "session.start", timers)).toBeNull();
    expect(stepDelayMs("consultation", null, timers)).toBeNull();
  });
});
