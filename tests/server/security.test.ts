/**
 * No one acts where they don't belong, and bad input never takes the room down: forged facilitator moves,
 * actions for another seat, malformed and oversized messages, garbage frames, floods, bad joins and bad API
 * bodies are all refused (with a reason where the protocol allows one) while the room keeps serving.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, type ResultMessage } from "../../src/net/protocol.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { stateOf } from "../../src/sim/session.ts";
import { type Created, createSession, Peer, removeTempDirs, request, sleep, startInProcess } from "./harness.ts";

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
const STATEMENT = { type: "consultation.statement", stance: "support", wants: [], rejects: [] };

describe("forged, malformed and hostile input", () => {
  let server: GameServer;
  let created: Created;
  let council: CouncilSession;
  let facilitator: Peer;
  let projector: Peer;
  const lines: string[] = [];
  let delegates = 0;
  /** A new delegate in the next free seat (each has its own message allowance). */
  const delegate = () => Peer.join(server.url, { code: created.code, name: `Delegate ${delegates++}` });
  /** Sends a payload as message `type` and returns the result it gets (for payloads that carry no id). */
  const send = async (peer: Peer, type: string, payload: unknown): Promise<ResultMessage> => {
    const next = peer.nextResult();
    peer.room.send(type, payload);
    return next;
  };

  beforeAll(async () => {
    server = await startInProcess(undefined, lines);
    created = await createSession(server.url, { scenario: "estonia-2007", seed: 3, timers: SLOW_ROUNDS });
    facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    projector = await Peer.join(server.url, { code: created.code, projector: true });
    council = server.registry.running(created.code) as CouncilSession;
    expect((await facilitator.facilitate({ op: "start" })).ok).toBe(true);
    await facilitator.when((p) => p.view?.phase === "consultation", "consultation");
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("refuses a player's facilitator moves and actions for any seat but their own", async () => {
    const ann = await delegate();
    const seat = ann.seat;
    expect(seat).toMatch(/^[A-Z]{3}$/);
    const other = stateOf(council.session).allies.find((a) => a.code !== seat)?.code;
    const refusals: [Promise<ResultMessage>, RegExp][] = [
      [ann.facilitate({ op: "end" }), /only the facilitator can do that/],
      [ann.facilitate({ op: "assign", player: "p1", ally: "USA" }), /only the facilitator/],
      [projector.facilitate({ op: "reveal" }), /only the facilitator/],
      [ann.act({ type: "session.end", by: "system" }), new RegExp(`you hold ${seat}; you cannot act for system`)],
      [ann.act({ type: "session.end" }), /session.end is not an action for an ally/],
      [ann.act({ type: "seat.control", ally: other, controller: "human" }), /not an action for an ally/],
      [ann.act({ type: "truth.reveal" }), /not an action for an ally/],
      [ann.act({ type: "draft.table", measures: ["concern"] }), /not an action for an ally/],
      [ann.act({ ...STATEMENT, by: other }), new RegExp(`you cannot act for ${other}`)],
      [ann.act({ type: "intel.share", by: "chair", to: "all" }), /you cannot act for chair/],
      [projector.act(STATEMENT), /only a delegate in a seat can act/],
      [facilitator.act(STATEMENT), /only a delegate in a seat can act/],
    ];
    for (const [result, reason] of refusals) expect(await result).toMatchObject({ ok: false, reason });
    const s = stateOf(council.session);
    expect(council.phase).toBe("consultation");
    expect(s.log.some((e) => e.k === "reveal" || e.k === "end" || (e.k === "statement" && e.by === other))).toBe(false);
    expect(s.humans).not.toContain(other);

    // A delegate whose seat the facilitator freed waits and cannot act until given a seat again.
    const player = ann.view?.viewer.kind === "player" ? ann.view.viewer.player : "";
    expect(await facilitator.facilitate({ op: "free", ally: seat })).toMatchObject({ ok: true });
    await ann.when((p) => p.seat === null, "the seat freed");
    expect(await ann.act(STATEMENT)).toMatchObject({ ok: false, reason: /you have no seat yet/ });
    expect(await facilitator.facilitate({ op: "assign", player, ally: seat })).toMatchObject({ ok: true });
    await ann.when((p) => p.seat === seat, "the seat given back");
    expect(await ann.act(STATEMENT)).toMatchObject({ ok: true });
  });

  it("rejects malformed payloads and unknown message types with a reason", async () => {
    const bo = await delegate();
    const cases: [string, unknown, RegExp][] = [
      ["act", "hello", /^act: message: /],
      ["act", 42, /^act: /],
      ["act", null, /^act: /],
      ["act", [STATEMENT], /^act: /],
      ["act", {}, /^act: event: /],
      ["act", { event: "consultation.statement" }, /^act: event: /],
      ["act", { id: "1", event: STATEMENT }, /^act: id: /],
      ["act", { id: -1, event: STATEMENT }, /^act: id: /],
      ["act", { event: STATEMENT, as: "facilitator" }, /^act: /],
      ["act", { event: {} }, /undefined is not an action for an ally/],
      ["act", { event: { type: 5 } }, /5 is not an action for an ally/],
      ["act", { event: { ...STATEMENT, stance: "maybe" } }, /malformed event: stance/],
      ["act", { event: { ...STATEMENT, wants: ["nukes"] } }, /malformed event: wants\.0/],
      ["act", { event: { ...STATEMENT, wants: "concern" } }, /malformed event: wants/],
      ["act", { event: { ...STATEMENT, extra: 1 } }, /malformed event/],
      ["act", { event: { type: "intel.share", to: ["est"] } }, /malformed event: to/],
      ["act", { event: JSON.parse('{"__proto__": {"type": "session.end", "by": "system"}}') }, /not an action/],
      ["facilitate", { action: { op: "start" } }, /only the facilitator/],
      ["hack", { please: true }, /unknown message type hack/],
      ["", {}, /unknown message type/],
    ];
    for (const [type, payload, reason] of cases) {
      const result = await send(bo, type, payload);
      expect(result, `${type} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, reason });
    }
    const numbered = bo.nextResult();
    bo.room.send(7, {});
    expect(await numbered).toMatchObject({ ok: false, reason: /unknown message type 7/ });
    const bytes = bo.nextResult();
    bo.room.sendBytes("act", new Uint8Array([1, 2, 3]));
    expect(await bytes).toMatchObject({ ok: false, reason: /unknown message type act/ });

    // The facilitator's own malformed moves are refused the same way.
    const facilitatorCases: [unknown, RegExp][] = [
      ["end", /^facilitate: /],
      [{ action: { op: "launch" } }, /^facilitate: action\.op: /],
      [{ action: { op: "extend", seconds: 1 } }, /^facilitate: action\.seconds: /],
      [{ action: { op: "extend", seconds: "10" } }, /^facilitate: action\.seconds: /],
      [{ action: { op: "note", text: "   " } }, /^facilitate: action\.text: /],
      [{ action: { op: "timers", timers: { roundSeconds: -1 } } }, /^facilitate: action\.timers\.roundSeconds/],
      [{ action: { op: "assign", player: "nobody", ally: "EST" } }, /no player nobody/],
      [{ action: { op: "free", ally: "USA" } }, /nobody holds USA/],
      [{ action: { op: "inject", inject: "nope" } }, /no optional inject nope/],
      [{ action: { op: "start" } }, /already started/],
    ];
    for (const [payload, reason] of facilitatorCases)
      expect(await send(facilitator, "facilitate", payload)).toMatchObject({ ok: false, reason });
    // Unknown types count against the message rate too; after a second's refill Bo may act again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await bo.act(STATEMENT)).toMatchObject({ ok: true });
  });

  it("refuses oversized messages; a frame over the transport's limit closes only that connection", async () => {
    const cy = await delegate();
    const long = "x".repeat(MAX_MESSAGE_BYTES);
    expect(await cy.act({ type: "silence.break", reason: long })).toMatchObject({
      ok: false,
      reason: new RegExp(`^act: \\d+ bytes is over ${MAX_MESSAGE_BYTES}`),
    });
    expect(await facilitator.facilitate({ op: "note", text: long })).toMatchObject({ ok: false, reason: /bytes/ });

    cy.reconnectAfter(null);
    cy.room.send("act", { event: { ...STATEMENT, blob: "y".repeat(200_000) } });
    await cy.when((p) => p.left !== null, "the connection to be closed");
    expect(cy.left).toBe(1009); // "message too big", from the WebSocket server
    const back = await Peer.join(server.url, { code: created.code, name: "Cy", seatToken: cy.seatToken });
    expect(back.seat).toBe(cy.seat);
    expect(await back.act(STATEMENT)).toMatchObject({ ok: true });
  });

  it("survives garbage frames below the message layer", async () => {
    const dee = await delegate();
    dee.reconnectAfter(null);
    const socket = (dee.room.connection.transport as unknown as { ws: WebSocket }).ws;
    const frames = [[13], [13, 0xff, 0xff, 0xff], [13, 0xa3, 0x61, 0x63], [21, 0xff], [17], [19, 1, 2], [20], [255, 0]];
    for (const frame of frames) socket.send(new Uint8Array(frame));
    socket.send("not binary at all");
    socket.send(new Uint8Array(0));
    // Undecodable message data makes Colyseus close that one connection (4002); the others are ignored.
    await dee.when((p) => p.left !== null, "the connection to be closed");
    expect(dee.left).toBe(4002);
    const again = await Peer.join(server.url, { code: created.code, name: "Dee", seatToken: dee.seatToken });
    expect(again.seat).toBe(dee.seat);
    expect(await again.act(STATEMENT)).toMatchObject({ ok: true });
  });

  it("rate-limits a flood from one connection without slowing the others", async () => {
    const flooder = await delegate();
    const bystander = await delegate();
    const first = flooder.results.length;
    for (let i = 0; i < 60; i++) flooder.room.send("act", { id: 1000 + i, event: STATEMENT });
    await flooder.when((p) => p.results.length >= first + 60, "60 results");
    const results = flooder.results.slice(first);
    const limited = results.filter((r) => r.reason === "too many messages: slow down");
    expect(limited.length).toBeGreaterThanOrEqual(30);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(15);
    expect(await bystander.act(STATEMENT)).toMatchObject({ ok: true });
    await sleep(1000);
    expect(await flooder.act(STATEMENT)).toMatchObject({ ok: true });
  });

  it("refuses bad joins with a reason", async () => {
    const other = await createSession(server.url, { scenario: "notpetya-2017", seed: 1 });
    const code = created.code;
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ code, facilitatorToken: "x".repeat(32) }, /wrong facilitator token/],
      [{ code, facilitatorToken: other.facilitatorToken }, /wrong facilitator token/],
      [{ code: other.code, facilitatorToken: created.facilitatorToken }, /wrong facilitator token/],
      [{ code, facilitatorToken: "short" }, /^join: /],
      [{ code: "ABC", name: "Ann" }, /a join code is 6 letters and digits/],
      [{ code: "ZZZZZZ", name: "Ann" }, /no rooms found/],
      [{ code, name: "" }, /enter a name/],
      [{ code, name: "x".repeat(41) }, /at most 40 characters/],
      [{ code, name: "Ann", ally: "est" }, /^join: /],
      [{ code, name: "Ann", ally: "USA", admin: true }, /^join: /],
      [{ code, projector: true, name: "Ann" }, /^join: /],
      [{ code }, /^join: /],
      [{ code, name: "Ann", ally: "AUS" }, /AUS has no seat in this Council/],
      [{ code, name: "Ann", ally: "chair" }, /the AI chairs this session/],
    ];
    for (const [options, reason] of refusals)
      await expect(Peer.join(server.url, options), JSON.stringify(options)).rejects.toThrow(reason);
    // Names are kept as typed; clients render them as text.
    const odd = await Peer.join(server.url, { code: code.toLowerCase(), name: '<img src=x onerror="alert(1)">' });
    expect(odd.view?.viewer).toMatchObject({ kind: "player", name: '<img src=x onerror="alert(1)">' });
  });

  it("answers bad API requests with a JSON error", async () => {
    const url = `${server.url}/api/sessions`;
    const bad: [unknown, number, RegExp][] = [
      ["{oops", 400, /JSON|Unexpected|token/i],
      ["[]", 400, /body|expected object/],
      [{}, 400, /scenario/],
      [{ scenario: "atlantis-2030", seed: 1 }, 400, /unknown scenario "atlantis-2030"/],
      [{ scenario: "estonia-2007", seed: -1 }, 400, /^seed: /],
      [{ scenario: "estonia-2007", seed: 1.5 }, 400, /^seed: /],
      [{ scenario: "estonia-2007", seed: "1" }, 400, /^seed: /],
      [{ scenario: "estonia-2007", seed: 1, admin: true }, 400, /admin|Unrecognized/],
      [{ scenario: "estonia-2007", seed: 1, timers: { roundSeconds: 99999 } }, 400, /^timers\.roundSeconds: /],
      [{ scenario: "estonia-2007", seed: 1, chair: "robot" }, 400, /^chair: /],
      [{ scenario: "x".repeat(10_000), seed: 1 }, 413, /too large/i],
    ];
    for (const [body, status, error] of bad) {
      const reply = await request(url, "POST", body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(reply.body.error).toMatch(error);
    }
    const plain = await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ error: expect.any(String) });

    expect(await request(`${url}/NOPE42`, "GET")).toMatchObject({ status: 404, body: { error: "no such session" } });
    expect(await request(`${url}/0`, "GET")).toMatchObject({ status: 404 });
    const record = `${url}/${created.code}/record`;
    expect(await request(record, "GET")).toMatchObject({ status: 404, body: { error: /wrong facilitator token/ } });
    const wrong = { authorization: `Bearer ${"x".repeat(32)}` };
    expect(await request(record, "GET", undefined, wrong)).toMatchObject({ status: 404 });
    expect(await request(`${server.url}/api/nothing`, "GET")).toMatchObject({
      status: 404,
      body: { error: /endpoint/ },
    });
  });

  it("refuses an action the durable log cannot record, and applies nothing", async () => {
    const eve = await delegate();
    const store = server.registry.store;
    const append = store.append;
    const before = council.record.events.length;
    store.append = () => {
      throw new Error("disk I/O error");
    };
    try {
      expect(await eve.act(STATEMENT)).toMatchObject({ ok: false, reason: /could not save this action/ });
      expect(await facilitator.facilitate({ op: "note", text: "Lost?" })).toMatchObject({ ok: false });
    } finally {
      store.append = append;
    }
    expect(council.record.events).toHaveLength(before);
    expect(store.events(created.code)).toHaveLength(before);
    expect(await eve.act(STATEMENT)).toMatchObject({ ok: true });
  });

  it("refuses one session's facilitator token in another session's room (join by room id)", async () => {
    const mine = await createSession(server.url, { scenario: "estonia-2007", seed: 4 });
    const hijack = new Client(server.url).joinById(created.code, {
      code: mine.code,
      facilitatorToken: mine.facilitatorToken,
    });
    await expect(hijack).rejects.toThrow(/belongs to another session/);
    expect(council.finished).toBe(false);
  });

  it("lets no client create or join-or-create rooms: only the server opens sessions", async () => {
    for (const method of ["create", "joinOrCreate"]) {
      const reply = await request(`${server.url}/matchmake/${method}/council`, "POST", {
        code: created.code,
        name: "X",
      });
      expect(reply.status).toBeGreaterThanOrEqual(400);
    }
    expect(server.registry.running(created.code)).toBe(council);
    expect(await facilitator.facilitate({ op: "note", text: "Still open" })).toMatchObject({ ok: true });
    await projector.when((p) => p.log.some((e) => e.k === "note" && e.text === "Still open"), "views keep coming");
  });

  it("keeps serving after all of it, and logged every refusal", async () => {
    expect(await facilitator.facilitate({ op: "note", text: "Still here" })).toMatchObject({ ok: true });
    const late = await delegate();
    expect(await late.act(STATEMENT)).toMatchObject({ ok: true });
    await projector.when((p) => p.log.some((e) => e.k === "note" && e.text === "Still here"), "the note");
    expect(projector.problems).toEqual([]);
    expect(lines.some((l) => l.includes("rejected: only the facilitator can do that"))).toBe(true);
    expect(lines.some((l) => l.includes("rejected: unknown message type hack"))).toBe(true);
    expect(lines.some((l) => l.startsWith("api error"))).toBe(false);
  });
});
