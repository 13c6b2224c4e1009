/**
 * Gives the memory of ended sessions back to the system. V8 keeps the heap it grew to under a busy lesson
 * (the live objects are freed, the pages stay reserved) and only collects when JavaScript allocates, which an
 * idle server does not: after a morning of classes the process would stay at its peak all afternoon. So once
 * the last open session of this process has closed and none has opened for a short while, the server asks V8
 * for a memory-reducing collection (the one V8 runs on a low-memory warning), which returns the heap's free
 * pages. With sessions open it never runs: it pauses the process for a moment, which a class would feel.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { forgetMemos } from "../sim/council.ts";

type Collect = (options?: {
  type?: "major";
  execution?: "sync" | "async";
  flavor?: "regular" | "last-resort";
}) => Promise<void> | undefined;

/** How long the process must have had no open session before its memory is released. */
export const RELEASE_AFTER_MS = 10_000;

/**
 * V8's `gc` function: the one `node --expose-gc` gives, or else one from a context created with that flag
 * set now (the flag only adds the function to contexts made after it). Null if neither is possible.
 */
function collector(): Collect | null {
  const own = (globalThis as { gc?: Collect }).gc;
  if (typeof own === "function") return own;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as Collect) : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

export interface MemoryReleaseOptions {
  openSessions: () => number; // sessions this process has open now
  log: (line: string) => void;
  afterMs?: number; // RELEASE_AFTER_MS
}

export class MemoryRelease {
  private readonly options: MemoryReleaseOptions;
  private readonly collect = collector();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Collections run so far (tests and the health check read it). */
  releases = 0;

  constructor(options: MemoryReleaseOptions) {
    this.options = options;
  }

  /** A session closed: if it was the last, the memory is released once the process stays without one a while. */
  sessionClosed(): void {
    if (!this.collect || this.stopped || this.options.openSessions() > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.release(), this.options.afterMs ?? RELEASE_AFTER_MS);
    this.timer.unref(); // never keeps a stopping process alive
  }

  /** The server is shutting down: nothing more is scheduled. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async release(): Promise<void> {
    this.timer = null;
    if (!this.collect || this.options.openSessions() > 0) return;
    const before = process.memoryUsage();
    const seats = forgetMemos(); // the engine's memos still hold the last sessions' profiles and judgements
    await this.collect({ type: "major", execution: "async", flavor: "last-resort" });
    this.releases++;
    const after = process.memoryUsage();
    this.options.log(
      `no session open: memory released (${mb(before.rss)} → ${mb(after.rss)} MB resident; heap reserved ` +
        `${mb(before.heapTotal)} → ${mb(after.heapTotal)} MB, ${mb(after.heapUsed)} MB live; ${seats} seat memos forgotten)`,
    );
  }
}
