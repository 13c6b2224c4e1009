/** The engine's memos can be emptied when a server goes idle, and nothing it answers changes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateConfidence } from "../../src/sim/attribution.ts";
import { nextSystemEvent, runToEnd } from "../../src/sim/autopilot.ts";
import { confidenceOf, forgetMemos, judgeAll } from "../../src/sim/council.ts";
import { applyParsed, createSession, type SeatPlan, type Session, stateHash, stateOf } from "../../src/sim/session.ts";
import { envOf, seededCheck } from "../support/fixtures.ts";

describe("the engine's memos", () => {
  it("hold the profiles of finished sessions until forgotten, and forgetting changes no answer", () => {
    const env = envOf("notpetya-2017");
    const seats: SeatPlan = { role: "chair", chair: "ai", humans: [] };
    const played = [1, 2, 3].map((seed) => runToEnd(createSession(env, seed, seats)).session);
    const [first, , third] = played;
    if (!first || !third) throw new Error("no sessions");
    const last = stateOf(third);
    const before = judgeAll(env, last, last.proposal);
    // Every seat judged keeps a memo of its last judgements.
    expect(forgetMemos()).toBeGreaterThanOrEqual(env.profiles.length);
    expect(forgetMemos()).toBe(0);
    expect(judgeAll(env, last, last.proposal)).toEqual(before);
    // A session played after forgetting ends in the same state as one played before.
    const again = runToEnd(createSession(env, 1, seats)).session;
    expect(stateHash(again)).toBe(stateHash(first));
  });

  it("are per seat, not per session: sessions played in alternation on one Council end as they end alone", () => {
    const seats: SeatPlan = { role: "chair", chair: "ai", humans: [] };
    for (const id of ["estonia-2007", "notpetya-2017"]) {
      const env = envOf(id);
      const seeds = [3, 4, 5, 6];
      const alone = seeds.map((seed) => stateHash(runToEnd(createSession(env, seed, seats)).session));
      // One event of each session in turn, so every seat's memos keep changing hands between sessions.
      let sessions: Session[] = seeds.map((seed) => createSession(env, seed, seats));
      for (let moved = true; moved; ) {
        moved = false;
        sessions = sessions.map((session) => {
          const event = nextSystemEvent(session);
          if (!event) return session;
          const result = applyParsed(session, event);
          if (!result.ok) throw new Error(result.reason);
          moved = true;
          return result.session;
        });
      }
      expect(sessions.map(stateHash)).toEqual(alone);
      for (const session of sessions) {
        const s = stateOf(session);
        const read = s.allies.map((_, i) => confidenceOf(env, s, i));
        expect(read).toEqual(s.allies.map((ally) => stateConfidence(ally.belief)));
      }
    }
  });

  it("re-judge an ally on new evidence exactly as a judgement from nothing", () => {
    const env = envOf("notpetya-2017");
    const seats: SeatPlan = { role: "chair", chair: "ai", humans: [] };
    const check = seededCheck(20261207, []);
    check(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.nat(),
        fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (seed, seat, shift) => {
          const s = stateOf(runToEnd(createSession(env, seed, seats)).session);
          const i = seat % s.allies.length;
          const ally = s.allies[i];
          if (!ally) throw new Error("no ally");
          judgeAll(env, s, s.proposal); // the memo now holds every seat as it stands
          // Only this ally's belief moves, as when evidence reaches it: the memo re-judges from its last answer.
          const belief = ally.belief.map((b, k) => b + (shift[k] ?? 0));
          const moved = { ...s, allies: s.allies.map((a, k) => (k === i ? { ...a, belief } : a)) };
          const warm = judgeAll(env, moved, s.proposal);
          forgetMemos();
          expect(warm).toEqual(judgeAll(env, moved, s.proposal));
        },
      ),
      40,
    );
  });
});
