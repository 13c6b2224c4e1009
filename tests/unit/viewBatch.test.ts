import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getMessageBytes, Protocol } from "@colyseus/core";
import { Packr, unpack } from "msgpackr";
import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../src/net/protocol.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { Clock } from "../../src/server/pacer.ts";
import { Registry } from "../../src/server/registry.ts";
import type { Player } from "../../src/server/seats.ts";
import { Store } from "../../src/server/store.ts";
import { ViewBatch } from "../../src/server/viewBatch.ts";

/** What a client decoded before: the view packed whole, as @colyseus/core packs a message. */
const packr = new Packr({ useRecords: false });
const asSent = (value: unknown) => unpack(packr.pack(value));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A clock that stands still: nothing fires on its own, the tests step the session. */
const stillClock: Clock = { now: () => 1_800_000_000_000, set: () => 0, clear: () => {} };

function openSession(scenario: string, chair: "ai" | "human"): CouncilSession {
  const dir = mkdtempSync(join(tmpdir(), "cbc-viewbatch-"));
  dirs.push(dir);
  const registry = new Registry({ store: new Store(dir), clock: stillClock, owner: "local" });
  const { code } = registry.create({ scenario, seed: 11, chair });
  return registry.open(code);
}

function seat(council: CouncilSession, name: string): Player {
  const joined = council.join(name, undefined);
  if ("reason" in joined) throw new Error(joined.reason);
  return joined.player;
}

const viewerOf = (p: Player): Viewer => ({
  kind: "player",
  player: p.player,
  name: p.name,
  seat: p.seat,
  seatToken: "t",
});

/** Every connection's view, at several log positions, decodes as the whole view did. */
function expectSameViews(council: CouncilSession, players: readonly Player[]): void {
  const batch = new ViewBatch(council);
  const viewers: Viewer[] = [{ kind: "facilitator" }, { kind: "projector" }, ...players.map(viewerOf)];
  const length = council.view({ kind: "projector" }, 0).log.entries.length;
  for (const viewer of viewers)
    for (const from of [0, Math.floor(length / 2), length]) {
      const view = council.view(viewer, from);
      const encoded = batch.encode(viewer, from);
      expect(unpack(encoded.bytes)).toStrictEqual(asSent(view));
      expect(encoded.logEnd).toBe(view.log.from + view.log.entries.length);
    }
}

describe("ViewBatch", () => {
  it("packs each connection's view as it was packed whole, through a session with a full Council", () => {
    const council = openSession("control-article-5", "ai");
    const players = Array.from({ length: 34 }, (_, i) => seat(council, `Delegate ${i + 1}`)); // 2 advise
    expect(players.filter((p) => p.adviser)).toHaveLength(2);
    expectSameViews(council, players);
    expect(council.facilitate({ op: "start" })).toEqual({ ok: true });
    for (let step = 0; step < 40 && council.phase !== "debrief"; step++) {
      const [a, b] = players;
      if (a && b && (council.phase === "attribution" || council.phase === "consultation")) {
        council.act(a, { type: "intel.share", to: "all" });
        council.act(b, { type: "assistance.request" });
        council.act(b, { type: "consultation.statement", stance: "support", wants: [], rejects: [] });
      }
      if (step % 3 === 0) expectSameViews(council, players);
      council.facilitate({ op: "advance" });
    }
    expect(council.facilitate({ op: "reveal" }).ok || council.phase === "debrief").toBe(true);
    expectSameViews(council, players);
    council.stop();
  });

  it("frames a view as client.send does: Colyseus's header, then the view", () => {
    const council = openSession("estonia-2007", "ai");
    const viewer = viewerOf(seat(council, "Ann"));
    const header = getMessageBytes.raw(Protocol.ROOM_DATA, "view");
    const whole = getMessageBytes.raw(Protocol.ROOM_DATA, "view", council.view(viewer, 0));
    const frame = new ViewBatch(council).encode(viewer, 0, header).bytes;
    expect(frame.subarray(0, header.length)).toEqual(whole.subarray(0, header.length));
    expect(unpack(frame.subarray(header.length))).toStrictEqual(unpack(whole.subarray(header.length)));
    council.stop();
  });

  it("gives a human chair the public table", () => {
    const council = openSession("estonia-2007", "human");
    const players = [seat(council, "Chair"), seat(council, "Ann")];
    expect(players[0]?.seat).toBe("chair");
    council.facilitate({ op: "start" });
    for (let step = 0; step < 6; step++) council.facilitate({ op: "advance" });
    expectSameViews(council, players);
    council.stop();
  });
});
