/**
 * The HTTP gate (src/server/httpGate.ts): body limits on matchmaking, join limits per address counted before
 * any lookup (wrong codes cost the guesser, not the room), the origin allow-list, security headers, and 4xx
 * for ids that are not scenarios. Every check fails without the gate.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameServer } from "../../src/server/gameServer.ts";
import { FAILED_JOIN_BURST, MATCHMAKE_BODY_LIMIT } from "../../src/server/httpGate.ts";
import { createSession, Peer, removeTempDirs, request, startInProcess } from "./harness.ts";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen loopback address (127.0.0.2 is another "device" than 127.0.0.1). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string; chunked?: boolean },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress: options.from ?? "127.0.0.1" },
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
  });

  it("answers ids that are not scenarios with a 400, also names an object already has", async () => {
    for (const scenario of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const reply = await request(`${server.url}/api/sessions`, "POST", { scenario, seed: 1 });
      expect(reply.status, scenario).toBe(400);
      expect(reply.body.error).toMatch(/unknown scenario/);
    }
  });
});
