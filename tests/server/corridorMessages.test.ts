/**
 * Corridor messages between students over the real server: a thread reaches the two delegations and the
 * facilitator, and not one byte of its text reaches a third student or the projector (read from the raw
 * WebSocket frames each connection receives). Messages are rate-limited per delegate: the excess is refused
 * with a reason, not applied, not recorded and not written to the server log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewMessage } from "../../src/net/protocol.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { MESSAGES_PER_MINUTE, TOO_MANY_MESSAGES } from "../../src/server/rateLimit.ts";
import { type Created, createSession, Peer, removeTempDirs, startInProcess } from "./harness.ts";

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
const OPENING = "Psst LVA: <b>softer</b> sanctions? 🤝";
const ANSWER = "Only if the chair drops Article 5 <script>alert(1)</script>";

/** Every frame the server sends `peer` from now on, as raw bytes (whatever the SDK makes of them). */
function tapFrames(peer: Peer): Buffer[] {
  const frames: Buffer[] = [];
  const transport = (peer.room.connection as unknown as { transport: { ws: WebSocket } }).transport;
  transport.ws.addEventListener("message", (e: MessageEvent) => {
    const data = e.data as ArrayBuffer | Buffer | string;
    frames.push(typeof data === "string" ? Buffer.from(data) : Buffer.from(data as ArrayBuffer));
  });
  return frames;
}

/** Whether any frame holds `text` as UTF-8 (msgpack and JSON both carry strings as plain UTF-8 bytes). */
const carries = (frames: readonly Buffer[], text: string) => frames.some((f) => f.includes(Buffer.from(text, "utf8")));

/** The messages of every thread in a view, as "by: text". */
const lines = (view: ViewMessage | null) =>
  (view?.state.talks ?? []).flatMap((t) => (t.messages ?? []).map((m) => `${m.by}: ${m.text}`));

describe("corridor messages between students", () => {
  let server: GameServer;
  let created: Created;
  let council: CouncilSession;
  let facilitator: Peer;
  let projector: Peer;
  let ann: Peer;
  let bo: Peer;
  let cy: Peer;
  const serverLog: string[] = [];
  const frames = new Map<string, Buffer[]>();

  beforeAll(async () => {
    server = await startInProcess(undefined, serverLog);
    created = await createSession(server.url, { scenario: "estonia-2007", seed: 3, timers: SLOW_ROUNDS });
    facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    projector = await Peer.join(server.url, { code: created.code, projector: true });
    ann = await Peer.join(server.url, { code: created.code, name: "Ann", ally: "EST" });
    bo = await Peer.join(server.url, { code: created.code, name: "Bo", ally: "LVA" });
    cy = await Peer.join(server.url, { code: created.code, name: "Cy", ally: "LTU" });
    for (const [name, peer] of Object.entries({ facilitator, projector, ann, bo, cy }))
      frames.set(name, tapFrames(peer));
    council = server.registry.running(created.code) as CouncilSession;
    expect((await facilitator.facilitate({ op: "start" })).ok).toBe(true);
    await facilitator.when((p) => p.view?.phase === "consultation", "consultation");
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  const settle = async () => {
    const seq = council.record.events.length;
    const peers = [facilitator, projector, ann, bo, cy];
    await Promise.all(peers.map((p) => p.when((q) => q.view?.seq === seq, "the latest view")));
  };

  it("carries a thread to the two delegations and the facilitator only", async () => {
    expect(await ann.act({ type: "corridor.talk", with: "LVA", offer: "none", message: OPENING })).toMatchObject({
      ok: true,
    });
    await settle();
    expect(lines(bo.view)).toEqual([`EST: ${OPENING}`]);
    expect(await bo.act({ type: "corridor.reply", to: "EST", text: ANSWER })).toMatchObject({ ok: true });
    await settle();
    for (const peer of [ann, bo, facilitator]) expect(lines(peer.view)).toEqual([`EST: ${OPENING}`, `LVA: ${ANSWER}`]);
    for (const peer of [cy, projector]) expect(peer.view?.state.talks).toEqual([]);
    // The raw bytes: the parties' frames carry the text (so the check can fail), the others' never do.
    for (const name of ["ann", "bo", "facilitator"]) {
      expect(carries(frames.get(name) ?? [], OPENING), name).toBe(true);
      expect(carries(frames.get(name) ?? [], ANSWER), name).toBe(true);
    }
    for (const name of ["cy", "projector"]) {
      expect(frames.get(name)?.length, `${name} was sent views`).toBeGreaterThan(1);
      for (const text of [OPENING, ANSWER, "softer", "Article 5 <script>"])
        expect(carries(frames.get(name) ?? [], text), `${name}: ${text}`).toBe(false);
    }
    // Nor the public log, nor the server's own log.
    expect(JSON.stringify(projector.log)).not.toContain("softer");
    expect(serverLog.join("\n")).not.toContain("softer");
  });

  it("refuses a student's messages beyond the limit, without recording or logging them", async () => {
    const before = council.record.events.length;
    const logged = serverLog.length;
    const results = [];
    // Ann has sent one message already; one more than the limit allows in a burst.
    for (let i = 1; i <= MESSAGES_PER_MINUTE; i++)
      results.push(await ann.act({ type: "corridor.reply", to: "LVA", text: `note ${i}` }));
    expect(results.slice(0, MESSAGES_PER_MINUTE - 1).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: TOO_MANY_MESSAGES });
    expect(council.record.events.length).toBe(before + MESSAGES_PER_MINUTE - 1);
    expect(council.record.events.map((e) => JSON.stringify(e)).join()).not.toContain(`note ${MESSAGES_PER_MINUTE}`);
    expect(serverLog.slice(logged).join("\n")).not.toContain("too many corridor messages");
    // The limit is Ann's own: Bo can still write, and Ann can still act otherwise.
    expect(await bo.act({ type: "corridor.reply", to: "EST", text: "still here" })).toMatchObject({ ok: true });
    expect(await ann.act({ type: "consultation.statement", stance: "support", wants: [], rejects: [] })).toMatchObject({
      ok: true,
    });
  });
});
