/**
 * One simulated classroom for the load benchmark: a session of control-article-5 (32 ally seats) with its
 * facilitator and 32 students, each on an SDK client of their own, all from the classroom's own address (a
 * school behind one NAT address, as the server's per-address join limit sees it). Once
 * the facilitator has started the session, every student acts at a classroom pace in attribution and
 * consultation: statements, intelligence shared with all or a few, requests for assistance or Article 4.
 * One student never speaks, so a consultation round waits for its (hour-long) timer instead of closing early
 * once everyone has spoken, and the session stays in deliberation for the whole run.
 *
 * Latency: from `room.send("act")` to the arrival of the first `view` carrying that action's sequence number at
 * each other connection of the room (31 students and the facilitator). The sender learns the number from the
 * last view it received before its `result` (the server sends the views of an action before its result).
 * The facilitator's client decodes its views in full through the SDK, and the classroom reads the phase and
 * the round from them; the students' clients only read each view's `seq` from its bytes (peekView.ts), so
 * that the clients stay cheaper than the server.
 */
import { Client, type Room } from "@colyseus/sdk";
import seedrandom from "seedrandom";
import { withBusyRetry } from "../../net/joinRetry.ts";
import type { ResultMessage, ViewFrame, ViewMessage } from "../../net/protocol.ts";
import { mergeView } from "../../net/viewPatch.ts";
import { bundledScenario } from "../../sim/catalog.ts";
import { availableAt, MEASURES } from "../../sim/measures.ts";
import { isViewFrame, peekSeq } from "./peekView.ts";
import { fetchFrom, loopbackAddress, roomAddresses } from "./sourceAddress.ts";

export const LOAD_SCENARIO = "control-article-5";
export const STUDENTS = 32;
/** Minutes-long timers: rounds wait for the students, not the clock (AI steps run at once). */
const TIMERS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 3600, silenceSeconds: 3600 };
const TOOLBOX = MEASURES.filter((m) => availableAt(m, bundledScenario(LOAD_SCENARIO)?.date ?? "")).map((m) => m.id);
const STANCES = ["support", "undecided", "oppose"] as const;
/** Broadcasts remembered per room while their deliveries are counted (older ones are dropped). */
const TRACKED = 256;

/** What every classroom adds to; counts and latencies of the actions sent while `recording`. */
export interface LoadStats {
  recording: boolean;
  latencies: number[]; // ms, one per delivery of an accepted action's view to another connection
  sent: number;
  accepted: number;
  refused: number;
  views: number;
  messages: number; // every message the server sent (views, results, status patches)
  refusals: Map<string, number>;
}

export const newStats = (): LoadStats => ({
  recording: false,
  latencies: [],
  sent: 0,
  accepted: 0,
  refused: 0,
  views: 0,
  messages: 0,
  refusals: new Map(),
});

interface Member {
  id: number;
  room: Room;
  lastSeq: number; // -1 until the first view
  spokeInRound: number; // the round of this seat's latest accepted statement, -1 before it speaks
  nextId: number;
  sentAt: Map<number, { t0: number; recorded: boolean; statementInRound: number }>;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Broadcast {
  t0: number;
  by: number;
  recorded: boolean;
}

export class Classroom {
  private readonly members: Member[] = [];
  private readonly origin = new Map<number, Broadcast>(); // seq → the action that produced it
  private readonly early = new Map<number, { t: number; by: number }[]>(); // arrivals before the sender knew
  private readonly rng: () => number;
  private allies: string[] = []; // the Council's ally codes, from the facilitator's first view
  private view: ViewMessage | null = null; // the facilitator's latest (updates merged)
  private phase = ""; // as the facilitator's views say
  private round = 0;
  private stopped = false;
  private readonly url: string;
  private readonly fetch: typeof fetch;
  private readonly index: number;
  private readonly stats: LoadStats;
  private readonly paceMs: number; // mean time between one student's actions

  constructor(url: string, index: number, stats: LoadStats, paceMs: number) {
    this.url = url;
    this.fetch = fetchFrom(loopbackAddress(index));
    this.index = index;
    this.stats = stats;
    this.paceMs = paceMs;
    this.rng = seedrandom(`load-${index}`);
  }

  /** Creates the session, seats the facilitator and the students, and starts it. */
  async open(): Promise<void> {
    const created = await this.fetch(`${this.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: LOAD_SCENARIO, seed: this.index, timers: TIMERS }),
    });
    const session = (await created.json()) as { code?: string; facilitatorToken?: string; error?: string };
    if (created.status !== 201 || !session.code || !session.facilitatorToken)
      throw new Error(`classroom ${this.index}: POST /api/sessions ${created.status} ${session.error ?? ""}`);
    const { code, facilitatorToken } = session;
    roomAddresses.set(code, loopbackAddress(this.index));
    const facilitator = await this.join({ code, facilitatorToken });
    await Promise.all(Array.from({ length: STUDENTS }, (_, i) => this.join({ code, name: `Student ${i + 1}` }, true)));
    facilitator.room.send("facilitate", { id: 0, action: { op: "start" } });
  }

  /** Whether the session has reached consultation (as the facilitator sees it). */
  get deliberating(): boolean {
    return this.phase === "consultation";
  }

  /** Starts every student's actions, each after a random delay within one pace. */
  act(): void {
    for (const m of this.members.slice(1)) this.schedule(m, this.rng() * this.paceMs);
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const m of this.members) if (m.timer) clearTimeout(m.timer);
    await Promise.allSettled(this.members.map((m) => m.room.leave(true)));
  }

  private async join(options: Record<string, unknown>, peek = false): Promise<Member> {
    // A busy server's refusals (a seat reservation expired, too many joins) are waited out, as the game does.
    const room = await withBusyRetry(() => new Client(this.url, { fetchFn: this.fetch }).join("council", options));
    const member: Member = {
      id: this.members.length,
      room,
      lastSeq: -1,
      spokeInRound: -1,
      nextId: 1,
      sentAt: new Map(),
      timer: null,
    };
    this.members.push(member);
    room.onMessage("result", (result: ResultMessage) => this.onResult(member, result));
    if (!peek)
      room.onMessage("view", (frame: ViewFrame) => {
        const view = mergeView(this.view, frame);
        this.view = view;
        if (!this.allies.length) this.allies = view.state.allies.map((a) => a.code);
        this.phase = view.phase;
        this.round = view.state.round;
        this.onView(member, view.seq);
      });
    const events = room.connection.events;
    const decode = events.onmessage;
    // A student's socket hands over frames as Buffers (with `ws`, no copy into an ArrayBuffer: those copies
    // were most of the clients' garbage); the SDK still gets ArrayBuffers for everything but views.
    const socket = peek ? (room.connection.transport as { ws?: { binaryType: string } }).ws : undefined;
    if (socket && "binaryType" in socket) socket.binaryType = "nodebuffer";
    events.onmessage = (event: MessageEvent) => {
      if (this.stats.recording) this.stats.messages++;
      if (!peek) return decode?.(event);
      const data = event.data as ArrayBuffer | Uint8Array;
      const frame = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (isViewFrame(frame)) this.onView(member, peekSeq(frame));
      else decode?.({ data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) });
    };
    return member;
  }

  private onView(m: Member, seq: number): void {
    const t = performance.now();
    if (this.stats.recording) this.stats.views++;
    if (m.lastSeq >= 0) for (let s = m.lastSeq + 1; s <= seq; s++) this.arrived(s, m.id, t);
    m.lastSeq = Math.max(m.lastSeq, seq);
  }

  private onResult(m: Member, result: ResultMessage): void {
    const sent = result.id === null ? undefined : m.sentAt.get(result.id);
    if (!sent || result.id === null) return;
    m.sentAt.delete(result.id);
    if (result.ok && result.reason) return; // a repeat the server answered without writing: no view of its own
    if (!result.ok) {
      if (sent.recorded) this.stats.refused++;
      const reason = result.reason ?? "?";
      this.stats.refusals.set(reason, (this.stats.refusals.get(reason) ?? 0) + 1);
      return;
    }
    if (sent.recorded) this.stats.accepted++;
    m.spokeInRound = Math.max(m.spokeInRound, sent.statementInRound);
    // The views of this action reached the sender just before its result: the latest is its own.
    const broadcast: Broadcast = { t0: sent.t0, by: m.id, recorded: sent.recorded };
    for (const a of this.early.get(m.lastSeq) ?? []) this.deliver(broadcast, a.by, a.t);
    this.early.delete(m.lastSeq);
    this.origin.set(m.lastSeq, broadcast);
    trim(this.origin);
  }

  private arrived(seq: number, by: number, t: number): void {
    const broadcast = this.origin.get(seq);
    if (broadcast) {
      this.deliver(broadcast, by, t);
      return;
    }
    let list = this.early.get(seq);
    if (!list) {
      list = [];
      this.early.set(seq, list);
      trim(this.early);
    }
    list.push({ t, by });
  }

  private deliver(broadcast: Broadcast, to: number, t: number): void {
    if (to !== broadcast.by && broadcast.recorded) this.stats.latencies.push(t - broadcast.t0);
  }

  private schedule(m: Member, delay: number): void {
    if (this.stopped) return;
    m.timer = setTimeout(() => {
      this.send(m);
      this.schedule(m, this.paceMs * (0.5 + this.rng())); // uniform in [½, 1½] × pace
    }, delay);
  }

  private send(m: Member): void {
    const event = this.choose(m);
    if (!event) return;
    const id = m.nextId++;
    const statementInRound = event.type === "consultation.statement" ? this.round : -1;
    m.sentAt.set(id, { t0: performance.now(), recorded: this.stats.recording, statementInRound });
    this.stats.sent++;
    m.room.send("act", { id, event });
  }

  /** A classroom-like action for the phase, or nothing outside deliberation. */
  private choose(m: Member): Record<string, unknown> | null {
    if (this.phase !== "consultation" && this.phase !== "attribution") return null;
    const holdout = m.id === STUDENTS; // the last student never makes a statement
    const r = this.rng();
    if (this.phase === "consultation" && !holdout && (m.spokeInRound < this.round || r < 0.4)) {
      return {
        type: "consultation.statement",
        stance: this.pick(STANCES),
        wants: [this.pick(TOOLBOX), this.pick(TOOLBOX)].filter((id, i, all) => all.indexOf(id) === i),
        rejects: [],
      };
    }
    if (r < 0.8) {
      const to = this.rng() < 0.5 ? "all" : [this.pick(this.allies), this.pick(this.allies)];
      return { type: "intel.share", to };
    }
    return { type: r < 0.9 ? "assistance.request" : "article4.request" };
  }

  private pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.rng() * xs.length)];
    if (x === undefined) throw new Error("nothing to pick from");
    return x;
  }
}

/** Drops the oldest entries of a map kept in insertion order. */
function trim<K, V>(map: Map<K, V>): void {
  if (map.size <= TRACKED) return;
  for (const key of map.keys()) {
    map.delete(key);
    if (map.size <= TRACKED / 2) return;
  }
}
