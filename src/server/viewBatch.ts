/**
 * The views of one broadcast, packed part by part. The views a room sends after an event differ only in
 * their state (a seat sees its own ally unredacted, the facilitator sees everything), the log entries each
 * connection lacks and who the viewer is; everything else is the same message. Packing 33 views of 11 kB
 * each in full dominated the server's time under load, so the shared parts are packed once (msgpack, as
 * @colyseus/core packs messages) and each view's bytes are joined from them. They decode to exactly what
 * `CouncilSession.view` returns for that connection (tests/unit/viewBatch.test.ts checks it).
 */
import { Packr } from "msgpackr";
import type { Viewer, ViewMessage } from "../net/protocol.ts";
import { stateOf } from "../sim/session.ts";
import type { CouncilSession } from "./councilSession.ts";

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

/** The bytes cached under `key`, made on first use. */
function memo<K>(cache: Map<K, Uint8Array>, key: K, make: () => Uint8Array): Uint8Array {
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = make();
    cache.set(key, bytes);
  }
  return bytes;
}

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

export class ViewBatch {
  private readonly council: CouncilSession;
  private readonly template: ViewMessage; // the public view with the whole log
  private readonly keys: Map<string, Uint8Array>; // every key of the view and of its state, packed
  private readonly shared = new Map<string, Uint8Array>(); // view fields that are the same for everyone
  private readonly states = new Map<string, Uint8Array[]>(); // by audience, in parts
  private readonly logs = new Map<number, Uint8Array>(); // by the index the entries start from
  private publicAllies: Uint8Array[] = [];

  constructor(council: CouncilSession) {
    this.council = council;
    this.template = council.view({ kind: "projector" }, 0);
    this.keys = new Map([...Object.keys(this.template), ...Object.keys(this.template.state)].map((k) => [k, pack(k)]));
  }

  /**
   * The msgpack bytes of `council.view(viewer, logFrom)` after `prefix` (a frame header), and the log length
   * that view brings the viewer to.
   */
  encode(viewer: Viewer, logFrom: number, prefix?: Uint8Array): { bytes: Buffer; logEnd: number } {
    const fields = Object.keys(this.template) as (keyof ViewMessage)[];
    const parts: Uint8Array[] = prefix ? [prefix] : [];
    parts.push(mapHeader(fields.length));
    for (const field of fields) {
      parts.push(this.key(field));
      if (field === "state") parts.push(...this.state(viewer));
      else if (field === "log") parts.push(this.log(logFrom));
      else if (field === "viewer") parts.push(pack(viewer));
      else parts.push(this.viewField(field));
    }
    return { bytes: join(parts), logEnd: Math.max(logFrom, this.template.log.entries.length) };
  }

  private key(k: string): Uint8Array {
    const packed = this.keys.get(k);
    if (!packed) throw new Error(`view batch: no key ${k}`);
    return packed;
  }

  private viewField(field: keyof ViewMessage): Uint8Array {
    return memo(this.shared, field, () => pack(this.template[field]));
  }

  private log(from: number): Uint8Array {
    return memo(this.logs, from, () => pack({ from, entries: this.template.log.entries.slice(from) }));
  }

  /** The state as the viewer's audience sees it (the same rule as CouncilSession.view), in parts. */
  private state(viewer: Viewer): Uint8Array[] {
    const audience =
      viewer.kind === "facilitator" ? "facilitator" : viewer.kind === "player" ? (viewer.seat ?? "public") : "public";
    let parts = this.states.get(audience);
    if (!parts) {
      const own = stateOf(this.council.session).allies.findIndex((a) => a.code === audience);
      if (audience === "facilitator") parts = [pack(this.council.view(viewer, 0).state)];
      else parts = own < 0 ? [pack(this.template.state)] : this.seatState(own);
      this.states.set(audience, parts);
    }
    return parts;
  }

  /** The public state with ally `own` unredacted (the seat's own private reading), in parts. */
  private seatState(own: number): Uint8Array[] {
    const state = this.template.state;
    const fields = Object.keys(state) as (keyof typeof state)[];
    if (!this.publicAllies.length) this.publicAllies = state.allies.map(pack);
    const parts: Uint8Array[] = [mapHeader(fields.length)];
    for (const field of fields) {
      parts.push(this.key(field));
      if (field !== "allies") {
        parts.push(this.stateField(field));
        continue;
      }
      parts.push(arrayHeader(state.allies.length));
      this.publicAllies.forEach((ally, i) => {
        parts.push(i === own ? pack(stateOf(this.council.session).allies[i]) : ally);
      });
    }
    return parts;
  }

  /** A state field that every seat sees alike. */
  private stateField(field: string): Uint8Array {
    return memo(this.shared, `state.${field}`, () => pack((this.template.state as Record<string, unknown>)[field]));
  }
}
