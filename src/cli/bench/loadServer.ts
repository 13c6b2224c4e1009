/**
 * The game server as a child process for the load benchmark (`node src/server/main.ts`), so that its memory
 * and CPU are its own and are read from outside, in /proc: resident memory (VmRSS) and CPU time (utime+stime).
 * Its data go to a fresh temporary directory (or the caller's, which a restart reuses); it serves the API and rooms
 * only (no static files).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ServerChild {
  url: string;
  pid: number;
  /** Resident memory in bytes (VmRSS). */
  rss(): number;
  /** CPU seconds used so far, user and system, all threads. */
  cpuSeconds(): number;
  /** The last lines the server wrote to stderr (for error messages). */
  tail(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no shutdown at all; resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface ServerChildOptions {
  dataDir?: string; // the caller's folder, kept after stop (to restart on the same log); else a fresh one, removed
  port?: number; // else any free port
  env?: Record<string, string>; // more environment for the server (e.g. SESSION_FINISHED_MINUTES)
  logFile?: string; // the server's stderr is appended here too (whole, not only its tail)
}

/** Starts the server on a loopback port; `nodeArgs` go before the script (e.g. --cpu-prof). */
export async function startServerChild(
  nodeArgs: readonly string[] = [],
  options: ServerChildOptions = {},
): Promise<ServerChild> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "cbc-load-"));
  const PORT = String(options.port ?? 0);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, "src/server/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT, HOST: "127.0.0.1", DATA_DIR: dataDir, STATIC_DIR: "", REDIS_URL: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the game server");
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    if (options.logFile) appendFileSync(options.logFile, chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const found = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`the game server exited (${code}): ${stderr}`)));
  });
  return {
    url,
    pid,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024,
    cpuSeconds: () => {
      // Fields after the command name "(…)": state is field 3, utime field 14, stime field 15.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    },
    tail: () => stderr,
    stop: async () => {
      await stopChild(child);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      return exited;
    },
  };
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
export function machineBusySeconds(): number {
  const [, ...ticks] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks.map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/** SIGTERM (the server closes its rooms and store), then SIGKILL if it has not exited within 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
