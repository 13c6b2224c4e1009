/**
 * The soak's counting with one small classroom for a few seconds (not a timed test: the soak's figures come
 * from `npm run bench -- --soak`): a session runs until the soak stops and ends it, students' connections are
 * cut and come back, and the totals add up — every acknowledged event found in the durable record, every seat kept.
 */
import { afterAll, expect, it } from "vitest";

// The soak's WebSocket for the SDK (before the SDK loads), so that the soak can cut sockets.
(globalThis as { WebSocket?: unknown }).WebSocket = (await import("../../src/cli/bench/soakSocket.ts")).BoundWebSocket;
const { removeTempDirs, startInProcess, sleep } = await import("./harness.ts");
const { SoakClassroom } = await import("../../src/cli/bench/soakClassroom.ts");
const { newTotals } = await import("../../src/cli/bench/soakCount.ts");

afterAll(() => removeTempDirs());
console.info = () => {}; // the SDK narrates every reconnection

it("one classroom: sessions end and are checked, drops come back, nothing acknowledged is lost", async () => {
  const server = await startInProcess();
  const totals = newTotals();
  const lines: string[] = [];
  const classroom = new SoakClassroom(
    {
      url: server.url,
      students: 3,
      paceMs: 250,
      dropEveryMs: 1500,
      noteEveryMs: 700,
      timers: { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 2, silenceSeconds: 1 },
      totals,
      log: (line) => lines.push(line),
    },
    0,
  );
  try {
    const run = classroom.run();
    await sleep(9000);
    classroom.stop();
    await run;
  } finally {
    await server.close();
  }
  expect(lines).toEqual([]);
  expect(totals.ended).toBe(totals.sessions);
  expect(totals.ended).toBeGreaterThanOrEqual(1); // the last one ended by the stop, and checked
  expect(totals.acknowledged).toBeGreaterThan(10);
  expect(totals.lost).toBe(0);
  expect(totals.seatsOf).toBe(3 * totals.ended);
  expect(totals.seatsKept).toBe(totals.seatsOf);
  expect(totals.seatsBack).toBe(totals.seatsOf);
  expect(totals.drops).toBeGreaterThan(0);
  expect([totals.lockedOut, totals.failed]).toEqual([0, 0]);
});
