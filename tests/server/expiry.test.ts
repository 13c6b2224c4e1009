/**
 * Sessions nobody uses close by themselves (src/server/expiry.ts) and give back their place under
 * MAX_SESSIONS: idle ones, finished ones once left, and — after a restart — ones that were already idle.
 * A closed session answers 404; its facilitator still downloads the record. One address may not fill the
 * server alone (SESSIONS_PER_ADDRESS).
 */
import { afterEach, describe, expect, it } from "vitest";
import { fetchFrom } from "../../src/cli/bench/sourceAddress.ts";
import type { ExpiryOptions } from "../../src/server/expiry.ts";
import { type GameServer, startGameServer } from "../../src/server/gameServer.ts";
import {
  createSession,
  downloadRecord,
  FAST_TIMERS,
  Peer,
  removeTempDirs,
  request,
  sleep,
  tempDir,
  until,
} from "./harness.ts";

const FAST: ExpiryOptions = { idleMs: 800, finishedMs: 500, checkMs: 100 };
const BODY = { scenario: "estonia-2007", seed: 1, timers: FAST_TIMERS };

const servers: GameServer[] = [];
async function start(options: { dataDir?: string; expiry?: ExpiryOptions; max?: number; perAddress?: number }) {
  const server = await startGameServer({
    port: 0,
    host: "127.0.0.1",
    dataDir: options.dataDir ?? tempDir(),
    staticDir: null,
    log: () => {},
    maxSessions: options.max,
    sessionsPerAddress: options.perAddress,
    expiry: options.expiry ?? FAST,
  });
  servers.push(server);
  return server;
}
/** Waits until the session's room has closed and the process holds it no more. */
const closed = (server: GameServer, code: string) => until(() => !server.registry.running(code), `${code} closed`);
const status = async (server: GameServer, code: string) =>
  (await request(`${server.url}/api/sessions/${code}`, "GET")).status;

describe("sessions that close by themselves", () => {
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    removeTempDirs();
  });

  it("closes idle sessions, so a full server takes new ones again; a connected one stays open", async () => {
    const server = await start({ max: 3 });
    const [a, b, c] = [
      await createSession(server.url, BODY),
      await createSession(server.url, BODY),
      await createSession(server.url, BODY),
    ];
    const full = await request(`${server.url}/api/sessions`, "POST", BODY);
    expect(full.status).toBe(503);
    const projector = await Peer.join(server.url, { code: c?.code, projector: true });
    for (const code of [a?.code, b?.code]) {
      await closed(server, String(code));
      expect(await status(server, String(code))).toBe(404);
    }
    expect(await status(server, String(c?.code))).toBe(200); // the projector keeps it in use
    expect((await request(`${server.url}/api/sessions`, "POST", BODY)).status).toBe(201);
    expect((await downloadRecord(server.url, a as { code: string; facilitatorToken: string })).status).toBe(200);
    await projector.leave();
    await closed(server, String(c?.code));
    expect(await status(server, String(c?.code))).toBe(404);
  });

  it("closes a finished session once everyone has left; its record stays downloadable", async () => {
    const server = await start({ expiry: { idleMs: 60_000, finishedMs: 500, checkMs: 100 } });
    const created = await createSession(server.url, { ...BODY, autoStart: true });
    const facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    expect(await facilitator.facilitate({ op: "end" })).toMatchObject({ ok: true });
    await facilitator.when((p) => p.view?.phase === "debrief", "the debrief");
    await sleep(800);
    expect(await status(server, created.code)).toBe(200); // someone is still reading the debrief
    await facilitator.leave();
    await closed(server, created.code);
    expect(await status(server, created.code)).toBe(404);
    expect((await downloadRecord(server.url, created)).status).toBe(200);
  });

  it("does not count a class reconnecting to its ended session as guesses against its school's address", async () => {
    const server = await start({ expiry: { idleMs: 60_000, finishedMs: 300, checkMs: 100 } });
    const ended = await createSession(server.url, { ...BODY, autoStart: true });
    const facilitator = await Peer.join(server.url, { code: ended.code, facilitatorToken: ended.facilitatorToken });
    expect(await facilitator.facilitate({ op: "end" })).toMatchObject({ ok: true });
    await facilitator.leave();
    await closed(server, ended.code);
    // Thirty phones behind one school address try to come back to the session that ended.
    const school = fetchFrom("127.0.0.11");
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const reply = await school(`${server.url}/matchmake/reconnect/${ended.code}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ reconnectionToken: `phone${i}` }),
      });
      statuses.push(reply.status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    // The same address guessing codes that never existed is still made to wait.
    const guesses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const reply = await school(`${server.url}/matchmake/reconnect/NOPE${String(i).padStart(2, "0")}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ reconnectionToken: "x" }),
      });
      guesses.push(reply.status);
    }
    expect(guesses.slice(-3)).toEqual([429, 429, 429]);
  });

  it("does not bring back, after a restart, sessions that were already idle", async () => {
    const dataDir = tempDir();
    const slowCheck = { idleMs: 600, finishedMs: 600, checkMs: 60_000 };
    const first = await start({ dataDir, max: 2, expiry: slowCheck });
    const old = await createSession(first.url, BODY);
    await createSession(first.url, BODY);
    expect((await request(`${first.url}/api/sessions`, "POST", BODY)).status).toBe(503);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    await sleep(700);
    const second = await start({ dataDir, max: 2, expiry: slowCheck });
    expect(second.registry.live()).toBe(0);
    expect(await status(second, old.code)).toBe(404);
    expect((await request(`${second.url}/api/sessions`, "POST", BODY)).status).toBe(201);
  });

  it("lets one address run only its share of sessions; another address still creates", async () => {
    const server = await start({ perAddress: 2, expiry: { idleMs: 60_000, finishedMs: 60_000, checkMs: 60_000 } });
    const post = (from: string) =>
      fetchFrom(from)(`${server.url}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(BODY),
      });
    expect((await post("127.0.0.9")).status).toBe(201);
    expect((await post("127.0.0.9")).status).toBe(201);
    const third = await post("127.0.0.9");
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: string }).error).toMatch(/too many sessions created from this address/);
    expect((await post("127.0.0.10")).status).toBe(201);
  });
});
