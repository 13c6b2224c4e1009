/**
 * The hosting layout of compose.yaml on loopback, without Docker: two server processes (the real binary)
 * sharing Redis and a data folder, behind nginx running the repository's own deploy/nginx.conf (only its
 * upstream addresses and its port changed). Sessions land on both processes; every client reaches its room
 * through the proxy at the room's process (PUBLIC_ADDRESS …/game-a or …/game-b); a browser's same-origin
 * request passes the servers' origin check; the health endpoint answers through the proxy.
 * Skipped, loudly, where nginx or redis-server is not installed (`.ci/run` installs them).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSession,
  freePort,
  Peer,
  ROOT,
  removeTempDirs,
  request,
  type ServerProcess,
  spawnServer,
  tempDir,
  until,
} from "./harness.ts";

const find = (name: string) =>
  [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/usr/bin", "/usr/local/bin"]
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
const NGINX = find("nginx");
const REDIS = find("redis-server");
/** No waiting before consultation; rounds long enough for the test. */
const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
if (!NGINX || !REDIS) console.warn("PROXY TEST SKIPPED: needs nginx and redis-server (apt-get install -y nginx-light)");

/** deploy/nginx.conf with loopback addresses, wrapped in a main config for a foreground nginx. */
function nginxConfig(dir: string, listen: number, a: number, b: number): string {
  const site = readFileSync(join(ROOT, "deploy/nginx.conf"), "utf8")
    .replaceAll("game-a:8080", `127.0.0.1:${a}`)
    .replaceAll("game-b:8080", `127.0.0.1:${b}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${listen};`);
  expect(site).not.toMatch(/listen 80;|game-[ab]:8080/);
  writeFileSync(join(dir, "site.conf"), site);
  for (const sub of ["body", "proxy"]) mkdirSync(join(dir, sub), { mode: 0o777 });
  return [
    "daemon off;",
    "worker_processes 1;",
    `pid ${join(dir, "nginx.pid")};`,
    `error_log ${join(dir, "error.log")} warn;`,
    "events {}",
    "http {",
    "  access_log off;",
    `  client_body_temp_path ${join(dir, "body")};`,
    `  proxy_temp_path ${join(dir, "proxy")};`,
    `  include ${join(dir, "site.conf")};`,
    "}",
  ].join("\n");
}

function started(child: ChildProcess, ready: (output: string) => boolean, label: string): Promise<string> {
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  return until(() => ready(output) || child.exitCode !== null, label, 10_000).then(() => {
    if (child.exitCode !== null) throw new Error(`${label} exited: ${output}`);
    return output;
  });
}

const stop = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
};

describe.skipIf(!NGINX || !REDIS)("two processes behind deploy/nginx.conf", () => {
  let redis: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  const servers: ServerProcess[] = [];
  let entry = "";

  beforeAll(async () => {
    const [redisPort, proxyPort, portA, portB] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    redis = spawn(REDIS ?? "", [
      "--port",
      String(redisPort),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
    ]);
    await started(redis, (o) => o.includes("Ready to accept connections"), "redis");
    entry = `http://127.0.0.1:${proxyPort}`;
    const shared = { DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${redisPort}`, TRUST_PROXY: "1" };
    for (const [name, port] of [
      ["game-a", portA],
      ["game-b", portB],
    ] as const)
      servers.push(
        await spawnServer({ ...shared, PROCESS_NAME: name, PUBLIC_ADDRESS: `127.0.0.1:${proxyPort}/${name}` }, port),
      );
    const dir = tempDir();
    writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, proxyPort, portA, portB));
    nginx = spawn(NGINX ?? "", ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
    await started(nginx, () => existsSync(join(dir, "nginx.pid")), "nginx");
  });
  afterAll(async () => {
    await stop(nginx);
    await Promise.all(servers.map((s) => s.stop()));
    await stop(redis);
    removeTempDirs();
  });

  it("answers the health check through the proxy", async () => {
    const health = await request(`${entry}/api/health`, "GET");
    expect(health).toMatchObject({ status: 200, body: { ok: true, redis: "reachable" } });
  });

  it("puts sessions on both processes; each class reaches its room through the proxy", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const created = await createSession(entry, { scenario: "estonia-2007", seed: i, timers: SLOW_ROUNDS });
      const facilitator = await Peer.join(entry, { code: created.code, facilitatorToken: created.facilitatorToken });
      const ann = await Peer.join(entry, { code: created.code, name: "Ann", ally: "EST" });
      const url = new URL(ann.room.connection.url ?? "");
      expect(url.host).toBe(new URL(entry).host);
      const process = /^\/(game-[ab])\//.exec(url.pathname)?.[1];
      expect(process).toBeDefined();
      seen.add(process ?? "");
      expect(facilitator.room.connection.url).toContain(`/${process}/`);
      expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
      await ann.when((p) => p.view?.phase === "consultation", "consultation");
      expect(
        await ann.act({ type: "consultation.statement", stance: "support", wants: [], rejects: [] }),
      ).toMatchObject({ ok: true });
      await facilitator.when((p) => p.log.some((e) => e.k === "statement" && e.by === "EST"), "Ann's statement");
      await Promise.all([facilitator.leave(), ann.leave()]);
    }
    expect([...seen].sort()).toEqual(["game-a", "game-b"]);
  });

  it("lets a page served through the proxy call the API from its own origin", async () => {
    const reply = await request(
      `${entry}/api/sessions`,
      "POST",
      { scenario: "estonia-2007", seed: 9 },
      { origin: entry },
    );
    expect(reply.status).toBe(201);
    const foreign = await request(
      `${entry}/api/sessions`,
      "POST",
      { scenario: "estonia-2007", seed: 9 },
      {
        origin: "http://elsewhere.example",
      },
    );
    expect(foreign.status).toBe(403);
  });
});
