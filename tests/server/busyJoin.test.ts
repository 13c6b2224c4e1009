/**
 * A join that meets a busy server (src/net/joinRetry.ts, src/net/remoteGame.ts): the server stalls just after
 * granting a seat, so the reservation expires before the connection reaches it — what a class joining an
 * overloaded server met as "seat reservation expired". The client waits, says so, joins again and gets in.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Colyseus reads how long a seat stays reserved when it loads: one second here (15 by default).
vi.hoisted(() => {
  process.env.COLYSEUS_SEAT_RESERVATION_TIME = "1";
});

import { RemoteGame } from "../../src/net/remoteGame.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { createSession, removeTempDirs, startInProcess } from "./harness.ts";

describe("joining a busy server", () => {
  let server: GameServer;
  let stalls = 0;
  beforeAll(async () => {
    server = await startInProcess();
    // After the first seat granted, the server's event loop is stuck for longer than the reservation lasts.
    server.http.on("request", (req, res) => {
      if (!req.url?.startsWith("/matchmake/join")) return;
      res.on("finish", () => {
        if (stalls++ > 0) return;
        setImmediate(() => {
          const until = Date.now() + 1600;
          while (Date.now() < until);
        });
      });
    });
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("waits, says the server is busy, and joins on a later attempt", async () => {
    const { code } = await createSession(server.url, { scenario: "estonia-2007", seed: 8 });
    const notes: string[] = [];
    const game = await RemoteGame.join(
      { kind: "player", code, name: "Ann" },
      { storage: null, endpoint: server.url, onWait: (note) => notes.push(note) },
    );
    expect(stalls).toBeGreaterThanOrEqual(2); // the first attempt stalled; another one got in
    expect(notes[0]).toMatch(/^The server is busy, joining again in \d+ s…$/);
    expect(game.view.viewer).toMatchObject({ kind: "player", name: "Ann" });
    await game.leave();
  }, 30_000);
});
