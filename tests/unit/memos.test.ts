/** The engine's memos can be emptied when a server goes idle, and nothing it answers changes. */
import { describe, expect, it } from "vitest";
import { runToEnd } from "../../src/sim/autopilot.ts";
import { forgetMemos, judgeAll } from "../../src/sim/council.ts";
import { createSession, type SeatPlan, stateHash, stateOf } from "../../src/sim/session.ts";
import { envOf } from "../support/fixtures.ts";

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
});
