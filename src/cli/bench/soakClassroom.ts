/**
 * One classroom of the soak: session after session of a small Council (estonia-2007) with a facilitator and a
 * class of students, each on an SDK client of their own from the classroom's own loopback address. Students
 * act at a classroom's pace, lose their connection now and then (the socket cut without a goodbye: the SDK
 * reconnects; or the tab closed: they join again with their seat token), and the facilitator sends a note now
 * and then. A session runs to the debrief (or is ended when the soak stops); then its durable record is
 * downloaded and every acknowledged action is looked for in it (soakCount.ts), the seats are compared with
 * those at the start, and everyone leaves. The server may die meanwhile: clients come back when it does.
 */
import { Client, type Room } from "@colyseus/sdk";
import seedrandom from "seedrandom";
import type { ResultMessage, ViewFrame, ViewMessage } from "../../net/protocol.ts";
import { isCompleteView, mergeView } from "../../net/viewPatch.ts";
import { isViewFrame, peekSeq } from "./peekView.ts";
import {
  type Acknowledged,
  lostEvents,
  type RecordedEvent,
  type SoakTotals,
  seatingOf,
  seatsKept,
} from "./soakCount.ts";
import { bindSession, unbindSession } from "./soakSocket.ts";
import { fetchFrom, loopbackAddress } from "./sourceAddress.ts";

export const SOAK_SCENARIO = "estonia-2007";
/** A lesson's timers, shortened: a session reaches its debrief in a few minutes. */
export const SOAK_TIMERS = { incidentSeconds: 5, stepSeconds: 2, roundSeconds: 25, silenceSeconds: 12 };
const STANCES = ["support", "undecided", "oppose"] as const;
const WANTS = ["concern", "solidarity", "assistance"] as const;
/** The SDK's own reconnection attempts before a client joins afresh (as the game's client, remoteGame.ts). */
const SDK_RETRIES = 8;

export interface SoakSettings {
  url: string;
  students: number;
  paceMs: number; // mean time between one student's actions
  dropEveryMs: number; // mean time between one student's lost connections
  noteEveryMs: number; // the facilitator's notes
  timers?: typeof SOAK_TIMERS; // the sessions' timers (default SOAK_TIMERS)
  totals: SoakTotals;
  log: (line: string) => void;
}

interface Pending {
  type: string;
  by: string;
  from: number;
  text?: string;
}

interface Member {
  name: string;
  join: Record<string, unknown>; // options to join (again): the code and a name, or the facilitator token
  facilitator: boolean;
  room: Room | null;
  seat: string | null;
  lastSeq: number;
  full: boolean; // decode the next view in full (the first of a connection: the seat and its token)
  pending: Map<number, Pending>;
  nextId: number;
  spokeInRound: number;
  closing: boolean;
  timers: ReturnType<typeof setTimeout>[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, polling; false when `ms` ran out first. */
async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; !check(); await sleep(100)) if (Date.now() > deadline) return false;
  return true;
}

export class SoakClassroom {
  private readonly s: SoakSettings;
  private readonly index: number;
  private readonly address: string; // the classroom's source address (a school behind one NAT address)
  private readonly fetch: typeof fetch;
  private readonly rng: () => number;
  private members: Member[] = [];
  private acks: Acknowledged[] = [];
  private view: ViewMessage | null = null; // the facilitator's latest
  private stopping = false;
  private sessionNo = 0;
  private marks = 0;

  constructor(settings: SoakSettings, index: number) {
    this.s = settings;
    this.index = index;
    this.address = loopbackAddress(index);
    this.fetch = fetchFrom(this.address);
    this.rng = seedrandom(`soak-${index}`);
  }

  /** Runs sessions one after another until `stop` is called; the current one is then ended and checked. */
  async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.session();
      } catch (err) {
        // A class that cannot get going (its people locked out, say) is counted, and starts a new session.
        this.s.totals.failed++;
        this.s.log(`soak: classroom ${this.index}: ${(err as Error).message}`);
        for (const m of this.members) {
          m.closing = true;
          for (const t of m.timers.splice(0)) clearTimeout(t);
        }
        await Promise.allSettled(this.members.map((m) => m.room?.leave(true)));
        await sleep(10_000);
      }
    }
  }

  stop(): void {
    this.stopping = true;
  }

  private get phase(): string {
    return this.view?.phase ?? "";
  }

  /** Who sits where as the facilitator sees it (only the connected, if asked). */
  private seating(connectedOnly = false): Map<string, string> {
    return seatingOf((this.view?.seats ?? []).filter((x) => x.connected || !connectedOnly));
  }

  private async session(): Promise<void> {
    const { code, facilitatorToken } = await this.create();
    bindSession(code, this.address);
    this.s.totals.sessions++;
    this.acks = [];
    this.view = null;
    const facilitator = this.member("facilitator", { code, facilitatorToken }, true);
    this.members = [facilitator];
    for (let i = 1; i <= this.s.students; i++) {
      const name = `c${this.index} s${i}`;
      this.members.push(this.member(name, { code, name }, false));
    }
    await Promise.all(this.members.map((m) => this.connect(m)));
    const students = this.members.slice(1);
    const seated = () => students.every((m) => m.seat) && this.seating().size === students.length;
    if (!(await until(seated, 60_000))) throw new Error(`classroom ${this.index}: students not seated`);
    const start = this.seating();
    await this.facilitate(facilitator, { op: "start" });
    for (const m of students) {
      this.schedule(m, this.rng() * this.s.paceMs, () => this.act(m), this.s.paceMs);
      this.schedule(m, this.exp(this.s.dropEveryMs), () => this.drop(m), this.s.dropEveryMs, true);
    }
    this.schedule(facilitator, this.s.noteEveryMs, () => this.note(facilitator), this.s.noteEveryMs);
    await until(() => this.phase === "debrief" || this.stopping, Number.POSITIVE_INFINITY);
    // The soak is over: end the session (again every 10 s, should the server be restarting).
    for (let tries = 0; this.phase !== "debrief"; tries++) {
      if (tries >= 6 || (tries > 0 && !facilitator.room)) throw new Error("the session could not be ended");
      await this.facilitate(facilitator, { op: "end" });
      await until(() => this.phase === "debrief", 10_000);
    }
    for (const m of this.members) for (const t of m.timers.splice(0)) clearTimeout(t);
    await until(() => this.members.every((m) => m.pending.size === 0), 3000);
    // Everyone back (a restart just before the end takes the SDK's retries and a fresh join: up to a minute).
    await until(() => this.seating(true).size === students.length, 90_000);
    const kept = seatsKept(start, this.seating());
    const connected = seatsKept(start, this.seating(true)).kept;
    const record = await this.record(code, facilitatorToken);
    const lost = lostEvents(this.acks, record);
    const t = this.s.totals;
    t.ended++;
    t.acknowledged += this.acks.length;
    t.lost += lost.length;
    t.seatsKept += kept.kept;
    t.seatsOf += kept.of;
    t.seatsBack += connected;
    t.unanswered += this.members.reduce((n, m) => n + m.pending.size, 0);
    for (const l of lost.slice(0, 3)) this.s.log(`soak: LOST in ${code}: ${JSON.stringify(l)}`);
    for (const m of this.members) m.closing = true;
    await Promise.allSettled(this.members.map((m) => m.room?.leave(true)));
    unbindSession(code);
  }

  private member(name: string, join: Record<string, unknown>, facilitator: boolean): Member {
    const pending = new Map<number, Pending>();
    return {
      name,
      join,
      facilitator,
      room: null,
      seat: null,
      lastSeq: 0,
      full: true,
      pending,
      nextId: 1,
      spokeInRound: -1,
      closing: false,
      timers: [],
    };
  }

  /** Creates a session, trying again while the server is down. */
  private async create(): Promise<{ code: string; facilitatorToken: string }> {
    const seed = this.index * 1000 + this.sessionNo++;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.fetch(`${this.s.url}/api/sessions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ scenario: SOAK_SCENARIO, seed, timers: this.s.timers ?? SOAK_TIMERS }),
        });
        const body = (await res.json()) as { code?: string; facilitatorToken?: string; error?: string };
        if (res.status === 201 && body.code && body.facilitatorToken)
          return { code: body.code, facilitatorToken: body.facilitatorToken };
        if (attempt > 20) throw new Error(`POST /api/sessions ${res.status} ${body.error ?? ""}`);
      } catch (err) {
        if (attempt > 20) throw err;
      }
      await sleep(1000);
    }
  }

  /** The session's record (the durable log), trying again while the server is down. */
  private async record(code: string, token: string): Promise<RecordedEvent[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.fetch(`${this.s.url}/api/sessions/${code}/record`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status === 200) return ((await res.json()) as { events: RecordedEvent[] }).events;
        if (attempt > 20) throw new Error(`record of ${code}: ${res.status}`);
      } catch (err) {
        if (attempt > 20) throw err;
      }
      await sleep(1000);
    }
  }

  /** Joins (or joins again with the seat token), trying again while the server is down or restarting. */
  private async connect(m: Member): Promise<void> {
    for (let attempt = 0; !m.closing; attempt++) {
      try {
        const room = await new Client(this.s.url, { fetchFn: this.fetch }).join("council", m.join);
        if (m.closing) await room.leave(true);
        else this.attach(m, room);
        return;
      } catch (err) {
        if (attempt > 40) {
          // Locked out for three minutes and more: counted, and this person stays away.
          this.s.totals.lockedOut++;
          this.s.log(`soak: classroom ${this.index}: ${m.name} cannot join: ${(err as Error).message}`);
          return;
        }
        await sleep(Math.min(5000, 250 * 2 ** attempt));
      }
    }
  }

  private attach(m: Member, room: Room): void {
    m.room = room;
    m.full = true;
    room.reconnection.maxRetries = SDK_RETRIES;
    room.onMessage("view", (frame: ViewFrame) => this.onView(m, frame));
    room.onMessage("result", (result: ResultMessage) => this.onResult(m, result));
    room.onReconnect(() => {
      m.full = true; // the server sends a full view again
    });
    room.onLeave(() => {
      if (m.room !== room) return;
      m.room = null;
      if (m.closing) return;
      this.s.totals.rejoins++;
      void this.connect(m);
    });
    if (m.facilitator) return;
    // A student decodes the first view of a connection in full (its seat and token), then only reads `seq`.
    const events = room.connection.events;
    const decode = events.onmessage;
    events.onmessage = (event: MessageEvent) => {
      const data = event.data as ArrayBuffer | Uint8Array;
      const frame = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (m.full || !isViewFrame(frame)) return decode?.(event);
      m.lastSeq = Math.max(m.lastSeq, peekSeq(frame));
    };
  }

  private onView(m: Member, frame: ViewFrame): void {
    m.lastSeq = frame.seq;
    m.full = false;
    if (m.facilitator) this.view = mergeView(this.view, frame);
    else if (isCompleteView(frame) && frame.viewer.kind === "player") {
      m.seat = frame.viewer.seat;
      m.join = { code: frame.code, name: m.name, seatToken: frame.viewer.seatToken };
    }
  }

  private onResult(m: Member, result: ResultMessage): void {
    const sent = result.id === null ? undefined : m.pending.get(result.id);
    if (!sent || result.id === null) return;
    m.pending.delete(result.id);
    if (!result.ok) {
      const t = this.s.totals;
      t.refused++;
      const reason = (result.reason ?? "?").replace(/\d+/g, "N");
      t.refusals[reason] = (t.refusals[reason] ?? 0) + 1;
      return;
    }
    // Accepted with a note: an identical repeat of the sender's last action, answered but not written again.
    if (result.reason) {
      this.s.totals.repeats++;
      return;
    }
    this.acks.push({ ...sent, to: m.lastSeq });
    if (sent.type === "consultation.statement") m.spokeInRound = this.view?.state.round ?? 0;
  }

  /** Sends `payload` with a fresh id, remembering what the event will be if it is accepted. */
  private send(m: Member, kind: "act" | "facilitate", payload: object, event: Omit<Pending, "from">): void {
    if (!m.room) return;
    const id = m.nextId++;
    m.pending.set(id, { ...event, from: m.lastSeq });
    m.room.send(kind, { id, ...payload });
  }

  private async facilitate(m: Member, action: Record<string, unknown>): Promise<void> {
    await until(() => m.room !== null, 60_000);
    m.room?.send("facilitate", { action });
  }

  private note(m: Member): void {
    if (this.phase === "briefing" || this.phase === "debrief") return;
    const text = `Soak note ${this.index}.${this.sessionNo}.${this.marks++}`;
    this.send(m, "facilitate", { action: { op: "note", text } }, { type: "facilitator.note", by: "system", text });
  }

  /** A student's move for the phase: a statement once a round (and sometimes again), else intelligence. */
  private act(m: Member): void {
    const phase = this.phase;
    if (!m.seat || (phase !== "consultation" && phase !== "attribution")) return;
    const round = this.view?.state.round ?? 0;
    if (phase === "consultation" && (m.spokeInRound < round || this.rng() < 0.3)) {
      const text = `Soak statement ${this.index}.${this.sessionNo}.${this.marks++}`;
      const event = {
        type: "consultation.statement",
        stance: this.pick(STANCES),
        wants: [this.pick(WANTS)],
        rejects: [],
        text,
      };
      this.send(m, "act", { event }, { type: event.type, by: m.seat, text });
      return;
    }
    const event = this.rng() < 0.8 ? { type: "intel.share", to: "all" } : { type: "assistance.request" };
    this.send(m, "act", { event }, { type: event.type, by: m.seat });
  }

  /** The connection is lost: mostly the network (the SDK reconnects), sometimes a closed tab (a fresh join). */
  private drop(m: Member): void {
    const room = m.room;
    const socket = (room?.connection.transport as { ws?: { terminate?: () => void } } | undefined)?.ws;
    if (!room || !socket || room.reconnection.isReconnecting) return;
    if (!socket.terminate)
      throw new Error("the SDK's WebSocket is not the `ws` package's: load it after the soak sets it");
    this.s.totals.drops++;
    if (this.rng() < 0.3) room.reconnection.enabled = false; // the tab is gone: onLeave joins again
    socket.terminate();
  }

  /** Runs `fn` after `first` ms, then again every `every` ms (about: exponential gaps when `random`). */
  private schedule(m: Member, first: number, fn: () => void, every: number, random = false): void {
    const timer = setTimeout(() => {
      m.timers.splice(m.timers.indexOf(timer), 1);
      fn();
      this.schedule(m, random ? this.exp(every) : every * (0.5 + this.rng()), fn, every, random);
    }, first);
    m.timers.push(timer);
  }

  /** An exponential gap with this mean (a Poisson process's). */
  private exp(mean: number): number {
    return -Math.log(1 - this.rng()) * mean;
  }

  private pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.rng() * xs.length)];
    if (x === undefined) throw new Error("nothing to pick from");
    return x;
  }
}
