/**
 * Scale-out through Redis: two server processes (the real binary) share matchmaking through a Redis started
 * here on loopback, and the durable store through one data folder. A session created through either process
 * is reached by clients of both: the same room, the same code, each seeing the other's seat.
 * Skipped, loudly, where redis-server is not installed (`.ci/run` installs it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSession,
  downloadRecord,
  freePort,
  Peer,
  removeTempDirs,
  request,
  type ServerProcess,
  spawnServer,
  tempDir,
  until,
} from "./harness.ts";

/** redis-server on the PATH (or where apt puts it). */
const REDIS = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/local/bin"]
  .map((dir) => join(dir, "redis-server"))
  .find((path) => existsSync(path));
if (!REDIS) console.warn("REDIS TEST SKIPPED: redis-server is not installed (apt-get install -y redis-server)");

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };

/** The seat `ally` as `peer` sees it. */
const seatOf = (peer: Peer, ally: string) => peer.view?.seats.find((s) => s.ally === ally);

describe.skipIf(!REDIS)("two server processes behind one Redis", () => {
  let redis: ChildProcess;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    const redisPort = await freePort();
    redis = spawn(
      REDIS ?? "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    redis.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    await until(() => output.includes("Ready to accept connections") || redis.exitCode !== null, "redis", 10_000);
    if (redis.exitCode !== null) throw new Error(`redis-server exited: ${output}`);

    const shared = { DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    const [portA, portB] = [await freePort(), await freePort()];
    a = await spawnServer({ ...shared, PUBLIC_ADDRESS: `127.0.0.1:${portA}`, PROCESS_NAME: "process-a" }, portA);
    b = await spawnServer({ ...shared, PUBLIC_ADDRESS: `127.0.0.1:${portB}`, PROCESS_NAME: "process-b" }, portB);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (redis && redis.exitCode === null) {
      const exited = new Promise((done) => redis.once("exit", done));
      redis.kill("SIGTERM");
      await exited;
    }
    removeTempDirs();
  });

  it.each([
    ["A", "B"],
    ["B", "A"],
  ])("a session created through process %s is joined through both processes", async (home, away) => {
    const [here, there] = home === "A" ? [a, b] : [b, a];
    const created = await createSession(here.url, { scenario: "estonia-2007", seed: 4, timers: SLOW_ROUNDS });
    const facilitator = await Peer.join(there.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    const ann = await Peer.join(here.url, { code: created.code, name: `Ann via ${home}`, ally: "EST" });
    const bo = await Peer.join(there.url, { code: created.code, name: `Bo via ${away}`, ally: "LVA" });
    const projector = await Peer.join(there.url, { code: created.code.toLowerCase(), projector: true });
    const everyone = [facilitator, ann, bo, projector];

    // One room, the one in the process that created the session (and owns its durable log).
    for (const peer of everyone) {
      expect(peer.room.roomId).toBe(created.code);
      expect(peer.view?.code).toBe(created.code);
      expect(peer.room.connection.url).toContain(new URL(here.url).host);
    }
    for (const peer of everyone)
      await peer.when(
        (p) => seatOf(p, "EST")?.name === `Ann via ${home}` && seatOf(p, "LVA")?.name === `Bo via ${away}`,
        "both delegates seated",
      );
    expect(seatOf(bo, "EST")).toMatchObject({ connected: true, ai: false });
    expect(seatOf(ann, "LVA")).toMatchObject({ connected: true, ai: false });

    // The session runs as one: Bo, who came in through the other process, is heard by everyone.
    expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
    await bo.when((p) => p.view?.phase === "consultation", "consultation");
    const statement = { type: "consultation.statement", stance: "oppose", wants: [], rejects: ["sanctions"] };
    expect(await bo.act(statement)).toMatchObject({ ok: true });
    await ann.when((p) => p.log.some((e) => e.k === "statement" && e.by === "LVA"), "Bo's statement");

    // Either process answers the session API: the status from the room's process, the record from the store.
    for (const server of [here, there]) {
      const status = await request(`${server.url}/api/sessions/${created.code}`, "GET");
      expect(status).toMatchObject({ status: 200, body: { code: created.code, phase: "consultation" } });
      expect(status.body.events).toBe(bo.view?.seq);
      expect(status.body.seats).toContainEqual({ ally: "LVA", name: `Bo via ${away}`, connected: true, ai: false });
      const record = await downloadRecord(server.url, created);
      expect(record.status).toBe(200);
      expect(record.body.events).toHaveLength(bo.view?.seq ?? -1);
    }
    expect(await request(`${there.url}/api/sessions/ZZZZZZ`, "GET")).toMatchObject({ status: 404 });
    await Promise.all(everyone.map((p) => p.leave()));
  });

  it("restores a session after its process is killed; clients of the other process rejoin it", async () => {
    const created = await createSession(a.url, { scenario: "estonia-2007", seed: 6, timers: SLOW_ROUNDS });
    const facilitator = await Peer.join(b.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    const ann = await Peer.join(b.url, { code: created.code, name: "Ann", ally: "EST" });
    expect(await facilitator.facilitate({ op: "note", text: "Before the crash" })).toMatchObject({ ok: true });
    for (const peer of [facilitator, ann]) peer.reconnectAfter(null);
    const seq = facilitator.view?.seq;

    await a.stop("SIGKILL");
    a = await spawnServer(a.env, a.port);
    expect(a.output()).toContain(`restored session ${created.code}`);
    const back = await Peer.join(b.url, { code: created.code, name: "Ann", seatToken: ann.seatToken });
    expect(back.seat).toBe("EST");
    expect(back.view?.seq).toBe(seq);
    expect(back.log.some((e) => e.k === "note" && e.text === "Before the crash")).toBe(true);
    const status = await request(`${b.url}/api/sessions/${created.code}`, "GET");
    expect(status).toMatchObject({ status: 200, body: { phase: "briefing", events: seq } });
    await back.leave();
  });
});
