/**
 * The soak's WebSocket for the SDK: the `ws` package's, whose sockets can be cut without a goodbye
 * (terminate), opened from the classroom's own loopback address like its HTTP requests (sourceAddress.ts):
 * the server limits WebSocket upgrades per address as it limits joins, and a school is one address. The
 * classroom is found by the session code that ends the room's path (/<process id>/<room id = code>).
 */
import { type ClientOptions, WebSocket } from "ws";

const addresses = new Map<string, string>(); // session code → the classroom's source address

/** Connections to session `code`'s room come from `address` (until `unbind`). */
export function bindSession(code: string, address: string): void {
  addresses.set(code, address);
}

export function unbindSession(code: string): void {
  addresses.delete(code);
}

/** `ws`'s WebSocket, bound to the source address of the session it opens (the SDK's `new WebSocket(url, options)`). */
export class BoundWebSocket extends WebSocket {
  constructor(url: string | URL, options?: ClientOptions) {
    const code = new URL(url).pathname.split("/").at(-1) ?? "";
    super(url, { ...options, localAddress: addresses.get(code) });
  }
}
