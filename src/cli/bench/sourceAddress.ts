/**
 * HTTP and WebSockets from a source address of one's own. The server limits session creation and joins per
 * address (a join is checked on the SDK's matchmaking request and again on its WebSocket upgrade); the load
 * benchmark gives each simulated classroom its own address in 127.0.0.0/8, all of which is loopback on Linux,
 * as a school behind one NAT address would have — rather than sending forged proxy headers, which the server
 * ignores.
 */
import { request } from "node:http";
import type { WebSocket as NodeWebSocket } from "ws";

/** The source address of each room's connections, by room id (the join code): set before its joins. */
export const roomAddresses = new Map<string, string>();

/**
 * The `ws` WebSocket class, its sockets bound to the address of the room they connect to (the SDK opens
 * `…/<process>/<room>?sessionId=…` with `new WebSocket(url, { headers, protocols })`).
 */
export function boundWebSockets(Base: typeof NodeWebSocket): typeof NodeWebSocket {
  return class extends Base {
    constructor(url: string | URL, options?: object) {
      const room = new URL(String(url)).pathname.split("/").pop() ?? "";
      super(url, { ...options, localAddress: roomAddresses.get(room) });
    }
  } as typeof NodeWebSocket;
}

/** The n-th address of 127.0.0.0/8 from 127.0.1.0 on (n ≥ 0). */
export function loopbackAddress(n: number): string {
  const host = n + 256;
  return `127.${(host >> 16) & 255}.${(host >> 8) & 255}.${host & 255}`;
}

/** A `fetch` for plain-HTTP URLs that binds its sockets to `address` (Node's own fetch cannot). */
export function fetchFrom(address: string): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === "string" ? init.body : undefined;
    if (init?.body != null && body === undefined) return Promise.reject(new Error("fetchFrom: string bodies only"));
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      const req = request(url, { method: init?.method ?? "GET", localAddress: address, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const out = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: out }));
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  };
}
