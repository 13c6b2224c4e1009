/**
 * Nothing a player did is lost when the network fails: a dropped connection reconnects to the same seat and
 * catches up on what it missed, what it sent while away is delivered, and a person whose client is gone for
 * good comes back to their seat with the join code and their seat token.
 */
import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { stateOf } from "../../src/sim/session.ts";
import {
  type Created,
  createSession,
  Peer,
  type Relay,
  removeTempDirs,
  startInProcess,
  startRelay,
  until,
} from "./harness.ts";

/** Long rounds: consultation stays open while the test drops and restores connections. */
const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 120, silenceSeconds: 120 };
const SUPPORT = { type: "consultation.statement", stance: "support", wants: [], rejects: [] };

/** Whether the facilitator's table shows `ally` as connected. */
const shownConnected = (facilitator: Peer, ally: string) =>
  facilitator.view?.seats.find((s) => s.ally === ally)?.connected;

describe("dropped connections and rejoins", () => {
  let server: GameServer;
  let created: Created;
  let council: CouncilSession;
  let facilitator: Peer;
  let ann: Peer;
  let bo: Peer;
  let relay: Relay;

  beforeAll(async () => {
    server = await startInProcess();
    created = await createSession(server.url, { scenario: "estonia-2007", seed: 5, timers: SLOW_ROUNDS });
    facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    relay = await startRelay(server.url); // Ann's connection runs through it, so that it can fail
    ann = await Peer.join(relay.url, { code: created.code, name: "Ann", ally: "EST" });
    bo = await Peer.join(server.url, { code: created.code, name: "Bo", ally: "LVA" });
    expect((await facilitator.facilitate({ op: "start" })).ok).toBe(true);
    await ann.when((p) => p.view?.phase === "consultation", "consultation");
    council = server.registry.running(created.code) as CouncilSession;
  });
  afterAll(async () => {
    await relay.close();
    await server.close();
    removeTempDirs();
  });

  /** Waits until `peer` has every event the server accepted. */
  const caughtUp = (peer: Peer) => peer.when((p) => p.view?.seq === council.record.events.length, "the latest view");

  it("reconnects mid-consultation to the same seat with the whole log, and delivers what was sent meanwhile", async () => {
    expect(await ann.act(SUPPORT)).toMatchObject({ ok: true });
    ann.reconnectAfter(1000);
    relay.cut();
    await ann.when((p) => p.drops === 1, "the client to notice the drop");
    await facilitator.when(() => shownConnected(facilitator, "EST") === false, "EST shown as disconnected");

    // While Ann is away: Latvia speaks, the facilitator announces, and Ann's own request waits in her client.
    expect(await bo.act({ ...SUPPORT, stance: "undecided" })).toMatchObject({ ok: true });
    expect(await facilitator.facilitate({ op: "note", text: "Five minutes left" })).toMatchObject({ ok: true });
    const queued = ann.act({ type: "article4.request" });

    await ann.when((p) => p.reconnects === 1, "the reconnection", 10_000);
    expect(await queued).toMatchObject({ ok: true });
    await caughtUp(ann);
    expect(ann.seat).toBe("EST");
    expect(ann.left).toBeNull();
    expect(ann.problems).toEqual([]);
    expect(ann.log).toEqual(stateOf(council.session).log);
    expect(ann.log.some((e) => e.k === "statement" && e.by === "LVA" && e.stance === "undecided")).toBe(true);
    expect(ann.log.some((e) => e.k === "note" && e.text === "Five minutes left")).toBe(true);
    expect(ann.log.some((e) => e.k === "article4" && e.by === "EST")).toBe(true);

    // Her next action is accepted as Estonia's, and the table shows her back.
    expect(await ann.act({ ...SUPPORT, stance: "oppose" })).toMatchObject({ ok: true });
    const last = stateOf(council.session).log.at(-1);
    expect(last).toMatchObject({ k: "statement", by: "EST", stance: "oppose" });
    await facilitator.when(() => shownConnected(facilitator, "EST") === true, "EST shown as connected");
    expect(ann.view?.phase).toBe("consultation");
  });

  it("gives the seat back to a client that was gone for good and rejoins with the code and its seat token", async () => {
    const token = ann.seatToken;
    expect(token.length).toBeGreaterThanOrEqual(16);
    ann.reconnectAfter(null);
    relay.cut();
    await ann.when((p) => p.left !== null, "the client to give up");
    await facilitator.when(() => shownConnected(facilitator, "EST") === false, "EST shown as disconnected");
    expect(await bo.act(SUPPORT)).toMatchObject({ ok: true });

    // Someone else cannot take the seat meanwhile, nor claim it with a made-up token.
    await expect(Peer.join(server.url, { code: created.code, name: "Eve", ally: "EST" })).rejects.toThrow(/taken/);
    const stranger = await Peer.join(server.url, { code: created.code, name: "Eve", seatToken: "x".repeat(32) });
    expect(stranger.seat).not.toBe("EST");
    await stranger.leave();

    const back = await Peer.join(server.url, { code: created.code, name: "Ann (new tab)", seatToken: token });
    await caughtUp(back);
    expect(back.seat).toBe("EST");
    expect(back.view?.viewer).toMatchObject({ kind: "player", name: "Ann", seat: "EST" });
    expect(back.log).toEqual(stateOf(council.session).log);
    expect(await back.act({ type: "assistance.request" })).toMatchObject({ ok: true });
    expect(stateOf(council.session).log.at(-1)).toMatchObject({ k: "assist", by: "EST" });

    // The old connection's reconnection window closing (120 s in the room; ended here at once) must not count
    // the new connection as gone.
    const room = matchMaker.getLocalRoomById(created.code) as unknown as {
      _reconnections: Record<string, [string, { reject(reason: unknown): void }]>;
    };
    for (const [, pending] of Object.values(room._reconnections)) pending.reject(false);
    await until(() => Object.keys(room._reconnections).length === 0, "the reconnection window to close");
    await new Promise((r) => setTimeout(r, 100));
    expect(council.seats.holder("EST")?.connections).toBe(1);
    expect(council.seatStatus().find((s) => s.ally === "EST")?.connected).toBe(true);
    await back.leave();
    await until(() => council.seats.holder("EST")?.connections === 0, "EST to count as disconnected after leaving");
  });
});
