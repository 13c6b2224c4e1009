/**
 * The load benchmark's clients, spread over worker threads so that no single client thread saturates before
 * the server does: classroom i lives in worker i mod n. The main thread sends commands (open classrooms,
 * record, stop recording, close) and each worker answers once it is done; stopping a recording returns that
 * worker's figures for the window. This file is both sides: the pool, and the worker body it runs.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { Classroom } from "./classroom.ts";

const OPEN_AT_ONCE = 5; // classrooms joining at the same time, per worker

type Command =
  | { op: "open"; indexes: number[] }
  | { op: "record" }
  | { op: "stop" } // stop recording and report
  | { op: "close" };

/** One worker's figures for a recorded window. */
export interface WindowReport {
  latencies: Float64Array; // ms
  accepted: number;
  refused: number;
  views: number;
  messages: number;
  refusals: [string, number][];
  lagP99: number; // ms, the worker's event-loop delay
}

interface Setup {
  loadClients: true;
  url: string;
  paceMs: number;
}

export class ClientPool {
  private readonly workers: Worker[];
  private opened = 0;

  constructor(url: string, paceMs: number, threads: number) {
    const setup: Setup = { loadClients: true, url, paceMs };
    this.workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: setup }));
  }

  /** Opens classrooms until there are `count`; they are all deliberating and acting when this resolves. */
  async grow(count: number): Promise<void> {
    const indexes = Array.from({ length: Math.max(0, count - this.opened) }, (_, i) => this.opened + i);
    this.opened = Math.max(count, this.opened);
    await Promise.all(
      this.workers.map((w, n) =>
        this.ask(w, { op: "open", indexes: indexes.filter((i) => i % this.workers.length === n) }),
      ),
    );
  }

  async record(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { op: "record" })));
  }

  async stop(): Promise<WindowReport[]> {
    return (await Promise.all(this.workers.map((w) => this.ask(w, { op: "stop" })))) as WindowReport[];
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => this.ask(w, { op: "close" })));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private ask(worker: Worker, command: Command): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const done = (reply: { ok: boolean; value?: unknown; error?: string }) => {
        worker.off("error", reject);
        if (reply.ok) resolve(reply.value);
        else reject(new Error(reply.error));
      };
      worker.once("message", done);
      worker.once("error", reject);
      worker.postMessage(command);
    });
  }
}

/**
 * The worker body: its classrooms, their shared counters, and the commands. The SDK is loaded with the `ws`
 * package as its WebSocket (its own choice on Node without a global one), which can deliver frames without
 * copying them (see Classroom.join).
 */
async function serve(setup: Setup): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { boundWebSockets } = await import("./sourceAddress.ts");
  // Before the SDK loads; each room's sockets leave from its classroom's address.
  (globalThis as { WebSocket?: unknown }).WebSocket = boundWebSockets((await import("ws")).WebSocket);
  const { Classroom, newStats } = await import("./classroom.ts");
  const stats = newStats();
  const rooms: Classroom[] = [];
  const lag = monitorEventLoopDelay({ resolution: 10 });

  const open = async (indexes: number[]) => {
    const added: Classroom[] = [];
    for (let at = 0; at < indexes.length; at += OPEN_AT_ONCE) {
      const batch = indexes.slice(at, at + OPEN_AT_ONCE).map((i) => new Classroom(setup.url, i, stats, setup.paceMs));
      rooms.push(...batch);
      added.push(...batch);
      await Promise.all(batch.map((room) => room.open()));
    }
    for (let waited = 0; !added.every((room) => room.deliberating); waited += 100) {
      if (waited > 60_000) throw new Error("classrooms did not reach consultation within a minute");
      await sleep(100);
    }
    for (const room of added) room.act();
  };

  const run = async (command: Command): Promise<unknown> => {
    switch (command.op) {
      case "open":
        return open(command.indexes);
      case "record":
        Object.assign(stats, { latencies: [], accepted: 0, refused: 0, views: 0, messages: 0, refusals: new Map() });
        lag.reset();
        lag.enable();
        stats.recording = true;
        return null;
      case "stop": {
        stats.recording = false;
        await sleep(1000); // deliveries of the last actions sent in the window
        lag.disable();
        const report: WindowReport = {
          latencies: Float64Array.from(stats.latencies),
          accepted: stats.accepted,
          refused: stats.refused,
          views: stats.views,
          messages: stats.messages,
          refusals: [...stats.refusals],
          lagP99: lag.percentile(99) / 1e6,
        };
        return report;
      }
      case "close":
        await Promise.allSettled(rooms.map((room) => room.close()));
        return null;
    }
  };

  port.on("message", (command: Command) => {
    run(command).then(
      (value) => port.postMessage({ ok: true, value }),
      (err: unknown) => port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

if (!isMainThread && (workerData as Partial<Setup> | null)?.loadClients) await serve(workerData as Setup);
