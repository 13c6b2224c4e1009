/** Which failed joins are a busy server's (tried again after a wait, said in words) and which are final. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUSY_ATTEMPTS, busyDelay, busyNote, withBusyRetry } from "../../src/net/joinRetry.ts";

const failure = (message: string, code?: number) => Object.assign(new Error(message), code ? { code } : {});

describe("joins under load", () => {
  afterEach(() => vi.useRealTimers());

  it("waits out a busy server's refusals, longer for a rate limit, and never a person's mistakes", () => {
    expect(busyDelay(failure("seat reservation expired.", 524), 0)).toBe(2000);
    expect(busyDelay(failure("council is already full.", 523), 2)).toBe(5000);
    expect(busyDelay(failure("too many join attempts from this address: wait a moment", 429), 0)).toBe(10_000);
    expect(busyDelay(failure("Service Unavailable", 503), 9)).toBe(10_000);
    expect(busyDelay(new Error("the server sent nothing"), 1)).toBe(3000);
    expect(busyDelay(failure("", 1006), 0)).toBe(2000);
    for (const final of ["no rooms found with provided criteria", "wrong facilitator token", "EST is taken by Ann"])
      expect(busyDelay(failure(final, 525), 0), final).toBeNull();
  });

  it("counts down in words while it waits, then joins", async () => {
    vi.useFakeTimers();
    const notes: string[] = [];
    let calls = 0;
    const joined = withBusyRetry(
      async () => {
        if (calls++ === 0) throw failure("seat reservation expired.", 524);
        return "room";
      },
      (note) => notes.push(note),
    );
    await vi.runAllTimersAsync();
    expect(await joined).toBe("room");
    expect(notes).toEqual([busyNote(2), busyNote(1)]);
    expect(busyNote(3)).toBe("The server is busy, joining again in 3 s…");
  });

  it("gives up on a final refusal at once, and on a busy one after its attempts", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const wrong = withBusyRetry(async () => {
      calls++;
      throw failure("no rooms found with provided criteria", 522);
    });
    await expect(wrong).rejects.toThrow(/no rooms found/);
    expect(calls).toBe(1);
    calls = 0;
    const busy = withBusyRetry(async () => {
      calls++;
      throw failure("seat reservation expired.", 524);
    });
    const settled = busy.catch((err: Error) => err.message);
    await vi.runAllTimersAsync();
    expect(await settled).toMatch(/seat reservation expired/);
    expect(calls).toBe(BUSY_ATTEMPTS);
  });
});
