import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Packr, unpack } from "msgpackr";
import { afterAll, describe, expect, it } from "vitest";
import type { PatchOp, Viewer, ViewFrame, ViewMessage } from "../../src/net/protocol.ts";
import { applyPatch, diffInto, isCompleteView, mergeView } from "../../src/net/viewPatch.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { Clock } from "../../src/server/pacer.ts";
import { Registry } from "../../src/server/registry.ts";
import type { Player } from "../../src/server/seats.ts";
import { Store } from "../../src/server/store.ts";
import { type ViewBase, ViewBatch } from "../../src/server/viewBatch.ts";
import { createSession, Peer, removeTempDirs, startInProcess, until } from "./harness.ts";

/** What a client decoded before: the view packed whole, as @colyseus/core packs a message. */
const packr = new Packr({ useRecords: false });
const asSent = (value: unknown) => unpack(packr.pack(value));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  removeTempDirs();
});

const stillClock: Clock = { now: () => 1_800_000_000_000, set: () => 0, clear: () => {} };

function openSession(scenario: string, chair: "ai" | "human"): CouncilSession {
  const dir = mkdtempSync(join(tmpdir(), "cbc-viewupdates-"));
  dirs.push(dir);
  const registry = new Registry({ store: new Store(dir), clock: stillClock, owner: "local" });
  const { code } = registry.create({ scenario, seed: 5, chair });
  return registry.open(code);
}

function seat(council: CouncilSession, name: string): Player {
  const joined = council.join(name, undefined);
  if ("reason" in joined) throw new Error(joined.reason);
  return joined.player;
}

/** One connection as the room keeps it, and the view its client has built from what it was sent. */
interface Connection {
  viewer: () => Viewer;
  base: ViewBase | null;
  logSent: number;
  view: ViewMessage | null;
  updates: number;
  updateBytes: number;
  completeBytes: number;
}

const connect = (viewer: () => Viewer): Connection => ({
  viewer,
  base: null,
  logSent: 0,
  view: null,
  updates: 0,
  updateBytes: 0,
  completeBytes: 0,
});

/** A broadcast, as CouncilRoom.publish sends it; each client's merged view must be the complete one. */
function broadcast(council: CouncilSession, connections: readonly Connection[]): void {
  const batch = new ViewBatch(council);
  for (const c of connections) {
    const viewer = c.viewer();
    const sent = batch.encode(viewer, c.logSent, undefined, c.base);
    const frame = unpack(sent.bytes) as ViewFrame;
    const merged = mergeView(c.view, frame);
    expect(merged).toStrictEqual(asSent(council.view(viewer, c.logSent)));
    if (isCompleteView(frame)) c.completeBytes += sent.bytes.length;
    else {
      c.updates++;
      c.updateBytes += sent.bytes.length;
    }
    c.view = merged;
    c.base = sent.base;
    c.logSent = sent.logEnd;
  }
}

const playerViewer = (council: CouncilSession, p: Player) => (): Viewer => {
  const now = council.seats.get(p.player) ?? p;
  return { kind: "player", player: now.player, name: now.name, seat: now.seat, seatToken: "t" };
};

describe("view updates", () => {
  it("give every client exactly the complete view, through a whole session with a full Council", () => {
    const council = openSession("control-article-5", "ai");
    const players = Array.from({ length: 34 }, (_, i) => seat(council, `Delegate ${i + 1}`)); // 2 advise
    const connections = [
      connect(() => ({ kind: "facilitator" })),
      connect(() => ({ kind: "projector" })),
      ...players.map((p) => connect(playerViewer(council, p))),
    ];
    broadcast(council, connections);
    expect(council.facilitate({ op: "start" })).toEqual({ ok: true });
    for (let step = 0; step < 60 && council.phase !== "debrief"; step++) {
      const [a, b, c] = players;
      if (a && b && c && (council.phase === "attribution" || council.phase === "consultation")) {
        council.act(a, { type: "intel.share", to: [b.seat] });
        broadcast(council, connections);
        council.act(b, { type: "assistance.request" });
        broadcast(council, connections);
        council.act(c, { type: "consultation.statement", stance: "support", wants: ["sanctions"], rejects: [] });
        broadcast(council, connections);
        council.act(a, { type: "corridor.talk", with: b.seat, offer: "reassurance" });
      }
      if (step === 5 && a) council.facilitate({ op: "free", ally: a.seat ?? "" }); // a's view changes audience
      if (step === 7 && a) council.facilitate({ op: "assign", player: a.player, ally: "EST" });
      council.facilitate({ op: "advance" });
      broadcast(council, connections);
    }
    council.facilitate({ op: "reveal" });
    broadcast(council, connections);
    const updates = connections.reduce((n, c) => n + c.updates, 0);
    const updateBytes = connections.reduce((n, c) => n + c.updateBytes, 0);
    const completeBytes = connections.reduce((n, c) => n + c.completeBytes, 0);
    const completes = connections.reduce((n, c) => n + (c.completeBytes > 0 ? 1 : 0), 0);
    expect(updates).toBeGreaterThan(connections.length * 20);
    // An update is a small part of a complete view (11 kB for a seat of this Council).
    expect(updateBytes / updates).toBeLessThan(completeBytes / completes / 4);
    council.stop();
  });

  it("send a seat that moves, or a connection that missed a broadcast, the complete view", () => {
    const council = openSession("estonia-2007", "human");
    const [chair, ann] = [seat(council, "Chair"), seat(council, "Ann")];
    if (!chair || !ann) throw new Error("no seats");
    const c = connect(playerViewer(council, ann));
    broadcast(council, [c]);
    council.facilitate({ op: "start" });
    broadcast(council, [c]);
    expect(c.updates).toBe(1);
    c.base = null; // a reconnection: the room sends from scratch
    broadcast(council, [c]);
    expect(c.updates).toBe(1);
    council.facilitate({ op: "assign", player: ann.player, ally: "USA" });
    broadcast(council, [c]); // another audience: its own ally's private state, from scratch
    expect(c.updates).toBe(1);
    expect(c.view?.viewer).toMatchObject({ seat: "USA" });
    council.stop();
  });
});

describe("view updates over the wire", () => {
  it("reach SDK clients before their action's result, and add up to what a newcomer is sent whole", async () => {
    const server = await startInProcess();
    try {
      const slow = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
      const { code, facilitatorToken } = await createSession(server.url, {
        scenario: "estonia-2007",
        seed: 9,
        timers: slow,
      });
      const facilitator = await Peer.join(server.url, { code, facilitatorToken });
      const projector = await Peer.join(server.url, { code, projector: true });
      const ann = await Peer.join(server.url, { code, name: "Ann" });
      const bo = await Peer.join(server.url, { code, name: "Bo" });
      expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
      await ann.when((p) => p.view?.phase === "consultation", "consultation");
      const statement = { type: "consultation.statement", stance: "oppose", wants: [], rejects: ["sanctions"] };
      for (const event of [statement, { type: "intel.share", to: [bo.seat] }, { type: "assistance.request" }]) {
        const seq = ann.view?.seq ?? 0;
        expect(await ann.act(event)).toMatchObject({ ok: true });
        expect(ann.view?.seq).toBeGreaterThan(seq); // its view came first
      }
      await until(() => bo.view?.seq === ann.view?.seq && projector.view?.seq === ann.view?.seq, "the last view");
      const late = await Peer.join(server.url, { code, projector: true });
      expect(projector.updates).toBeGreaterThan(3);
      expect(late.updates).toBe(0);
      expect(projector.view?.state).toStrictEqual(late.view?.state);
      expect(projector.log).toStrictEqual(late.log);
      const own = ann.view?.state.allies.find((a) => a.code === ann.seat);
      expect(own?.position?.stance).toBe("oppose");
      expect(own?.assisted).toBe(true);
      expect(bo.view?.state.allies.find((a) => a.code === ann.seat)?.assisted).toBe(false); // private
      for (const peer of [facilitator, projector, ann, bo, late]) expect(peer.problems).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("state patches", () => {
  const cases: [unknown, unknown][] = [
    [
      { a: 1, b: { c: [1, 2], d: "x" } },
      { a: 1, b: { c: [1, 3], d: "x" } },
    ],
    [{ a: [1, 2] }, { a: [1, 2, 3] }],
    [{ a: [5, 2] }, { a: [6, 2] }],
    [
      { a: { b: 1 }, gone: true },
      { a: { b: 1, c: null }, added: [] },
    ],
    [{ a: [{ x: 1 }, { x: 2 }] }, { a: [{ x: 1 }, { y: 2 }] }],
    [{ a: {} }, { a: [] }],
    [{ a: "1" }, { a: 1 }],
  ];
  it.each(cases)("turn %j into %j, leaving the base as it was", (before, after) => {
    const ops: PatchOp[] = [];
    const kept = structuredClone(before);
    diffInto(before, after, [], ops);
    expect(applyPatch(asSent(before), asSent(ops) as PatchOp[])).toStrictEqual(after);
    expect(before).toStrictEqual(kept);
  });

  it("are empty between equal states", () => {
    const ops: PatchOp[] = [];
    diffInto({ a: [1, { b: [] }], c: {} }, { a: [1, { b: [] }], c: {} }, [], ops);
    expect(ops).toEqual([]);
  });
});
