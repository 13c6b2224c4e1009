import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { Clock } from "../../src/server/pacer.ts";
import { Registry } from "../../src/server/registry.ts";
import type { Player } from "../../src/server/seats.ts";
import { Store } from "../../src/server/store.ts";
import { stateOf } from "../../src/sim/session.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stillClock: Clock = { now: () => 1_800_000_000_000, set: () => 0, clear: () => {} };

function openSession(): CouncilSession {
  const dir = mkdtempSync(join(tmpdir(), "cbc-seats-"));
  dirs.push(dir);
  const registry = new Registry({ store: new Store(dir), clock: stillClock, owner: "local" });
  return registry.open(registry.create({ scenario: "estonia-2007", seed: 5 }).code);
}

function joinAs(council: CouncilSession, name: string, ally?: string): Player {
  const joined = council.join(name, ally);
  if ("reason" in joined) throw new Error(joined.reason);
  return joined.player;
}

describe("seats in a networked session", () => {
  it("moves a seated delegate to a free seat in one step; the old seat goes back to the AI", () => {
    const council = openSession();
    const ann = joinAs(council, "Ann", "EST");
    joinAs(council, "Ben", "LVA");
    expect(stateOf(council.session).humans.sort()).toEqual(["EST", "LVA"]);
    expect(council.facilitate({ op: "assign", player: ann.player, ally: "LTU" })).toEqual({ ok: true });
    expect(ann.seat).toBe("LTU");
    expect(stateOf(council.session).humans.sort()).toEqual(["LTU", "LVA"]);
    const log = stateOf(council.session).log.filter((e) => e.k === "control");
    expect(log.map((e) => (e.k === "control" ? `${e.ally}:${e.controller}` : ""))).toEqual([
      "EST:human",
      "LVA:human",
      "EST:ai",
      "LTU:human",
    ]);
  });

  it("moving a delegate into a held seat sends its holder to the waiting list", () => {
    const council = openSession();
    const ann = joinAs(council, "Ann", "EST");
    const ben = joinAs(council, "Ben", "LVA");
    expect(council.facilitate({ op: "assign", player: ann.player, ally: "LVA" })).toEqual({ ok: true });
    expect([ann.seat, ben.seat]).toEqual(["LVA", null]);
    expect(council.view({ kind: "facilitator" }, 0).waiting.map((w) => w.name)).toEqual(["Ben"]);
  });

  it("names each seat's holder by player id to the facilitator only", () => {
    const council = openSession();
    const ann = joinAs(council, "Ann", "EST");
    const seatOf = (v: ReturnType<CouncilSession["view"]>) => v.seats.find((s) => s.ally === "EST");
    expect(seatOf(council.view({ kind: "facilitator" }, 0))?.player).toBe(ann.player);
    expect(seatOf(council.view({ kind: "projector" }, 0))).not.toHaveProperty("player");
    expect(council.status().seats.find((s) => s.ally === "EST")).not.toHaveProperty("player");
  });

  it("refuses a seat that is not at this Council or already taken", () => {
    const council = openSession();
    joinAs(council, "Ann", "EST");
    expect(council.join("Ben", "EST")).toEqual({ reason: "EST is taken by Ann" });
    expect(council.join("Cy", "SWE")).toEqual({ reason: "SWE has no seat in this Council" });
  });
});

describe("seats after a crash between a seat's event and its holder's row", () => {
  it("gives an unheld human seat back to the AI, and a holder of an AI seat a place on the waiting list", () => {
    const dir = mkdtempSync(join(tmpdir(), "cbc-seats-"));
    dirs.push(dir);
    const store = new Store(dir);
    const registry = new Registry({ store, clock: stillClock, owner: "local" });
    const { code } = registry.create({ scenario: "estonia-2007", seed: 5 });
    const council = registry.open(code);
    const ann = joinAs(council, "Ann", "EST");
    const ben = joinAs(council, "Ben", "LVA");
    // As if the process died after LVA's seat.control but before Ben's row, and after EST's release event
    // but before Ann's row was cleared: the rows say one thing, the log another.
    store.savePlayer(code, { player: ben.player, name: ben.name, tokenHash: ben.tokenHash, seat: null });
    store.append(code, council.record.events.length, {
      type: "seat.control",
      by: "system",
      ally: "EST",
      controller: "ai",
    });
    registry.close(code);
    const restored = registry.open(code);
    expect(stateOf(restored.session).humans).toEqual([]);
    expect(restored.seats.get(ann.player)?.seat).toBeNull();
    expect(
      restored
        .view({ kind: "facilitator" }, 0)
        .waiting.map((w) => w.name)
        .sort(),
    ).toEqual(["Ann", "Ben"]);
    expect(restored.join("Cy", "LVA")).toMatchObject({ player: { seat: "LVA" } });
  });
});

describe("the facilitator's pause across a restart", () => {
  it("reopens a paused session still paused, with the time that was left on its step", () => {
    const dir = mkdtempSync(join(tmpdir(), "cbc-pause-"));
    dirs.push(dir);
    let now = 1_800_000_000_000;
    const clock: Clock = { now: () => now, set: () => 0, clear: () => {} };
    const registry = new Registry({ store: new Store(dir), clock, owner: "local" });
    const { code } = registry.create({ scenario: "estonia-2007", seed: 5, timers: { incidentSeconds: 40 } });
    const council = registry.open(code);
    expect(council.facilitate({ op: "start" })).toEqual({ ok: true });
    now += 10_000;
    expect(council.facilitate({ op: "pause" })).toEqual({ ok: true });
    expect(council.facilitate({ op: "extend", seconds: 60 })).toEqual({ ok: true });
    registry.close(code);

    const reopened = registry.open(code);
    expect(reopened.view({ kind: "projector" }, 0).clock).toMatchObject({
      paused: true,
      next: "phase.advance",
      remainingMs: 90_000,
    });
    expect(reopened.facilitate({ op: "resume" })).toEqual({ ok: true });
    expect(reopened.view({ kind: "projector" }, 0).clock).toMatchObject({ paused: false, dueAt: now + 90_000 });
    registry.close(code);
    expect(registry.open(code).view({ kind: "projector" }, 0).clock.paused).toBe(false);
  });
});

describe("a student chair who is not there", () => {
  it("does not stall the room: once the rounds are spent the clock plays the AI chair's move", () => {
    const dir = mkdtempSync(join(tmpdir(), "cbc-chair-"));
    dirs.push(dir);
    const pending: (() => void)[] = [];
    const clock: Clock = { now: () => 0, set: (fn) => pending.push(fn), clear: () => {} };
    const registry = new Registry({ store: new Store(dir), clock, owner: "local" });
    const { code } = registry.create({ scenario: "estonia-2007", seed: 5, chair: "human" });
    const council = registry.open(code);
    const chair = joinAs(council, "Chair", "chair");
    council.connected(chair, 1);
    expect(council.facilitate({ op: "start" })).toEqual({ ok: true });
    // Advance until the consultation rounds are spent: with the chair present, the clock waits for them.
    for (let i = 0; i < 60 && council.clockStatus().next !== null; i++) council.facilitate({ op: "advance" });
    expect(council.phase).toBe("consultation");
    expect(council.clockStatus().next).toBeNull();
    // The chair's device goes away: the clock now holds the AI chair's move, and taking it tables the draft.
    council.connected(chair, -1);
    expect(council.clockStatus().next).toBe("draft.table");
    pending.at(-1)?.();
    expect(council.phase).toBe("decision");
  });
});
