/**
 * The views of one broadcast, packed part by part. The views a room sends after an event differ only in
 * their state (a seat sees its own ally unredacted, the facilitator sees everything), the log entries each
 * connection lacks and who the viewer is (and the facilitator's seat rows name the players); everything else
 * is the same message. Packing 33 views of 8–11 kB each in full dominated the server's time under load, so
 * the shared parts are packed once (msgpack, as @colyseus/core packs messages) and each view's bytes are
 * joined from them. They decode to exactly what
 * `CouncilSession.view` returns for that connection (tests/unit/viewBatch.test.ts checks it).
 *
 * A connection that has the previous broadcast's view is sent an update instead (src/net/viewPatch.ts): the
 * fields that changed and the state's changes as a patch, a few hundred bytes where the whole view is 8–11 kB.
 * What each connection has is its `ViewBase`; the patches from one base are worked out once per broadcast.
 */
import { Packr } from "msgpackr";
import type { Viewer, ViewMessage } from "../net/protocol.ts";
import { diffInto } from "../net/viewPatch.ts";
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

/** A seat's own parts of the state, as its view has them (`ally` is null for a seat that is not an ally). */
interface OwnParts {
  index: number; // the ally's place in `state.allies`, -1 for none
  ally: unknown;
  talks: unknown;
  capital: unknown;
}

/**
 * What a connection was last sent, for the next update: its audience, the state it has (the shared public
 * state plus its seat's own parts, or the facilitator's state) and the packed fields an update may leave out.
 */
export interface ViewBase {
  audience: string;
  state: object;
  own: OwnParts | null;
  seats: Uint8Array;
  waiting: Uint8Array;
  people: Uint8Array;
  viewer: Uint8Array;
}

/** One patch operation, packed, with the path it changes. */
interface PackedOp {
  path: (string | number)[];
  bytes: Uint8Array;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a === b || Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
const KEYS = new Map<string, Uint8Array>();
const packedKey = (key: string) => {
  let bytes = KEYS.get(key);
  if (!bytes) {
    bytes = pack(key);
    KEYS.set(key, bytes);
  }
  return bytes;
};

/** The changes from `before` to `after`, under `path`, packed one by one. */
function packedDiff(before: unknown, after: unknown, path: (string | number)[]): PackedOp[] {
  const ops: Parameters<typeof diffInto>[3] = [];
  diffInto(before, after, path, ops);
  return ops.map((op) => ({ path: op[0], bytes: pack(op) }));
}

/** The public allies packed one after the other behind their array header, and where each one starts. */
interface Allies {
  bytes: Buffer;
  starts: number[]; // starts[i] is where ally i begins; starts[n] is the end
}

/** The fields of an update, in the complete view's order (`patch` where `state` is). */
const UPDATE_FIELDS = [
  "code",
  "scenario",
  "seq",
  "phase",
  "patch",
  "log",
  "seats",
  "waiting",
  "people",
  "clock",
] as const;

export class ViewBatch {
  private readonly council: CouncilSession;
  private readonly template: ViewMessage; // the public view (its log is sent by `log`)
  private readonly view: (Uint8Array | "state" | "log" | "viewer" | "seats" | "people")[];
  private readonly seats = new Map<boolean, Uint8Array>(); // with players' ids (the facilitator's) or without
  private stateLayout: (Uint8Array | SeatSlot)[] | null = null;
  private allies: Allies | null = null;
  private readonly states = new Map<string, Uint8Array[]>(); // by audience, in parts
  private readonly logs = new Map<string, Uint8Array>(); // by the index the entries start from (and audience)
  private readonly owns = new Map<string, OwnParts>(); // by seat audience
  private readonly fields = new Map<string, Uint8Array>(); // the template's fields, packed
  private readonly patches = new Map<object, PackedOp[]>(); // by the base state or own parts they start from
  private facilitatorState: object | null = null;

  constructor(council: CouncilSession) {
    this.council = council;
    this.template = council.view({ kind: "projector" }, this.fullLog().length);
    this.view = layout(this.template, ["state", "log", "viewer", "seats", "people"] as const);
  }

  /**
   * The msgpack bytes of the view `council.view(viewer, logFrom)` after `prefix` (a frame header) — or of an
   * update to it when `base` (what the connection was last sent) allows one — with the log length the view
   * brings the viewer to and the connection's base from now on.
   */
  encode(
    viewer: Viewer,
    logFrom: number,
    prefix?: Uint8Array,
    base: ViewBase | null = null,
  ): { bytes: Buffer; logEnd: number; base: ViewBase } {
    const audience = audienceOf(viewer);
    const next = this.baseFor(viewer, audience);
    const logEnd = Math.max(logFrom, this.fullLog().length);
    const update = base?.audience === audience ? this.update(base, next, logFrom, audience) : null;
    const parts: Uint8Array[] = prefix ? [prefix] : [];
    if (update) parts.push(...update);
    else
      for (const part of this.view) {
        if (part === "state") parts.push(...this.state(viewer));
        else if (part === "log") parts.push(this.log(logFrom, audience));
        else if (part === "viewer") parts.push(next.viewer);
        else if (part === "seats") parts.push(next.seats);
        else if (part === "people") parts.push(next.people);
        else parts.push(part);
      }
    return { bytes: join(parts), logEnd, base: next };
  }

  /** What a connection has once this batch's view for `viewer` is sent. */
  private baseFor(viewer: Viewer, audience: string): ViewBase {
    const facilitator = audience === "facilitator";
    return {
      audience,
      state: facilitator ? this.fullState() : this.template.state,
      own: facilitator || audience === "public" ? null : this.own(audience),
      seats: this.packedSeats(facilitator),
      waiting: this.field("waiting"),
      people: facilitator ? pack(this.council.people.status()) : this.field("people"),
      viewer: pack(viewer),
    };
  }

  /**
   * The parts of an update from `base` to `next` (map header first), or null when the connection needs the
   * complete view (a change above a seat's own parts, which a patch of the shared state cannot carry).
   */
  private update(base: ViewBase, next: ViewBase, logFrom: number, audience: string): Uint8Array[] | null {
    const patch = this.patch(base, next);
    if (!patch) return null;
    const pairs: Uint8Array[] = [];
    let n = 0;
    const add = (key: string, value: Uint8Array) => {
      pairs.push(packedKey(key), value);
      n++;
    };
    for (const key of UPDATE_FIELDS) {
      if (key === "patch") add(key, patch);
      else if (key === "log") add(key, this.log(logFrom, audience));
      else if (key === "seats" || key === "waiting" || key === "people") {
        if (!sameBytes(base[key], next[key])) add(key, next[key]);
      } else add(key, this.field(key));
    }
    if (!sameBytes(base.viewer, next.viewer)) add("viewer", next.viewer);
    add("revealed", this.field("revealed"));
    return [mapHeader(n), ...pairs];
  }

  /** The packed patch from the state of `base` to that of `next`, or null when it cannot be one. */
  private patch(base: ViewBase, next: ViewBase): Uint8Array | null {
    const shared = this.memo(base.state, () => packedDiff(base.state, next.state, []));
    const own = next.own;
    if (!base.own || !own) return join([arrayHeader(shared.length), ...shared.map((op) => op.bytes)]);
    if (shared.some((op) => op.path.length === 0 || (op.path[0] === "allies" && op.path.length === 1))) return null;
    // The seat's own ally, talks and capital replace the shared ones: their changes come from its own parts.
    const mine = (op: PackedOp) =>
      op.path[0] === "talks" || op.path[0] === "capital" || (op.path[0] === "allies" && op.path[1] === own.index);
    const before = base.own;
    if (before.index !== own.index) return null;
    const ownOps = this.memo(before, () => [
      ...(own.index >= 0 ? packedDiff(before.ally, own.ally, ["allies", own.index]) : []),
      ...packedDiff(before.talks, own.talks, ["talks"]),
      ...packedDiff(before.capital, own.capital, ["capital"]),
    ]);
    const ops = [...shared.filter((op) => !mine(op)), ...ownOps];
    return join([arrayHeader(ops.length), ...ops.map((op) => op.bytes)]);
  }

  /** Patches from one base, worked out once per batch (every connection in step shares its base). */
  private memo(from: object, diff: () => PackedOp[]): PackedOp[] {
    let ops = this.patches.get(from);
    if (!ops) {
      ops = diff();
      this.patches.set(from, ops);
    }
    return ops;
  }

  /** A field of the template view, packed once. */
  private field(key: string): Uint8Array {
    let packed = this.fields.get(key);
    if (!packed) {
      packed = pack(this.template[key as keyof ViewMessage]);
      this.fields.set(key, packed);
    }
    return packed;
  }

  private fullState(): object {
    this.facilitatorState ??= this.council.view({ kind: "facilitator" }, this.fullLog().length).state;
    return this.facilitatorState;
  }

  private own(audience: string): OwnParts {
    let own = this.owns.get(audience);
    if (!own) {
      const full = stateOf(this.council.session);
      const index = full.allies.findIndex((a) => a.code === audience);
      const mine = seatPrivate(full, audience);
      own = { index, ally: index < 0 ? null : full.allies[index], talks: mine.talks, capital: mine.capital };
      this.owns.set(audience, own);
    }
    return own;
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
    const full = this.fullLog();
    let own = audience === "facilitator";
    for (let i = from; !own && i < full.length; i++) {
      const entry = full[i] as LogEntry;
      own = !entryVisible(entry, "public") && entryVisible(entry, audience);
    }
    const key = own ? `${audience}|${from}` : String(from);
    let packed = this.logs.get(key);
    if (!packed) {
      const tail = full.slice(from);
      const entries = audience === "facilitator" ? tail : redactLog(tail, own ? audience : "public");
      packed = pack({ from, entries });
      this.logs.set(key, packed);
    }
    return packed;
  }

  private fullLog(): readonly LogEntry[] {
    return stateOf(this.council.session).log;
  }

  /** The state as the viewer's audience sees it (the same rule as buildView), in parts. */
  private state(viewer: Viewer): Uint8Array[] {
    const audience = audienceOf(viewer);
    let parts = this.states.get(audience);
    if (!parts) {
      parts = audience === "facilitator" ? [pack(this.fullState())] : this.seatState(audience);
      this.states.set(audience, parts);
    }
    return parts;
  }

  /**
   * The public state, with the seat's own ally unredacted when `audience` is an ally in this Council, and the
   * seat's own talks and capital (packed from the same redaction the unbatched view uses).
   */
  private seatState(audience: string): Uint8Array[] {
    const mine = this.own(audience);
    const allies = this.publicAllies();
    const ownAllies =
      mine.index < 0
        ? [allies.bytes]
        : [
            allies.bytes.subarray(0, allies.starts[mine.index]),
            pack(mine.ally),
            allies.bytes.subarray(allies.starts[mine.index + 1]),
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
