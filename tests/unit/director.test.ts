import { afterEach, describe, expect, it, vi } from "vitest";
import { LocalGame } from "../../src/net/localGame.ts";
import { nextSystemEvent, suggestMove } from "../../src/sim/autopilot.ts";
import { legalMoves } from "../../src/sim/bots/bot.ts";
import { phaseOf } from "../../src/sim/session.ts";
import { Director, SILENCE_KEY } from "../../src/ui/director.ts";
import { paceTimings } from "../../src/ui/pace.ts";
import { MemoryStorage } from "../support/memoryStorage.ts";

/** A solo game as the chair, played by the AI up to the first silence procedure. */
function atSilence(storage: Storage): LocalGame {
  const game = LocalGame.start("estonia-2007", 3, { role: "chair", chair: "human", humans: [] }, storage);
  for (let i = 0; i < 200 && phaseOf(game.session) !== "decision"; i++) {
    const event = suggestMove(game.session, "chair") ?? nextSystemEvent(game.session);
    if (!event) throw new Error(`stuck in ${phaseOf(game.session)}`);
    expect(game.send(event)).toBeNull();
  }
  expect(phaseOf(game.session)).toBe("decision");
  return game;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the silence countdown", () => {
  it("keeps running across a reload instead of starting again", () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    let now = 1_000_000;
    const game = atSilence(storage);
    const options = { you: "chair", autoplay: false, pace: "brisk" as const, storage, now: () => now };
    const first = new Director(game, options);
    first.start();
    vi.advanceTimersByTime(400); // the first step: the countdown begins
    const seconds = paceTimings("brisk").silenceSeconds;
    expect(first.silenceLeft).toBe(seconds - 1);
    first.stop();
    now += 8_000; // the page is reloaded eight seconds later
    const resumed = LocalGame.resume(storage);
    if (!resumed) throw new Error("no autosave");
    const second = new Director(resumed, options);
    second.start();
    vi.advanceTimersByTime(400);
    expect(second.silenceLeft).toBe(seconds - 9);
    second.stop();
  });

  it("starts afresh for another draft, and forgets the deadline once it has passed", () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    storage.setItem(SILENCE_KEY, JSON.stringify({ draft: "another game", endsAt: 0 }));
    const game = atSilence(storage);
    const director = new Director(game, {
      you: "chair",
      autoplay: false,
      pace: "brisk",
      storage,
      now: () => 1_000_000,
    });
    director.start();
    vi.advanceTimersByTime(400);
    const seconds = paceTimings("brisk").silenceSeconds;
    expect(director.silenceLeft).toBe(seconds - 1);
    vi.advanceTimersByTime(seconds * 1000); // the deadline passes: the engine hears it and the key is dropped
    expect(phaseOf(game.session)).not.toBe("decision");
    expect(storage.getItem(SILENCE_KEY)).toBeNull();
    director.stop();
  });
});

/** A solo game as Estonia, played by the AI up to the first response phase in which Estonia may join a coalition. */
function atResponse(storage: Storage): LocalGame {
  const game = LocalGame.start("estonia-2007", 1, { role: "EST", chair: "ai", humans: ["EST"] }, storage);
  for (let i = 0; i < 400 && phaseOf(game.session) !== "response"; i++) {
    const event = nextSystemEvent(game.session);
    if (!event) throw new Error(`stuck in ${phaseOf(game.session)}`);
    expect(game.send(event)).toBeNull();
  }
  expect(phaseOf(game.session)).toBe("response");
  expect(legalMoves(game.session, "EST").some((m) => m.type === "coalition.join")).toBe(true);
  return game;
}

describe("the response phase", () => {
  const options = (storage: Storage) => ({ you: "EST", autoplay: false, pace: "brisk" as const, storage });

  it("waits while the player may join a coalition, and moves on when they let it pass", () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const game = atResponse(storage);
    const director = new Director(game, options(storage));
    director.start();
    vi.advanceTimersByTime(60_000);
    expect(phaseOf(game.session), "the adversary's answer waits for the player").toBe("response");
    expect(director.awaitsCoalition()).toBe(true);
    director.passResponse();
    vi.advanceTimersByTime(100);
    expect(phaseOf(game.session)).not.toBe("response");
    director.stop();
  });

  it("answers shortly after the player joins a coalition", () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const game = atResponse(storage);
    const director = new Director(game, options(storage));
    director.start();
    vi.advanceTimersByTime(10_000);
    const spec = legalMoves(game.session, "EST").find((m) => m.type === "coalition.join");
    const measure = spec?.type === "coalition.join" ? spec.measures[0] : undefined;
    expect(game.send({ type: "coalition.join", by: "EST", measure })).toBeNull();
    director.poke();
    vi.advanceTimersByTime(paceTimings("brisk").afterPlayerMs + 50);
    expect(phaseOf(game.session)).not.toBe("response");
    director.stop();
  });

  it("lets Skip ahead pass a response that waits for the player", () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const game = atResponse(storage);
    const director = new Director(game, options(storage));
    director.start();
    vi.advanceTimersByTime(10_000);
    expect(phaseOf(game.session)).toBe("response");
    director.skip();
    vi.advanceTimersByTime(100);
    expect(phaseOf(game.session)).not.toBe("response");
    director.stop();
  });
});
