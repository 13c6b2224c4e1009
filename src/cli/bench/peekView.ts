/**
 * The load clients' fast path: reads a `view` frame's `seq` from its msgpack bytes without building the view.
 * Decoding every 8–11 kB view in full would make the benchmark's own clients, 1,600 of them on the same two
 * cores as the server, the bottleneck instead of the server.
 */
import { Protocol } from "@colyseus/sdk";

/** A ROOM_DATA frame of type "view": the code, then the type as a msgpack fixstr, then the message. */
const VIEW_FRAME = Uint8Array.of(Protocol.ROOM_DATA, 0xa0 | 4, ...new TextEncoder().encode("view"));
/** The key looked for, as msgpack fixstr bytes (compared without decoding). */
const SEQ_KEY = Uint8Array.of(0xa0 | 3, ...new TextEncoder().encode("seq"));

/** Whether a WebSocket frame is a `view` message. */
export function isViewFrame(frame: Uint8Array): boolean {
  if (frame.length <= VIEW_FRAME.length) return false;
  for (let i = 0; i < VIEW_FRAME.length; i++) if (frame[i] !== VIEW_FRAME[i]) return false;
  return true;
}

/** The `seq` of a `view` frame (see isViewFrame); the fields before it are stepped over, those after not read. */
export function peekSeq(frame: Uint8Array): number {
  const r = new Reader(frame, VIEW_FRAME.length);
  for (let keys = r.mapLength(); keys > 0; keys--) {
    if (r.keyIs(SEQ_KEY)) return r.integer();
    r.skip();
    r.skip();
  }
  throw new Error("view without seq");
}

class Reader {
  private readonly b: Uint8Array;
  private readonly view: DataView;
  private at: number;

  constructor(b: Uint8Array, at: number) {
    this.b = b;
    this.at = at;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  mapLength(): number {
    const t = this.byte();
    if ((t & 0xf0) === 0x80) return t & 0x0f;
    if (t === 0xde) return this.u16();
    if (t === 0xdf) return this.u32();
    throw new Error(`msgpack: expected a map at ${this.at - 1}`);
  }

  /** Whether the key at the read position is `key` (fixstr bytes); if so, steps past it. */
  keyIs(key: Uint8Array): boolean {
    for (let i = 0; i < key.length; i++) if (this.b[this.at + i] !== key[i]) return false;
    this.at += key.length;
    return true;
  }

  integer(): number {
    const t = this.byte();
    if (t < 0x80) return t;
    if (t >= 0xe0) return t - 0x100;
    const at = this.at;
    this.at += FIXED[t] ?? 0;
    switch (t) {
      case 0xcc:
        return this.view.getUint8(at);
      case 0xcd:
        return this.view.getUint16(at);
      case 0xce:
        return this.view.getUint32(at);
      case 0xd0:
        return this.view.getInt8(at);
      case 0xd1:
        return this.view.getInt16(at);
      case 0xd2:
        return this.view.getInt32(at);
      case 0xcb:
        return this.view.getFloat64(at);
      default:
        throw new Error(`msgpack: expected an integer at ${at - 1}`);
    }
  }

  /** Steps over one value of any kind (maps and arrays with everything in them). */
  skip(): void {
    for (let pending = 1; pending > 0; pending--) {
      const t = this.byte();
      if (t < 0x80 || t >= 0xe0 || t === 0xc0 || t === 0xc2 || t === 0xc3) continue;
      if ((t & 0xf0) === 0x80) pending += 2 * (t & 0x0f);
      else if ((t & 0xf0) === 0x90) pending += t & 0x0f;
      else if ((t & 0xe0) === 0xa0) this.at += t & 0x1f;
      else if (t === 0xdc) pending += this.u16();
      else if (t === 0xdd) pending += this.u32();
      else if (t === 0xde) pending += 2 * this.u16();
      else if (t === 0xdf) pending += 2 * this.u32();
      else {
        const length = this.payloadLength(t); // reads past the length first: not `at += payloadLength(t)`
        this.at += length;
      }
    }
  }

  /** The bytes after the header of a string, binary, extension or fixed-width number (`at` past its length). */
  private payloadLength(t: number): number {
    if (t === 0xc4 || t === 0xd9) return this.byte();
    if (t === 0xc5 || t === 0xda) return this.u16();
    if (t === 0xc6 || t === 0xdb) return this.u32();
    if (t === 0xc7) return 1 + this.byte(); // the extension's type, then its data
    if (t === 0xc8) return 1 + this.u16();
    if (t === 0xc9) return 1 + this.u32();
    if (t >= 0xd4 && t <= 0xd8) return 1 + (1 << (t - 0xd4));
    return FIXED[t] ?? 0;
  }

  private byte(): number {
    const t = this.b[this.at++];
    if (t === undefined) throw new Error("msgpack: unexpected end");
    return t;
  }

  private u16(): number {
    this.at += 2;
    return this.view.getUint16(this.at - 2);
  }

  private u32(): number {
    this.at += 4;
    return this.view.getUint32(this.at - 4);
  }
}

/** Payload sizes of the fixed-width numbers (float32/64, uint8–64, int8–64). */
const FIXED: Record<number, number> = {
  202: 4,
  203: 8,
  204: 1,
  205: 2,
  206: 4,
  207: 8,
  208: 1,
  209: 2,
  210: 4,
  211: 8,
};
