import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalGame } from "../../src/net/localGame.ts";
import { botSeats } from "../../src/sim/bots/play.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { applyParsed, createEnv, type Session } from "../../src/sim/session.ts";
import type { SeatId } from "../../src/sim/state.ts";
import { Director } from "../../src/ui/director.ts";
import { loadPace, PACES, type Pace, paceTimings, savePace, waitAfterMs } from "../../src/ui/pace.ts";
import {
  autoplayGame,
  cardRange,
  gameLengths,
  gameMinutes,
  lengthSeeds,
  lengthText,
  paceTimeline,
} from "../../src/ui/paceModel.ts";
import { MemoryStorage } from "../support/memoryStorage.ts";

const envOf = (id: string) => {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(id);
  return createEnv(scenario, bundledRoster());
};

afterEach(() => {
  vi.useRealTimers();
});

describe("game length at each pace (the bench's 50 seeds, the chair autoplayed)", () => {
  const lengths = new Map<string, Record<Pace, number>>();
  beforeAll(() => {
    for (const id of SCENARIO_IDS) lengths.set(id, gameLengths(envOf(id), lengthSeeds(50)));
  });

  it.each(SCENARIO_IDS)("%s: relaxed is longer than standard, standard longer than brisk", (id) => {
    const m = lengths.get(id);
    expect(m?.relaxed).toBeGreaterThan((m?.standard ?? 0) + 2);
    expect(m?.standard).toBeGreaterThan((m?.brisk ?? 0) + 2);
  });

  it.each(SCENARIO_IDS)("%s: standard falls inside the scenario card's range", (id) => {
    const range = cardRange(bundledScenario(id)?.length ?? "");
    expect(range).not.toBeNull();
    const standard = lengths.get(id)?.standard ?? 0;
    expect(standard).toBeGreaterThanOrEqual(range?.min ?? Infinity);
    expect(standard).toBeLessThanOrEqual(range?.max ?? -Infinity);
  });

  it("every single game is ordered the same way, as chair and as a delegate", () => {
    for (const [id, seat] of [
      ["estonia-2007", "EST"],
      ["notpetya-2017", "chair"],
      ["colonial-pipeline-2021", "USA"],
    ] as const)
      for (const seed of [1, 2, 3]) {
        const m = gameMinutes(envOf(id), seed, seat);
        expect(m.relaxed, `${id} ${seat} ${seed}`).toBeGreaterThan(m.standard);
        expect(m.standard, `${id} ${seat} ${seed}`).toBeGreaterThan(m.brisk);
      }
  });

  it("the card's words come from the measured minutes", () => {
    expect(lengthText({ relaxed: 31.6, standard: 24.2, brisk: 12.9 })).toBe(
      "About 24 min at standard pace · 32 relaxed · 13 brisk",
    );
    expect(cardRange("20–30 minutes")).toEqual({ min: 20, max: 30 });
    expect(cardRange("a while")).toBeNull();
  });
});

describe("the waits of a pace", () => {
  /** The session before and after each system event of an autoplayed game. */
  function steps(id: string): { before: Session; after: Session }[] {
    const { start, events } = autoplayGame(envOf(id), 4, "chair");
    const out: { before: Session; after: Session }[] = [];
    let s = start;
    for (const e of events) {
      const r = applyParsed(s, e);
      if (!r.ok) throw new Error(r.reason);
      if (e.by === "system") out.push({ before: s, after: r.session });
      s = r.session;
    }
    return out;
  }

  it("every step is slower relaxed than standard, and slower standard than brisk", () => {
    for (const { before, after } of steps("notpetya-2017")) {
      const [relaxed, standard, brisk] = PACES.map((p) => waitAfterMs(paceTimings(p), before, after));
      expect(relaxed).toBeGreaterThan(standard ?? 0);
      expect(standard).toBeGreaterThan(brisk ?? 0);
    }
  });

  it("a round with more statements to read waits longer", () => {
    const t = paceTimings("standard");
    const rounds = steps("control-article-5")
      .map(({ before, after }) => {
        const added = after.snapshot.context.log.slice(before.snapshot.context.log.length);
        const round = added.find((e) => e.k === "round");
        return round?.k === "round" ? { notes: round.notes.length, ms: waitAfterMs(t, before, after) } : null;
      })
      .filter((x) => x !== null);
    const few = rounds.reduce((a, b) => (b.notes < a.notes ? b : a));
    const many = rounds.reduce((a, b) => (b.notes > a.notes ? b : a));
    expect(many.notes).toBeGreaterThan(few.notes);
    expect(many.ms).toBeGreaterThan(few.ms);
    // Standard leaves time to read a dozen statements and a minute or more to think about breaking silence.
    expect(t.roundMs + 12 * t.perStatementMs).toBeGreaterThanOrEqual(90_000);
    expect(t.silenceSeconds).toBeGreaterThanOrEqual(60);
  });

  it("the chosen pace is kept in storage; anything else reads as standard", () => {
    const storage = new MemoryStorage();
    expect(loadPace(storage)).toBe("standard");
    savePace(storage, "brisk");
    expect(loadPace(storage)).toBe("brisk");
    storage.setItem("case-by-case.pace", "ludicrous");
    expect(loadPace(storage)).toBe("standard");
    expect(loadPace(null)).toBe("standard");
  });
});

/**
 * Plays an autoplayed game through a real Director on fake timers: the Director sends the system events when
 * its timers say, the test sends the player's moves at the times the model gives them. Returns when each
 * event happened (ms since the Director started).
 */
function throughDirector(id: string, seed: number, seat: SeatId, pace: Pace, switchTo?: Pace): number[] {
  vi.useFakeTimers();
  const { start, events } = autoplayGame(envOf(id), seed, seat);
  const beats = paceTimeline(paceTimings(pace), start, events);
  const game = LocalGame.start(id, seed, botSeats(seat), null);
  const director = new Director(game, { you: seat, autoplay: false, pace: switchTo ?? pace, storage: null });
  if (switchTo) director.setPace(pace); // changed during play: the Director takes the new pace's numbers
  const t0 = Date.now();
  director.start();
  const times: number[] = [];
  beats.forEach((beat, i) => {
    expect(game.record.events.length).toBe(i);
    if (beat.director) {
      for (let k = 0; k < 10_000 && game.record.events.length === i; k++) {
        // The response waits while the player could join a coalition: they let it pass at the model's time.
        if (director.awaitsCoalition()) {
          vi.advanceTimersByTime(Math.max(0, beat.at - (Date.now() - t0)));
          director.passResponse();
        }
        vi.advanceTimersToNextTimer();
      }
      expect(game.record.events[i]).toEqual(beat.event);
    } else {
      vi.advanceTimersByTime(beat.at - (Date.now() - t0));
      expect(game.record.events.length, `the Director moved before the player's ${beat.event.type}`).toBe(i);
      expect(game.send(beat.event)).toBeNull();
      director.poke();
    }
    times.push(Date.now() - t0);
  });
  director.stop();
  return times;
}

describe("the Director and the pace model agree", () => {
  it.each([
    ["estonia-2007", 3, "chair", "standard"],
    ["estonia-2007", 5, "EST", "brisk"],
    ["colonial-pipeline-2021", 2, "chair", "relaxed"],
    ["control-article-5", 7, "chair", "brisk"],
    ["notpetya-2017", 1, "DNK", "standard"],
    ["control-article-5", 2, "POL", "relaxed"],
  ] as const)("%s seed %i as %s at %s pace: every event at the model's time", (id, seed, seat, pace) => {
    const { start, events } = autoplayGame(envOf(id), seed, seat);
    expect(events.length).toBeGreaterThanOrEqual(10);
    const model = paceTimeline(paceTimings(pace), start, events).map((b) => b.at);
    expect(throughDirector(id, seed, seat, pace)).toEqual(model);
  });

  it("a pace changed during play is the pace the Director keeps", () => {
    const { start, events } = autoplayGame(envOf("estonia-2007"), 9, "chair");
    const model = paceTimeline(paceTimings("brisk"), start, events).map((b) => b.at);
    expect(throughDirector("estonia-2007", 9, "chair", "brisk", "relaxed")).toEqual(model);
  });
});
