import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { Store, type StoredSession } from "../../src/server/store.ts";
import type { EngineEvent } from "../../src/sim/events.ts";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cbc-store-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const session = (code: string, owner = "local"): StoredSession => ({
  code,
  scenario: "estonia-2007",
  seed: 7,
  seats: { role: "chair", chair: "ai", humans: [] },
  timers: { incidentSeconds: 30, stepSeconds: 6, roundSeconds: 90, silenceSeconds: 60 },
  facilitatorHash: "ab".repeat(32),
  createdAt: 1_700_000_000_000,
  finished: false,
  owner,
  pausedMs: null,
});
const EVENTS: EngineEvent[] = [
  { type: "seat.control", by: "system", ally: "EST", controller: "human" },
  { type: "session.start", by: "system" },
  { type: "facilitator.note", by: "system", text: "Ünïcode — <b>and</b> quotes \"'" },
];

describe("Store", () => {
  it("keeps sessions, events, players and timers across a reopen", () => {
    const dir = freshDir();
    const store = new Store(dir);
    store.createSession(session("ABCDEF"));
    EVENTS.forEach((event, seq) => {
      store.append("ABCDEF", seq, event);
    });
    store.savePlayer("ABCDEF", { player: "p1", name: "Ann", tokenHash: "11", seat: "EST" });
    store.savePlayer("ABCDEF", { player: "p2", name: "Bo", tokenHash: "22", seat: null });
    store.savePlayer("ABCDEF", { player: "p1", name: "Ann B.", tokenHash: "changed", seat: null });
    const timers = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 1, silenceSeconds: 1 };
    store.saveTimers("ABCDEF", timers);
    store.savePause("ABCDEF", 12_345.6);
    store.close();
    store.close(); // closing twice is harmless

    const reopened = new Store(dir);
    // Last activity starts at creation (expiry.ts reads it after a restart).
    const created = session("ABCDEF");
    expect(reopened.session("ABCDEF")).toEqual({ ...created, activeAt: created.createdAt, timers, pausedMs: 12_346 });
    expect(reopened.events("ABCDEF")).toEqual(EVENTS);
    // An upsert writes what the session says now: the name, the seat and the token (a class list's name gets the
    // token of the student who claims it); the people's other fields default for rows saved without them.
    const person = { adviser: false, roster: false, joinedAt: null, device: "" };
    expect(reopened.players("ABCDEF")).toEqual([
      { player: "p1", name: "Ann B.", tokenHash: "changed", seat: null, ...person },
      { player: "p2", name: "Bo", tokenHash: "22", seat: null, ...person },
    ]);
    reopened.close();
  });

  it("adds the pause column to a log written before it existed", () => {
    const dir = freshDir();
    const old = new DatabaseSync(join(dir, "sessions.sqlite"));
    old.exec(
      "CREATE TABLE sessions (code TEXT PRIMARY KEY, scenario TEXT NOT NULL, seed INTEGER NOT NULL, seats TEXT NOT NULL, timers TEXT NOT NULL, facilitator_hash TEXT NOT NULL, created_at INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0, owner TEXT NOT NULL)",
    );
    old.close();
    const store = new Store(dir);
    store.createSession(session("DEFGHJ"));
    expect(store.session("DEFGHJ")?.pausedMs).toBeNull();
    store.savePause("DEFGHJ", 5000);
    expect(store.session("DEFGHJ")?.pausedMs).toBe(5000);
    store.close();
  });

  it("refuses a second event at a position already taken", () => {
    const store = new Store(freshDir());
    store.createSession(session("BCDEFG"));
    store.append("BCDEFG", 0, { type: "session.start", by: "system" });
    expect(() => store.append("BCDEFG", 0, { type: "session.end", by: "system" })).toThrow(/UNIQUE|constraint/i);
    expect(store.events("BCDEFG")).toEqual([{ type: "session.start", by: "system" }]);
    expect(() => store.createSession(session("BCDEFG"))).toThrow(/UNIQUE|constraint/i);
    store.close();
  });

  it("lists the unfinished sessions of one owner, oldest first, and knows which codes are taken", () => {
    const store = new Store(freshDir());
    store.createSession({ ...session("CCCCCC", "a"), createdAt: 3 });
    store.createSession({ ...session("AAAAAA", "a"), createdAt: 1 });
    store.createSession({ ...session("BBBBBB", "b"), createdAt: 2 });
    store.createSession({ ...session("DDDDDD", "a"), createdAt: 4 });
    store.markFinished("DDDDDD");
    expect(store.unfinished("a")).toEqual(["AAAAAA", "CCCCCC"]);
    expect(store.unfinished("b")).toEqual(["BBBBBB"]);
    expect(store.unfinished("c")).toEqual([]);
    expect(store.session("DDDDDD")?.finished).toBe(true);
    expect(store.codeTaken("AAAAAA")).toBe(true);
    expect(store.codeTaken("ZZZZZZ")).toBe(false);
    expect(store.session("ZZZZZZ")).toBeNull();
    expect(store.events("ZZZZZZ")).toEqual([]);
    expect(store.players("ZZZZZZ")).toEqual([]);
    store.close();
  });

  it("lets a second process open the same file (scale-out shares one data folder)", () => {
    const dir = freshDir();
    const first = new Store(dir);
    const second = new Store(dir);
    first.createSession(session("EEEEEE", "a"));
    first.append("EEEEEE", 0, { type: "session.start", by: "system" });
    expect(second.session("EEEEEE")?.owner).toBe("a");
    expect(second.events("EEEEEE")).toHaveLength(1);
    first.close();
    second.close();
  });
});
