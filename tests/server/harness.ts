/**
 * Server test harness: temporary data folders, in-process and child-process game servers on loopback, the
 * session API, and `Peer`, a real @colyseus/sdk client that keeps the log it was sent (checking that every
 * partial view continues where the last one ended) and awaits results by id.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import type { ResultMessage, ViewFrame, ViewMessage } from "../../src/net/protocol.ts";
import { isCompleteView, mergeView } from "../../src/net/viewPatch.ts";
import { type GameServer, startGameServer } from "../../src/server/gameServer.ts";
import type { LogEntry } from "../../src/sim/state.ts";

export const ROOT = resolve(".");
/** Timers short enough for a whole session in seconds. */
export const FAST_TIMERS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 1, silenceSeconds: 1 };

const dirs: string[] = [];
/** A fresh temporary folder, removed by `removeTempDirs`. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cbc-server-"));
  dirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The game server in this process, quiet unless `lines` is given to collect its log. */
export function startInProcess(dataDir = tempDir(), lines: string[] = []): Promise<GameServer> {
  return startGameServer({ port: 0, host: "127.0.0.1", dataDir, staticDir: null, log: (l) => lines.push(l) });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns something truthy; fails naming `label` after `ms`. */
export async function until<T>(check: () => T | undefined | null | false, label: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(20);
  }
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** Sends a request with a JSON (or raw string) body and parses the JSON answer. */
export async function request(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} } satisfies Reply;
}

export interface Created {
  code: string;
  facilitatorToken: string;
}

/** POST /api/sessions; fails the test unless it was created. */
export async function createSession(url: string, body: Record<string, unknown>): Promise<Created> {
  const reply = await request(`${url}/api/sessions`, "POST", { timers: FAST_TIMERS, ...body });
  if (reply.status !== 201) throw new Error(`create session: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { code: String(reply.body.code), facilitatorToken: String(reply.body.facilitatorToken) };
}

/** GET /api/sessions/:code/record with the facilitator's token. */
export async function downloadRecord(url: string, created: Created): Promise<Reply> {
  return request(`${url}/api/sessions/${created.code}/record`, "GET", undefined, {
    authorization: `Bearer ${created.facilitatorToken}`,
  });
}

/** A connected person (or the facilitator, or the projector) as a real SDK client sees the session. */
export class Peer {
  readonly room: Room;
  view: ViewMessage | null = null;
  log: LogEntry[] = [];
  views = 0;
  updates = 0; // views that came as an update of the previous one (merged into `view`)
  readonly results: ResultMessage[] = [];
  readonly problems: string[] = []; // views whose log did not continue the one we had
  left: number | null = null; // the close code once the SDK gave up on the room
  drops = 0; // connections lost (the SDK then reconnects by itself)
  reconnects = 0;
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  private constructor(room: Room) {
    this.room = room;
    room.onMessage("view", (frame: ViewFrame) => this.receive(frame));
    room.onMessage("result", (result: ResultMessage) => {
      this.results.push(result);
      this.notify();
    });
    room.onDrop(() => {
      this.drops++;
      this.notify();
    });
    room.onReconnect(() => {
      this.reconnects++;
      this.notify();
    });
    room.onLeave((code: number) => {
      this.left = code;
      this.notify();
    });
  }

  /** Joins and waits for the first view (the server sends it right after the join). */
  static async join(url: string, options: Record<string, unknown>): Promise<Peer> {
    const peer = new Peer(await new Client(url).join("council", options));
    await peer.when((p) => p.view, "the first view");
    return peer;
  }

  get seat(): string | null {
    const viewer = this.view?.viewer;
    return viewer?.kind === "player" ? viewer.seat : null;
  }

  get seatToken(): string {
    const viewer = this.view?.viewer;
    return viewer?.kind === "player" ? viewer.seatToken : "";
  }

  /** Calls `listener` after every message this peer receives; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits until `check` holds for this peer (checked on every message it receives). */
  when<T>(check: (peer: Peer) => T | undefined | null | false, label: string, ms = 15_000): Promise<T> {
    return new Promise((done, fail) => {
      const test = () => {
        let value: T | undefined | null | false;
        try {
          value = check(this);
        } catch (err) {
          finish();
          fail(err);
          return;
        }
        if (!value) return;
        finish();
        done(value);
      };
      const timer = setTimeout(() => {
        finish();
        fail(new Error(`timed out waiting for ${label} (phase ${this.view?.phase}, seq ${this.view?.seq})`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(test);
      };
      this.listeners.add(test);
      test();
    });
  }

  /** Sends an `act` and resolves with the server's result for it. */
  act(event: Record<string, unknown>): Promise<ResultMessage> {
    return this.ask("act", (id) => ({ id, event }));
  }

  facilitate(action: Record<string, unknown>): Promise<ResultMessage> {
    return this.ask("facilitate", (id) => ({ id, action }));
  }

  /** Sends any payload as message `type` with a fresh id and waits for the result with that id. */
  ask(type: string, build: (id: number) => unknown): Promise<ResultMessage> {
    const id = this.nextId++;
    this.room.send(type, build(id));
    return this.when(() => this.results.find((r) => r.id === id), `result ${id} of ${type}`);
  }

  /** The next result after those received so far (for messages without an id). */
  nextResult(): Promise<ResultMessage> {
    const seen = this.results.length;
    return this.when(() => this.results[seen], "a result");
  }

  /** Sets how the SDK reconnects after a drop: at all, and after how long (it normally waits 5 s of uptime). */
  reconnectAfter(ms: number | null): void {
    const options = this.room.reconnection;
    options.enabled = ms !== null;
    options.minUptime = 0;
    options.minDelay = ms ?? 0;
  }

  leave(): Promise<number> {
    return this.room.leave();
  }

  private receive(frame: ViewFrame): void {
    const view = mergeView(this.view, frame);
    this.views++;
    if (!isCompleteView(frame)) this.updates++;
    if (view.log.from === 0) this.log = [...view.log.entries];
    else if (view.log.from === this.log.length) this.log.push(...view.log.entries);
    else this.problems.push(`view at seq ${view.seq}: log from ${view.log.from}, but we had ${this.log.length}`);
    this.view = view;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** A server process started by its real binary (`node src/server/main.ts`). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  env: Record<string, string>; // what it was started with (to restart it the same way)
  port: number;
  output: () => string;
  /** SIGTERM (or `signal`), then waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const listen = port ?? (await freePort());
  const child = spawn(join(ROOT, "node_modules/.bin/node"), ["src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(listen), STATIC_DIR: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = `http://127.0.0.1:${listen}`;
  await until(
    () => output.includes("Case by Case is running on") || child.exitCode !== null,
    "the server to listen",
    20_000,
  );
  if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output}`);
  return {
    child,
    url,
    env,
    port: listen,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A TCP relay on loopback whose connections can all be cut at once, as when a classroom's Wi-Fi drops. */
export interface Relay {
  url: string;
  /** Destroys every connection through the relay without a closing handshake (new ones still work). */
  cut(): void;
  close(): Promise<void>;
}

export function startRelay(target: string): Promise<Relay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const relay = createServer((inbound) => {
    const outbound = connect(Number(port), hostname);
    track(inbound);
    track(outbound);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  return new Promise((done) => {
    relay.listen(0, "127.0.0.1", () => {
      const address = relay.address();
      const listening = typeof address === "object" && address ? address.port : 0;
      done({
        url: `http://127.0.0.1:${listening}`,
        cut: () => {
          for (const socket of sockets) socket.resetAndDestroy();
        },
        close: () =>
          new Promise<void>((closed) => {
            for (const socket of sockets) socket.destroy();
            relay.close(() => closed());
          }),
      });
    });
  });
}
