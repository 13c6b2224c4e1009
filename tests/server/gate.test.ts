/**
 * The HTTP gate (src/server/httpGate.ts): body limits on every route, join limits per address counted before
 * any lookup on matchmaking and on WebSocket upgrades (wrong codes and tokens cost the guesser, not the room),
 * the origin allow-list, security headers, and 4xx for ids that are not scenarios. Every check fails without
 * the gate.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { GameServer } from "../../src/server/gameServer.ts";
import { API_BODY_LIMIT, FAILED_JOIN_BURST, MATCHMAKE_BODY_LIMIT, overTls } from "../../src/server/httpGate.ts";
import { createSession, Peer, removeTempDirs, request, startInProcess } from "./harness.ts";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen loopback address (127.0.0.2 is another "device" than 127.0.0.1). */
function raw(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    from?: string;
    chunked?: boolean;
    path?: string; // the request target as sent (an absolute URL, say), instead of the URL's path
    holdBody?: boolean; // send the headers only and keep the body back (the answer must come first)
  },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.from ?? "127.0.0.1",
        ...(options.path ? { path: options.path } : {}),
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.chunked) req.setHeader("transfer-encoding", "chunked");
    if (options.holdBody) {
      req.flushHeaders();
      return;
    }
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe("the HTTP gate", () => {
  let server: GameServer;
  beforeAll(async () => {
    server = await startInProcess();
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("refuses oversized and unmeasured matchmaking bodies before Colyseus reads them", async () => {
    const big = JSON.stringify({ code: "x".repeat(MATCHMAKE_BODY_LIMIT * 4) });
    const tooLarge = await raw(`${server.url}/matchmake/joinById/ABCDEF`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) },
      body: big,
      from: "127.0.0.3",
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ error: /too large/ });
    const chunked = await raw(`${server.url}/matchmake/joinById/ABCDEF`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      chunked: true,
      from: "127.0.0.3",
    });
    expect(chunked.status).toBe(411);
  });

  it("answers an oversized body on every route with 413 before reading it", async () => {
    const huge = { "content-type": "application/json", "content-length": String(50_000_000) };
    // Colyseus reads every request body whole before the routes see it: without the gate these never answer.
    const routes: [string, string, RegExp][] = [
      ["POST", "/api/sessions", new RegExp(`at most ${API_BODY_LIMIT} bytes for /api/`)],
      ["POST", "/api/sessions/ABCDEF/record", /at most \d+ bytes for \/api\//],
      ["PUT", "/", /\/ takes no body/],
      ["POST", "/matchmake/joinById/ABCDEF", new RegExp(`at most ${MATCHMAKE_BODY_LIMIT} bytes`)],
    ];
    for (const [method, path, message] of routes) {
      const reply = await raw(`${server.url}${path}`, { method, headers: huge, holdBody: true, from: "127.0.0.5" });
      expect(reply.status, path).toBe(413);
      expect(JSON.parse(reply.body).error, path).toMatch(message);
    }
    const justOver = JSON.stringify({ scenario: "estonia-2007", seed: 1, pad: "x".repeat(API_BODY_LIMIT) });
    const api = await raw(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(justOver)) },
      body: justOver,
      from: "127.0.0.5",
    });
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body).error).toMatch(/request body too large/);
  });

  it("counts joins sent as absolute URLs and WebSocket connections to codes never issued", async () => {
    const host = new URL(server.url).host;
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_JOIN_BURST + 4; i++) {
      const body = JSON.stringify({ reconnectionToken: `guess${i}` });
      const reply = await raw(server.url, {
        method: "POST",
        path: `http://${host}/matchmake/reconnect/QQQQ${String(i).padStart(2, "0")}`,
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        body,
        from: "127.0.0.6",
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);

    // The SDK reconnects by opening a WebSocket with its token: codes never issued are counted the same way.
    const upgrade = (room: string, token: string, from: string) =>
      new Promise<number>((resolve) => {
        const path = `/${matchMaker.processId}/${room}?sessionId=guessed&reconnectionToken=${token}`;
        const socket = new WebSocket(`ws://${host}${path}`, { localAddress: from });
        socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        socket.on("close", (closeCode) => resolve(closeCode));
        socket.on("error", () => resolve(-1));
      });
    const closes: number[] = [];
    for (let i = 0; i < FAILED_JOIN_BURST + 3; i++)
      closes.push(await upgrade(`QQQR${String(i).padStart(2, "0")}`, `guess${i}`, "127.0.0.7"));
    expect(closes.slice(0, FAILED_JOIN_BURST).every((c) => c !== 429)).toBe(true);
    expect(closes.slice(-2)).toEqual([429, 429]);

    // Stale tokens for a real session (a class after a restart, behind one school address) are not guesses:
    // tokens are long random secrets, and the class must get back in. The room is not touched by any of it.
    const { code } = await createSession(server.url, { scenario: "estonia-2007", seed: 4 });
    const stale: number[] = [];
    for (let i = 0; i < FAILED_JOIN_BURST * 3; i++) stale.push(await upgrade(code, `stale${i}`, "127.0.0.8"));
    expect(stale.filter((c) => c === 429)).toEqual([]);
    const student = await Peer.join(server.url, { code, name: "Bea" });
    const room = matchMaker.getLocalRoomById(code);
    expect(room?.clients.length).toBe(1);
    await student.leave();
  });

  it("makes a guesser pay for wrong codes while a student on another address still joins", async () => {
    const { code } = await createSession(server.url, { scenario: "estonia-2007", seed: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_JOIN_BURST + 8; i++) {
      const body = JSON.stringify({ code: `ZZZZ${String(i).padStart(2, "0")}` });
      const reply = await raw(`${server.url}/matchmake/joinById/ZZZZ${String(i).padStart(2, "0")}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        body,
        from: "127.0.0.2",
      });
      statuses.push(reply.status);
    }
    // The first guesses fail as wrong codes; once its failures run out the guesser is refused before lookup.
    expect(statuses.slice(0, FAILED_JOIN_BURST).every((s) => s >= 400 && s !== 429)).toBe(true);
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
    const student = await Peer.join(server.url, { code, name: "Ann" });
    expect(student.view?.viewer).toMatchObject({ kind: "player", name: "Ann" });
    await student.leave();
  });

  it("limits guesses of a session's facilitator token for its record", async () => {
    const { code } = await createSession(server.url, { scenario: "estonia-2007", seed: 9 });
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      const reply = await raw(`${server.url}/api/sessions/${code}/record`, {
        headers: { authorization: `Bearer guess-${i}-xxxxxxxxxxxxxxxxxxxx` },
        from: "127.0.0.11",
      });
      statuses.push(reply.status);
    }
    expect(statuses[0]).toBe(404);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
  });

  it("refuses pages of other origins, and accepts its own and listed ones", async () => {
    const body = JSON.stringify({ scenario: "estonia-2007", seed: 1 });
    const headers = (origin: string) => ({ "content-type": "application/json", origin });
    const host = new URL(server.url).host;
    const evil = await raw(`${server.url}/api/sessions`, {
      method: "POST",
      headers: headers("http://evil.test"),
      body,
    });
    expect(evil.status).toBe(403);
    const own = await raw(`${server.url}/api/sessions`, { method: "POST", headers: headers(`http://${host}`), body });
    expect(own.status).toBe(201);
  });

  it("sends security headers with every answer", async () => {
    const reply = await raw(`${server.url}/api/sessions/NOPE42`, {});
    expect(reply.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["x-frame-options"]).toBe("DENY");
    // COOP only over TLS: a plain-http page on a school address would log an error for it in every browser.
    expect(reply.headers["cross-origin-opener-policy"]).toBeUndefined();
    const forged = await raw(`${server.url}/api/sessions/NOPE42`, { headers: { "x-forwarded-proto": "https" } });
    expect(forged.headers["cross-origin-opener-policy"], "a proxy header from an untrusted client").toBeUndefined();
  });

  it("sends COOP when the page came over TLS, here or at a trusted proxy", () => {
    const req = (encrypted: boolean, proto?: string) =>
      ({ socket: { encrypted }, headers: proto ? { "x-forwarded-proto": proto } : {} }) as unknown as IncomingMessage;
    expect(overTls(req(true), false)).toBe(true);
    expect(overTls(req(false, "https"), true)).toBe(true);
    expect(overTls(req(false, "https"), false)).toBe(false);
    expect(overTls(req(false, "http"), true)).toBe(false);
    expect(overTls(req(false), true)).toBe(false);
  });

  it("answers ids that are not scenarios with a 400, also names an object already has", async () => {
    for (const scenario of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const reply = await request(`${server.url}/api/sessions`, "POST", { scenario, seed: 1 });
      expect(reply.status, scenario).toBe(400);
      expect(reply.body.error).toMatch(/unknown scenario/);
    }
  });
});
