/**
 * The durable store's faults, met by the real server binary (`node src/server/main.ts`): a damaged event row
 * fails only its own session's record (500 naming the row) while the others are served; a damaged database
 * page and a data folder that cannot be written stop the start with exit code 1 and one clear line.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Created,
  createSession,
  downloadRecord,
  freePort,
  ROOT,
  removeTempDirs,
  request,
  spawnServer,
  tempDir,
} from "./harness.ts";

/** Runs the server binary until it exits (it must, within 20 s); its exit code and what it wrote. */
async function runToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = await freePort();
  const child = spawn(join(ROOT, "node_modules/.bin/node"), ["src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), STATIC_DIR: "", NODE_NO_WARNINGS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((done) => child.once("exit", (c) => done(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** The lines a refused start wrote (Node's own warnings aside). */
const linesOf = (text: string) =>
  text.split("\n").filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l));

/** A data folder holding two sessions with events (the server that wrote them has stopped). */
async function dataWithSessions(): Promise<{ dataDir: string; sessions: Created[] }> {
  const dataDir = tempDir();
  const server = await spawnServer({ DATA_DIR: dataDir });
  const body = { scenario: "estonia-2007", seed: 2, autoStart: true };
  const sessions = [await createSession(server.url, body), await createSession(server.url, body)];
  await server.stop();
  return { dataDir, sessions };
}

describe("faults in the durable store", () => {
  afterAll(() => removeTempDirs());

  it("fails only the session whose event row is damaged, naming the row; the others are served", async () => {
    const { dataDir, sessions } = await dataWithSessions();
    const [damaged, sound] = sessions as [Created, Created];
    const db = new DatabaseSync(join(dataDir, "sessions.sqlite"));
    db.prepare("UPDATE events SET event = ? WHERE code = ? AND seq = 0").run('{"type": "session.st', damaged.code);
    db.close();
    const server = await spawnServer({ DATA_DIR: dataDir });
    try {
      const record = await downloadRecord(server.url, damaged);
      expect(record.status).toBe(500);
      expect(record.body.error).toMatch(
        new RegExp(`session ${damaged.code}: event 0 is damaged in .*sessions\\.sqlite`),
      );
      expect(record.body.error).toMatch(/the other sessions are not affected/);
      expect((await downloadRecord(server.url, sound)).status).toBe(200);
      expect((await request(`${server.url}/api/sessions/${sound.code}`, "GET")).status).toBe(200);
      expect((await request(`${server.url}/api/sessions`, "POST", { scenario: "estonia-2007", seed: 3 })).status).toBe(
        201,
      );
      expect(server.output()).toMatch(new RegExp(`could not restore session ${damaged.code}: .*event 0 is damaged`));
    } finally {
      await server.stop();
    }
  });

  it("refuses to start on a damaged database page, in one line", async () => {
    const { dataDir } = await dataWithSessions();
    const file = join(dataDir, "sessions.sqlite");
    const pageSize = 4096;
    expect(statSync(file).size).toBeGreaterThan(2 * pageSize);
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, pageSize); // page 2: a table's b-tree, garbage now
    closeSync(fd);
    const run = await runToExit({ DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Case by Case cannot start: .*sessions\.sqlite is damaged \(.+\): move it aside or restore a backup/,
    );
    expect(run.stdout).not.toMatch(/is running/);
  });

  it("refuses to start on a data folder it cannot write, in one line", async () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "a regular file where the data folder's parent should be\n");
    const run = await runToExit({ DATA_DIR: join(file, "data") });
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Case by Case cannot start: cannot write to the data folder .*not-a-folder\/data \(ENOTDIR\): set DATA_DIR/,
    );
  });
});
