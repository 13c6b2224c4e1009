/**
 * The app shell's lazily loaded screens (src/ui/lazyScreen.ts): a loading screen only when a download takes a
 * while, the last screen asked for wins, a failed download becomes a message; and the shell's autosave check
 * looks where LocalGame saves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_KEY as ENGINE_KEY } from "../../src/net/localGame.ts";
import { AUTOSAVE_KEY as SHELL_KEY } from "../../src/ui/app.ts";
import { LOADING_AFTER_MS, loadFailedMessage, openers } from "../../src/ui/lazyScreen.ts";

/** A download that finishes when told to. */
function download<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { load: () => promise, resolve, reject };
}

function harness() {
  const seen: string[] = [];
  const { open, navigated } = openers(
    (what) => seen.push(`loading ${what}`),
    (message) => seen.push(`failed ${message}`),
  );
  return { seen, open, navigated };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe("screens loaded on first opening", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    { ms: LOADING_AFTER_MS - 1, expected: ["shown debrief"] },
    { ms: LOADING_AFTER_MS + 1, expected: ["loading the debrief", "shown debrief"] },
  ])("a download of $ms ms shows $expected", async ({ ms, expected }) => {
    const { seen, open } = harness();
    const d = download<string>();
    open("the debrief", d.load, (m) => seen.push(`shown ${m}`));
    await vi.advanceTimersByTimeAsync(ms);
    d.resolve("debrief");
    await settle();
    await vi.advanceTimersByTimeAsync(LOADING_AFTER_MS * 2); // no loading screen after the screen itself
    expect(seen).toEqual(expected);
  });

  it("shows only the last screen asked for", async () => {
    const { seen, open } = harness();
    const first = download<string>();
    const second = download<string>();
    open("the crises", first.load, (m) => seen.push(`shown ${m}`));
    open("the About page", second.load, (m) => seen.push(`shown ${m}`));
    second.resolve("about");
    await settle();
    first.resolve("crises");
    await vi.advanceTimersByTimeAsync(LOADING_AFTER_MS * 2);
    expect(seen).toEqual(["shown about"]);
  });

  it("drops a download when the player has gone elsewhere meanwhile", async () => {
    const { seen, open, navigated } = harness();
    const d = download<string>();
    open("the debrief", d.load, (m) => seen.push(`shown ${m}`));
    navigated();
    await vi.advanceTimersByTimeAsync(LOADING_AFTER_MS * 2);
    d.resolve("debrief");
    await settle();
    expect(seen).toEqual([]);
  });

  it("turns a failed download into a message naming what and why, to the default or the given handler", async () => {
    const { seen, open } = harness();
    const d = download<string>();
    open("the crises", d.load, () => seen.push("shown"));
    d.reject(new TypeError("Failed to fetch dynamically imported module: /assets/solo-x.js"));
    await settle();
    expect(seen).toEqual([
      "failed The crises could not be loaded (Failed to fetch dynamically imported module: /assets/solo-x.js). Check the connection and try again.",
    ]);
    const own: string[] = [];
    const e = download<string>();
    open(
      "your saved game",
      e.load,
      () => own.push("shown"),
      (m) => own.push(m),
    );
    e.reject("offline");
    await settle();
    expect(own).toEqual([loadFailedMessage("your saved game", "offline")]);
    expect(own[0]).toMatch(/^Your saved game could not be loaded \(offline\)/);
  });
});

describe("the shell's autosave check", () => {
  it("reads the key LocalGame writes", () => {
    expect(SHELL_KEY).toBe(ENGINE_KEY);
  });
});
