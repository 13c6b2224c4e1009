/**
 * The views of one broadcast, packed part by part. The views a room sends after an event differ only in
 * their state (a seat sees its own ally unredacted, the facilitator sees everything), the log entries each
 * connection lacks and who the viewer is (and the facilitator's seat rows name the players); everything else
 * is the same message. Packing 33 views of 8–11 kB each in full dominated the server's time under load, so
 * the shared parts are packed once (msgpack, as @colyseus/core packs messages) and each view's bytes are
 * joined from them. They decode to exactly what
 * `CouncilSession.view` returns for that connection (tests/unit/viewBatch.test.ts checks it).
 */
import { Packr } from "msgpackr";
import type { Viewer, ViewMessage } from "../net/protocol.ts";
import { stateOf } from "../sim/session.ts";
import type { LogEntry } from "../sim/state.ts";
import { type Audience, entryVisible, redactLog, seatPrivate } from "../sim/views.ts";
import type { CouncilSession } from "./councilSession.ts";
import { audienceOf } from "./sessionView.ts";

const packr = new Packr({ useRecords: false }); // the options @colyseus/core sends messages with
/** msgpack of one value (pack() reuses its buffer, so each part is copied out). */
const pack = (value: unknown): Uint8Array => packr.pack(value).slice();

const header = (small: number, n: number, code16: number): Uint8Array => {
  if (n < 16) return Uint8Array.of(small | n);
  if (n < 0x10000) return Uint8Array.of(code16, n >> 8, n & 0xff);
  return Uint8Array.of(code16 + 1, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
};
const mapHeader = (n: number) => header(0x80, n, 0xde);
const arrayHeader = (n: number) => header(0x90, n, 0xdc);

/** The parts one after the other, in one buffer (Buffer.allocUnsafe: every byte is written). */
function join(parts: readonly Uint8Array[]): Buffer {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * An object packed as a map, except the values of the fields in `open`, which are left as slots to fill in:
 * the packed runs between slots, and the slots' names, in field order.
 */
function layout<K extends string>(object: object, open: readonly K[]): (Uint8Array | K)[] {
  const entries = Object.entries(object);
  const out: (Uint8Array | K)[] = [];
  let run: Uint8Array[] = [mapHeader(entries.length)];
  for (const [key, value] of entries) {
    run.push(pack(key));
    if ((open as readonly string[]).includes(key)) {
      out.push(join(run), key as K);
      run = [];
    } else run.push(pack(value));
  }
  out.push(join(run));
  return out;
}

/** The parts of the state that differ by seat: its own ally, its corridor talks, its political capital. */
type SeatSlot = "allies" | "talks" | "capital";
const SEAT_SLOTS: readonly SeatSlot[] = ["allies", "talks", "capital"];

/** The public allies packed one after the other behind their array header, and where each one starts. */
interface Allies {
  bytes: Buffer;
  starts: number[]; // starts[i] is where ally i begins; starts[n] is the end
}

export class ViewBatch {
  private readonly council: CouncilSession;
  private readonly template: ViewMessage; // the public view with the whole log
  private readonly view: (Uint8Array | "state" | "log" | "viewer" | "seats" | "people")[];
  private readonly seats = new Map<boolean, Uint8Array>(); // with players' ids (the facilitator's) or without
  private stateLayout: (Uint8Array | SeatSlot)[] | null = null;
  private allies: Allies | null = null;
  private readonly states = new Map<string, Uint8Array[]>(); // by audience, in parts
  private readonly logs = new Map<string, Uint8Array>(); // by the index the entries start from (and audience)

  constructor(council: CouncilSession) {
    this.council = council;
    this.template = council.view({ kind: "projector" }, 0);
    this.view = layout(this.template, ["state", "log", "viewer", "seats", "people"] as const);
  }

  /**
   * The msgpack bytes of `council.view(viewer, logFrom)` after `prefix` (a frame header), and the log length
   * that view brings the viewer to.
   */
  encode(viewer: Viewer, logFrom: number, prefix?: Uint8Array): { bytes: Buffer; logEnd: number } {
    const parts: Uint8Array[] = prefix ? [prefix] : [];
    for (const part of this.view) {
      if (part === "state") parts.push(...this.state(viewer));
      else if (part === "log") parts.push(this.log(logFrom, audienceOf(viewer)));
      else if (part === "viewer") parts.push(pack(viewer));
      else if (part === "seats") parts.push(this.packedSeats(viewer.kind === "facilitator"));
      else if (part === "people") parts.push(pack(viewer.kind === "facilitator" ? this.council.people.status() : []));
      else parts.push(part);
    }
    return { bytes: join(parts), logEnd: Math.max(logFrom, this.template.log.entries.length) };
  }

  private packedSeats(withPlayers: boolean): Uint8Array {
    let packed = this.seats.get(withPlayers);
    if (!packed) {
      packed = pack(withPlayers ? this.council.seatStatus(true) : this.template.seats);
      this.seats.set(withPlayers, packed);
    }
    return packed;
  }

  /**
   * The log entries from `from` on as `audience` may read them: the public ones, shared by every connection,
   * unless an entry the public may not read is one this audience may (its own assistance, intelligence shared
   * with it), or the audience is the facilitator.
   */
  private log(from: number, audience: Audience): Uint8Array {
    const full = stateOf(this.council.session).log;
    const publicEntries = this.template.log.entries;
    let own = audience === "facilitator";
    for (let i = from; !own && i < publicEntries.length; i++)
      own = publicEntries[i]?.k === "private" && entryVisible(full[i] as LogEntry, audience);
    const key = own ? `${audience}|${from}` : String(from);
    let packed = this.logs.get(key);
    if (!packed) {
      const entries = own ? redactLog(full.slice(from), audience) : publicEntries.slice(from);
      packed = pack({ from, entries });
      this.logs.set(key, packed);
    }
    return packed;
  }

  /** The state as the viewer's audience sees it (the same rule as buildView), in parts. */
  private state(viewer: Viewer): Uint8Array[] {
    const audience = audienceOf(viewer);
    let parts = this.states.get(audience);
    if (!parts) {
      parts = audience === "facilitator" ? [pack(this.council.view(viewer, 0).state)] : this.seatState(audience);
      this.states.set(audience, parts);
    }
    return parts;
  }

  /**
   * The public state, with the seat's own ally unredacted when `audience` is an ally in this Council, and the
   * seat's own talks and capital (packed from the same redaction the unbatched view uses).
   */
  private seatState(audience: string): Uint8Array[] {
    const full = stateOf(this.council.session);
    const own = full.allies.findIndex((a) => a.code === audience);
    const mine = seatPrivate(full, audience);
    const allies = this.publicAllies();
    const ownAllies =
      own < 0
        ? [allies.bytes]
        : [
            allies.bytes.subarray(0, allies.starts[own]),
            pack(stateOf(this.council.session).allies[own]),
            allies.bytes.subarray(allies.starts[own + 1]),
          ];
    this.stateLayout ??= layout(this.template.state, SEAT_SLOTS);
    return this.stateLayout.flatMap((part) =>
      part === "allies"
        ? ownAllies
        : part === "talks"
          ? [pack(mine.talks)]
          : part === "capital"
            ? [pack(mine.capital)]
            : [part],
    );
  }

  private publicAllies(): Allies {
    if (!this.allies) {
      const packed = this.template.state.allies.map(pack);
      const head = arrayHeader(packed.length);
      const starts = [head.length];
      for (const p of packed) starts.push((starts[starts.length - 1] ?? 0) + p.length);
      this.allies = { bytes: join([head, ...packed]), starts };
    }
    return this.allies;
  }
}
