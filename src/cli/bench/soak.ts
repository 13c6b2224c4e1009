/**
 * The soak (`npm run bench -- --soak [--minutes 10] [--classrooms 30] [--students 24]`; SOAK_SERVER_LOG=file keeps
 * the server's log): many classrooms on
 * loopback against one game-server process (the real binary, loadServer.ts) for a lesson's length or more.
 * Each classroom runs session after session (soakClassroom.ts) with students losing and regaining their
 * connections; at a chosen moment the server is killed (SIGKILL) and started again on the same port and data
 * folder, and every class comes back. At the end every session is ended and checked, everyone leaves, and the
 * server's memory is read once it has been idle a while. What it must show: no acknowledged event lost, every
 * delegate back in their seat, and memory after the sessions within 10% of the idle server's at the start.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Health } from "../../server/health.ts";
import { type ServerChild, startServerChild } from "./loadServer.ts";
import type { Figure } from "./report.ts";
import { newTotals, type SoakTotals } from "./soakCount.ts";

export interface SoakOptions {
  minutes: number; // how long classes keep starting sessions
  classrooms: number;
  students: number; // per classroom (estonia-2007 seats 26 allies)
  paceS: number; // mean seconds between one student's actions
  dropEveryS: number; // mean seconds between one student's lost connections
  killAt: number; // when the server is killed, as a fraction of the minutes (≥ 1: never)
  idleS: number; // seconds of idle before the memory is read at the end
}

/** `--minutes 10 --classrooms 30 …` from the command line, with the defaults of a 10-minute run. */
export function soakOptions(argv: readonly string[]): SoakOptions {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const n = at >= 0 ? Number(argv[at + 1]) : Number.NaN;
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    minutes: value("minutes", 10),
    classrooms: value("classrooms", 30),
    students: Math.min(25, value("students", 24)),
    paceS: value("pace", 12),
    dropEveryS: value("drop-every", 180),
    killAt: value("kill-at", 0.5),
    idleS: value("idle", 60),
  };
}

/** SESSION_FINISHED_MINUTES for the soak's server: rooms of finished sessions close within the idle wait. */
const FINISHED_MINUTES = 0.25;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
/** The server's own account of itself (GET /api/health), or null when it does not answer. */
async function serverHealth(url: string): Promise<Health | null> {
  try {
    return (await (await fetch(`${url}/api/health`)).json()) as Health;
  } catch {
    return null;
  }
}

/** The server's resident memory, or 0 between a kill and the restart (no process to read). */
/** Where Debian and Ubuntu put jemalloc, when it is installed (apt install libjemalloc2). */
function jemallocPath(): string | null {
  const candidates = ["/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2"];
  return candidates.find((p) => existsSync(p)) ?? null;
}

function rssOf(server: ServerChild): number {
  try {
    return server.rss();
  } catch {
    return 0;
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the soak; progress goes to stderr, the figures are returned. */
export async function soakBenchmarks(options: SoakOptions): Promise<Figure[]> {
  // The SDK's WebSocket (set before the SDK loads): `ws`, cut without a goodbye, from each classroom's address.
  (globalThis as { WebSocket?: unknown }).WebSocket = (await import("./soakSocket.ts")).BoundWebSocket;
  const { SoakClassroom } = await import("./soakClassroom.ts");
  console.info = () => {}; // the SDK narrates every reconnection attempt, and warns of every cut connection
  console.warn = () => {};
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), "cbc-soak-"));
  // A finished session's room closes once nobody has been in it for this long (the default is 10 minutes).
  // The server runs as the Dockerfile runs it: on jemalloc where the library is installed (SOAK_ALLOCATOR=glibc
  // compares with the C library's own allocator).
  const jemalloc = process.env.SOAK_ALLOCATOR === "glibc" ? null : jemallocPath();
  const env = { SESSION_FINISHED_MINUTES: String(FINISHED_MINUTES), ...(jemalloc ? { LD_PRELOAD: jemalloc } : {}) };
  const allocator = jemalloc ? "jemalloc, as in the Dockerfile" : "glibc malloc";
  const logFile = process.env.SOAK_SERVER_LOG || undefined; // the server's whole log, for a run that goes wrong
  let server: ServerChild = await startServerChild([], { dataDir, env, logFile });
  const port = Number(new URL(server.url).port);
  const totals = newTotals();
  const t0 = Date.now();
  const minutes = () => ((Date.now() - t0) / 60_000).toFixed(1);
  try {
    await sleep(2000);
    const start = server.rss();
    const heapStart = (await serverHealth(server.url))?.memory.heapUsedMB ?? Number.NaN;
    let peak = start;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(server));
    }, 1000);
    const settings = { url: server.url, students: options.students, paceMs: options.paceS * 1000 };
    const classes = Array.from(
      { length: options.classrooms },
      (_, i) =>
        new SoakClassroom({ ...settings, dropEveryMs: options.dropEveryS * 1000, noteEveryMs: 60_000, totals, log }, i),
    );
    const runs: Promise<void>[] = [];
    for (const c of classes) {
      runs.push(c.run());
      await sleep(200); // classes arrive over a few seconds, not in one instant
    }
    const progress = setInterval(
      () => log(`soak: ${minutes()} min ${describe(totals)}; RSS ${mb(rssOf(server))} MB`),
      60_000,
    );
    let killed = false;
    const endAt = t0 + options.minutes * 60_000;
    while (Date.now() < endAt) {
      await Promise.race([sleep(1000), ...runs]);
      if (!killed && Date.now() >= t0 + options.killAt * options.minutes * 60_000) {
        killed = true;
        log(`soak: ${minutes()} min: SIGKILL to the server (${mb(rssOf(server))} MB)`);
        await server.kill();
        server = await startServerChild([], { dataDir, port, env, logFile });
        log(`soak: ${minutes()} min: server started again on port ${port} (${mb(server.rss())} MB)`);
      }
    }
    log(`soak: ${minutes()} min: ending every session`);
    for (const c of classes) c.stop();
    await Promise.all(runs);
    clearInterval(progress);
    const ended = Date.now();
    await sleep(options.idleS * 1000);
    clearInterval(sampler);
    const after = server.rss();
    const health = await serverHealth(server.url);
    log(`soak: after the sessions: ${JSON.stringify(health?.sessions)}, memory ${JSON.stringify(health?.memory)}`);
    log(`soak: done after ${minutes()} min ${describe(totals)}`);
    const reasons = Object.entries(totals.refusals).sort((a, b) => b[1] - a[1]);
    for (const [reason, n] of reasons.slice(0, 6)) log(`soak: refused ${n}×: ${reason}`);
    const heap = health?.memory.heapUsedMB ?? Number.NaN;
    const rooms = health?.sessions.rooms ?? Number.NaN;
    return figures(options, totals, {
      start,
      peak,
      after,
      heapStart,
      heap,
      rooms,
      killed,
      endedAfterS: (ended - t0) / 1000,
      allocator,
    });
  } catch (err) {
    throw new Error(`soak: ${(err as Error).message}\nserver stderr: ${server.tail().slice(-1500)}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function describe(t: SoakTotals): string {
  return (
    `${t.sessions} sessions (${t.ended} ended and checked), ${t.acknowledged} acknowledged, ${t.lost} lost, ` +
    `seats kept ${t.seatsKept}/${t.seatsOf} (${t.seatsBack} connected), ${t.drops} drops, ${t.rejoins} rejoins, ${t.refused} refused, ` +
    `${t.repeats} repeats, ${t.unanswered} unanswered, ${t.lockedOut} locked out, ${t.failed} sessions failed`
  );
}

interface Memory {
  start: number;
  peak: number;
  after: number;
  heapStart: number; // MB of live JavaScript heap of the idle server before the first class (GET /api/health)
  heap: number; // MB of live JavaScript heap then (GET /api/health)
  rooms: number; // rooms still open then
  killed: boolean;
  endedAfterS: number;
  allocator: string; // the server's memory allocator
}

function figures(o: SoakOptions, t: SoakTotals, m: Memory): Figure[] {
  const run = `${o.classrooms} classrooms × ${o.students} students, ${o.minutes} min${m.killed ? ", one SIGKILL and restart" : ""}`;
  return [
    {
      name: "soak.acknowledged_events_lost",
      value: t.lost,
      unit: "events",
      target: { value: 0, better: "lower" },
      note: `of ${t.acknowledged} acknowledged in ${t.ended} sessions (${run}; ${t.drops} drops, ${t.rejoins} rejoins)`,
    },
    {
      name: "soak.people_locked_out",
      value: t.lockedOut,
      unit: "people",
      target: { value: 0, better: "lower" },
      note: `could not join again for three minutes of attempts; ${t.failed} sessions could not start and were begun again`,
    },
    {
      name: "soak.seats_kept",
      value: t.seatsOf ? Math.round((1000 * t.seatsKept) / t.seatsOf) / 10 : 0,
      unit: "%",
      target: { value: 100, better: "higher" },
      note: `${t.seatsKept} of ${t.seatsOf} delegates in the seat they started in when their session ended (${t.seatsBack} connected to it then, a minute and a half allowed)`,
    },
    {
      name: "soak.rss_start",
      value: mb(m.start),
      unit: "MB",
      note: `the idle server before the first class; its allocator: ${m.allocator}`,
    },
    {
      name: "soak.heap_start",
      value: m.heapStart,
      unit: "MB",
      note: "the idle server's live JavaScript heap before the first class (against the heap after the sessions)",
    },
    {
      name: "soak.rss_peak",
      value: mb(m.peak),
      unit: "MB",
      note: "the most, sampled each second, of either process",
    },
    {
      name: "soak.rss_after_sessions_end",
      value: mb(m.after),
      unit: "MB",
      target: { value: mb(m.start * 1.1), better: "lower" },
      note: `live heap ${m.heap} MB, ${m.rooms} rooms open; ${o.idleS} s after every session ended and its people left (at ${Math.round(m.endedAfterS)} s; finished rooms close after ${FINISHED_MINUTES * 60} s alone); target: start + 10%${m.killed ? "; the restarted process" : ""}`,
    },
  ];
}
