/**
 * The networked transport against a real game server: a RemoteGame keeps the log it is sent piece by piece,
 * shows the session as its viewer may see it, awaits the server's verdict on each action, keeps its seat token
 * per join code (a new tab takes the same seat back), and survives a server restart by joining again.
 */
import { afterAll, describe, expect, it } from "vitest";
import { storedSeat } from "../../src/net/credentials.ts";
import { RemoteGame } from "../../src/net/remoteGame.ts";
import { phaseOf, stateOf } from "../../src/sim/session.ts";
import {
  createSession,
  freePort,
  removeTempDirs,
  type ServerProcess,
  sleep,
  spawnServer,
  startInProcess,
  startRelay,
  tempDir,
  until,
} from "../server/harness.ts";
import { MemoryStorage } from "../support/memoryStorage.ts";

const SLOW = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 120, silenceSeconds: 120 };
const STATEMENT = { type: "consultation.statement", stance: "undecided", wants: [], rejects: [] };

/** Resolves once `game` satisfies `check` (it is re-checked after every change the game reports). */
function when(game: RemoteGame, check: (g: RemoteGame) => boolean, label: string, ms = 20_000): Promise<void> {
  return until(() => check(game), label, ms).then(() => undefined);
}

describe("RemoteGame", () => {
  const servers: ServerProcess[] = [];
  const games: RemoteGame[] = [];
  afterAll(async () => {
    for (const game of games) await game.leave();
    for (const server of servers) await server.stop("SIGKILL");
    removeTempDirs();
  });

  it("shows each viewer its own view, awaits verdicts, and keeps the log whole", async () => {
    const server = await startInProcess();
    try {
      const created = await createSession(server.url, { scenario: "estonia-2007", seed: 5, timers: SLOW });
      const endpoint = { endpoint: server.url };
      const facilitator = await RemoteGame.join(
        { kind: "facilitator", code: created.code, token: created.facilitatorToken },
        { storage: null, ...endpoint },
      );
      const storage = new MemoryStorage();
      const ann = await RemoteGame.join(
        { kind: "player", code: created.code, name: "Ann", ally: "EST" },
        { storage, ...endpoint },
      );
      games.push(facilitator, ann);
      expect(ann.connection).toBe("connected");
      expect(ann.view.viewer).toMatchObject({ kind: "player", name: "Ann", seat: "EST" });
      expect(storedSeat(storage, created.code)?.name).toBe("Ann");

      // A refused action comes back with its reason, and the screen hears of it.
      expect(await ann.send({ type: "intel.share", to: "all" })).toMatch(/not allowed in the briefing/);
      expect(ann.lastRejection).toMatch(/briefing/);
      expect(await facilitator.facilitate({ op: "start" })).toBeNull();
      await when(ann, (g) => phaseOf(g.session) === "consultation", "consultation");
      expect(await ann.send(STATEMENT)).toBeNull();
      expect(ann.lastRejection).toBeNull();
      expect(await facilitator.facilitate({ op: "note", text: "A <b>second</b> ministry is hit" })).toBeNull();
      await when(ann, (g) => stateOf(g.session).log.some((e) => e.k === "note"), "the note");

      // The log the player pieced together is the facilitator's, entry for entry.
      await when(ann, (g) => stateOf(g.session).log.length === stateOf(facilitator.session).log.length, "same log");
      expect(stateOf(ann.session).log).toEqual(stateOf(facilitator.session).log);
      // Ann sees her own reading; others' are neutral for her but real for the facilitator.
      const mine = (g: RemoteGame, code: string) => stateOf(g.session).allies.find((a) => a.code === code);
      expect(mine(ann, "EST")?.belief).toEqual(mine(facilitator, "EST")?.belief);
      expect(mine(ann, "LVA")?.belief).toEqual([0, 0, 0, 0]);
      expect(mine(facilitator, "LVA")?.belief).not.toEqual([0, 0, 0, 0]);
      // Every delegate present has spoken, so the server brings the round's end forward to 3 s.
      expect(ann.remainingMs()).toBeGreaterThan(0);
      expect(ann.remainingMs()).toBeLessThanOrEqual(3000);

      // A second tab on the same device (same storage) takes the same seat back, without a new join.
      const again = await RemoteGame.join(
        { kind: "player", code: created.code, name: "Ann" },
        { storage, ...endpoint },
      );
      games.push(again);
      expect(again.view.viewer).toMatchObject({ kind: "player", seat: "EST" });
      expect(facilitator.view.waiting).toEqual([]);
      expect(facilitator.view.seats.filter((s) => s.name === "Ann")).toHaveLength(1);
      // Another student on the same (shared) device, under another name, gets a seat of their own.
      const bo = await RemoteGame.join({ kind: "player", code: created.code, name: "Bo" }, { storage, ...endpoint });
      games.push(bo);
      expect(bo.view.viewer).toMatchObject({ kind: "player", name: "Bo" });
      expect(bo.view.viewer.kind === "player" && bo.view.viewer.seat).not.toBe("EST");
    } finally {
      for (const game of games.splice(0)) await game.leave();
      await server.close();
    }
  });

  it("a student in the chair tables, or suspends to await evidence, as the solo chair does", async () => {
    const server = await startInProcess();
    try {
      const created = await createSession(server.url, {
        scenario: "estonia-2007",
        seed: 8,
        chair: "human",
        timers: { ...SLOW, roundSeconds: 0 },
      });
      const endpoint = { endpoint: server.url };
      const chair = await RemoteGame.join(
        { kind: "player", code: created.code, name: "Sam" },
        { storage: new MemoryStorage(), ...endpoint },
      );
      const facilitator = await RemoteGame.join(
        { kind: "facilitator", code: created.code, token: created.facilitatorToken },
        { storage: null, ...endpoint },
      );
      games.push(chair, facilitator);
      expect(chair.view.viewer).toMatchObject({ seat: "chair" }); // the first free seat
      expect(await facilitator.facilitate({ op: "start" })).toBeNull();
      await when(chair, (g) => phaseOf(g.session) === "consultation", "consultation");
      // The chair reads no capital's private reading.
      expect(stateOf(chair.session).allies.every((a) => a.belief.every((b) => b === 0))).toBe(true);
      const attributions = (g: RemoteGame) =>
        stateOf(g.session).log.filter((e) => e.k === "phase" && e.phase === "attribution").length;
      const before = attributions(chair);
      expect(await chair.send({ type: "phase.attribution" })).toBeNull();
      // With no step timer the Council may be back in consultation at once: the log tells what happened.
      await when(chair, (g) => attributions(g) > before, "back to attribution");
    } finally {
      for (const game of games.splice(0)) await game.leave();
      await server.close();
    }
  });

  it("rides out a dropped connection (the SDK reconnects) and catches up on what it missed", async () => {
    const server = await startInProcess();
    const relay = await startRelay(server.url);
    try {
      const created = await createSession(server.url, { scenario: "estonia-2007", seed: 7, timers: SLOW });
      const ann = await RemoteGame.join(
        { kind: "player", code: created.code, name: "Ann", ally: "EST" },
        { storage: new MemoryStorage(), endpoint: relay.url },
      );
      const facilitator = await RemoteGame.join(
        { kind: "facilitator", code: created.code, token: created.facilitatorToken },
        { storage: null, endpoint: server.url },
      );
      games.push(ann, facilitator);
      const states: string[] = [];
      ann.subscribe(() => {
        if (states.at(-1) !== ann.connection) states.push(ann.connection);
      });
      await sleep(5200); // the SDK reconnects by itself only after 5 s in the room
      relay.cut();
      await when(ann, (g) => g.connection === "reconnecting", "the drop");
      expect(await facilitator.facilitate({ op: "start" })).toBeNull(); // the session moves on meanwhile
      await when(ann, (g) => g.connection === "connected", "back");
      await when(ann, (g) => phaseOf(g.session) !== "briefing", "caught up");
      expect(states.slice(0, 2)).toEqual(["reconnecting", "connected"]);
      expect(stateOf(ann.session).log).toEqual(
        stateOf(facilitator.session).log.slice(0, stateOf(ann.session).log.length),
      );
      expect(ann.view.viewer).toMatchObject({ seat: "EST" });
    } finally {
      for (const game of games.splice(0)) await game.leave();
      await relay.close();
      await server.close();
    }
  }, 30_000);

  it("joins again by itself when the server restarts, and the seat is still its own", async () => {
    const env = { DATA_DIR: tempDir(), PROCESS_NAME: "remote-game-test" };
    const port = await freePort();
    const first = await spawnServer(env, port);
    servers.push(first);
    const created = await createSession(first.url, { scenario: "estonia-2007", seed: 6, timers: SLOW });
    const storage = new MemoryStorage();
    const ann = await RemoteGame.join(
      { kind: "player", code: created.code, name: "Ann", ally: "EST" },
      { storage, endpoint: first.url },
    );
    games.push(ann);
    const states: string[] = [];
    ann.subscribe(() => {
      if (states.at(-1) !== ann.connection) states.push(ann.connection);
    });
    await first.stop("SIGKILL");
    await when(ann, (g) => g.connection !== "connected", "the drop");
    expect(await ann.send(STATEMENT)).toMatch(/not connected/); // nothing is sent into the void

    const second = await spawnServer(env, port);
    servers.push(second);
    await when(ann, (g) => g.connection === "connected", "back", 90_000);
    // A view may still arrive before the kill (states then opens with "connected"): the first change is the drop.
    expect(states.find((x) => x !== "connected")).toBe("reconnecting");
    expect(states.at(-1)).toBe("connected");
    expect(ann.view.viewer).toMatchObject({ kind: "player", seat: "EST", name: "Ann" });
    const facilitator = await RemoteGame.join(
      { kind: "facilitator", code: created.code, token: created.facilitatorToken },
      { storage: null, endpoint: second.url },
    );
    games.push(facilitator);
    expect(facilitator.view.seats.find((s) => s.ally === "EST")).toMatchObject({ name: "Ann", connected: true });
  }, 120_000);
});
