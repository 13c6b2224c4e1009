import { describe, expect, it } from "vitest";
import { startGameServer } from "../../src/server/gameServer.ts";
import { MemoryRelease } from "../../src/server/memory.ts";
import { createSession, Peer, removeTempDirs, sleep, tempDir, until } from "./harness.ts";

/** Objects the size of a busy lesson's garbage, dropped at once. */
function churn(): number {
  let kept: { n: number; text: string }[] = [];
  for (let i = 0; i < 1_500_000; i++) kept.push({ n: i, text: `entry ${i}` });
  const n = kept.length;
  kept = [];
  return n + kept.length;
}

describe("memory released when the last session closes", () => {
  it("returns the heap's free pages once no session is open, and never while one is", async () => {
    let open = 1;
    const lines: string[] = [];
    const memory = new MemoryRelease({ openSessions: () => open, log: (l) => lines.push(l), afterMs: 20 });
    churn();
    memory.sessionClosed(); // another session is still open
    await sleep(100);
    expect(memory.releases).toBe(0);
    open = 0;
    const reserved = process.memoryUsage().heapTotal;
    memory.sessionClosed();
    memory.sessionClosed(); // closes in a burst: one release
    await until(() => memory.releases > 0, "the release");
    await sleep(100);
    expect(memory.releases).toBe(1);
    expect(process.memoryUsage().heapTotal).toBeLessThan(reserved * 0.6);
    expect(lines[0]).toMatch(/no session open: memory released \(.* MB resident/);
  });

  it("waits while a session opens again before the delay is over", async () => {
    let open = 0;
    const memory = new MemoryRelease({ openSessions: () => open, log: () => {}, afterMs: 50 });
    memory.sessionClosed();
    open = 1;
    await sleep(150);
    expect(memory.releases).toBe(0);
    memory.stop();
  });

  it("runs in the game server once its last room has closed", async () => {
    const lines: string[] = [];
    const server = await startGameServer({
      port: 0,
      host: "127.0.0.1",
      dataDir: tempDir(),
      staticDir: null,
      log: (line) => lines.push(line),
      expiry: { idleMs: 60_000, finishedMs: 300, checkMs: 100 },
      releaseAfterMs: 200,
    });
    try {
      const created = [
        await createSession(server.url, { scenario: "estonia-2007", seed: 1, autoStart: true }),
        await createSession(server.url, { scenario: "estonia-2007", seed: 2, autoStart: true }),
      ];
      const [first, second] = await Promise.all(
        created.map((c) => Peer.join(server.url, { code: c.code, facilitatorToken: c.facilitatorToken })),
      );
      if (!first || !second) throw new Error("no facilitators");
      expect(await first.facilitate({ op: "end" })).toMatchObject({ ok: true });
      await first.leave();
      await until(() => !server.registry.running(created[0]?.code ?? ""), "the first room closed");
      await sleep(600);
      expect(lines.filter((l) => l.includes("memory released"))).toEqual([]); // the other class is still on
      expect(await second.facilitate({ op: "end" })).toMatchObject({ ok: true });
      await second.leave();
      await until(() => lines.find((l) => l.includes("no session open: memory released")), "the release");
      expect(server.registry.openCount).toBe(0);
    } finally {
      await server.close();
      removeTempDirs();
    }
  });
});
