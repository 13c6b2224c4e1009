/**
 * GET /api/health: 200 with the process's sessions while its store takes writes; 503 naming the store when its
 * data folder is gone; Redis reported as not configured, reachable, then unreachable once it is killed (the
 * real binary, as a container's HEALTHCHECK would call it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createSession,
  freePort,
  removeTempDirs,
  request,
  type ServerProcess,
  spawnServer,
  startInProcess,
  tempDir,
  until,
} from "./harness.ts";

const REDIS = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/local/bin"]
  .map((dir) => join(dir, "redis-server"))
  .find((path) => existsSync(path));
if (!REDIS) console.warn("REDIS HEALTH TEST SKIPPED: redis-server is not installed (apt-get install -y redis-server)");

afterAll(() => removeTempDirs());

describe("GET /api/health", () => {
  it("reports the store, the sessions and no Redis; 503 once the data folder is gone", async () => {
    const dataDir = tempDir();
    const server = await startInProcess(dataDir);
    try {
      const before = await request(`${server.url}/api/health`, "GET");
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        ok: true,
        process: "local",
        store: { writable: true },
        sessions: { unfinished: 0, rooms: 0, connections: 0 },
        redis: "not configured",
      });
      const memory = before.body.memory as { rssMB: number; heapUsedMB: number };
      expect(memory.heapUsedMB).toBeGreaterThan(1);
      expect(memory.rssMB).toBeGreaterThan(memory.heapUsedMB);

      await createSession(server.url, { scenario: "estonia-2007", seed: 1 });
      await createSession(server.url, { scenario: "estonia-2007", seed: 2 });
      const after = await request(`${server.url}/api/health`, "GET");
      expect(after.status).toBe(200);
      expect(after.body.sessions).toEqual({ unfinished: 2, rooms: 2, connections: 0 });

      rmSync(dataDir, { recursive: true, force: true });
      const broken = await request(`${server.url}/api/health`, "GET");
      expect(broken.status).toBe(503);
      expect(broken.body).toMatchObject({ ok: false, store: { writable: false } });
      expect(String((broken.body.store as { problem?: string }).problem)).toContain("was moved or deleted");
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!REDIS)("GET /api/health with Redis", () => {
  let redis: ChildProcess | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop("SIGKILL");
    if (redis && redis.exitCode === null && redis.signalCode === null) redis.kill("SIGKILL");
  });

  it("says Redis is reachable, then unreachable (503) once it is killed", async () => {
    const redisPort = await freePort();
    const child = spawn(
      REDIS ?? "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    redis = child;
    let output = "";
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    await until(() => output.includes("Ready to accept connections") || child.exitCode !== null, "redis", 10_000);
    const port = await freePort();
    server = await spawnServer(
      { DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${redisPort}`, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
      port,
    );
    const up = await request(`${server.url}/api/health`, "GET");
    expect(up).toMatchObject({ status: 200, body: { ok: true, redis: "reachable", process: `127.0.0.1:${port}` } });

    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGKILL");
    await exited;
    const down = await request(`${server.url}/api/health`, "GET");
    expect(down).toMatchObject({ status: 503, body: { ok: false, redis: "unreachable", store: { writable: true } } });
  });
});
