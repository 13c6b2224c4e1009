/**
 * The gate every HTTP request and WebSocket upgrade passes before the API, the static files or Colyseus see
 * it: the client's address, an origin allow-list, security headers, body-size limits on the matchmaking
 * routes (which Colyseus would otherwise read whole, whatever their size) and join/reconnect limits per
 * address, counted before any session is looked up. Wrong join codes cost the address that guessed them.
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { RateLimiter } from "./rateLimit.ts";

export interface GateOptions {
  trustProxy: boolean; // believe X-Real-IP / the last X-Forwarded-For hop (a reverse proxy sets them)
  /** Origins (scheme://host:port) browsers may call from besides the server's own; "*" allows any. */
  allowedOrigins: readonly string[];
  now?: () => number;
}

/** Largest matchmaking request body (a join carries a code, a name and a token). */
export const MATCHMAKE_BODY_LIMIT = 4096;

/** Join and reconnect requests per address: a class behind one address still joins in a minute. */
export const JOIN_BURST = 80;
export const JOIN_PER_SECOND = 2;
/** Failed joins (unknown code, wrong token) per address before it must wait: guessing costs the guesser. */
export const FAILED_JOIN_BURST = 12;
export const FAILED_JOIN_PER_SECOND = 0.1;

/** The Content-Security-Policy of every answer: the game loads only its own scripts and talks to itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Phaser and the panels set element styles
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** The address a request counts against. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "").split(",");
    const proxied = req.headers["x-real-ip"] ?? hops[hops.length - 1]?.trim();
    if (proxied) return String(proxied);
  }
  return req.socket.remoteAddress ?? "";
}

/** True when a browser request from `origin` may reach this server (no Origin: not a browser's cross-site call). */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes("*") || allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number, error: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", connection: "close", ...extra });
  res.end(JSON.stringify({ error }));
}

const isJoinRoute = (url: string) => /^\/matchmake\/(joinById|reconnect|join)\b/.test(url);

/**
 * Puts the gate in front of every listener the server has now (call after Colyseus has attached its own):
 * they run only for requests the gate lets through.
 */
export function installGate(http: HttpServer, options: GateOptions): void {
  const joins = new RateLimiter({ burst: JOIN_BURST, perSecond: JOIN_PER_SECOND, now: options.now });
  const failures = new RateLimiter({ burst: FAILED_JOIN_BURST, perSecond: FAILED_JOIN_PER_SECOND, now: options.now });
  const failed = new Map<string, number>(); // addresses whose failure bucket is empty, until when (ms)
  const now = options.now ?? (() => Date.now());

  const onRequest = http.listeners("request") as RequestListener[];
  http.removeAllListeners("request");
  http.on("request", (req, res) => {
    const address = clientAddress(req, options.trustProxy);
    // Colyseus takes a join's address from X-Real-IP only: set it to the one the gate counted.
    req.headers["x-real-ip"] = address;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? "/";
    if (!originAllowed(req.headers.origin, req.headers.host, options.allowedOrigins))
      return refuse(res, 403, "this server does not accept requests from that origin");
    if (url.startsWith("/matchmake/")) {
      const length = Number(req.headers["content-length"] ?? 0);
      if (req.headers["transfer-encoding"] && !req.headers["content-length"])
        return refuse(res, 411, "a matchmaking request must say its length");
      if (!Number.isFinite(length) || length > MATCHMAKE_BODY_LIMIT) return refuse(res, 413, "request too large");
      if (isJoinRoute(url)) {
        if ((failed.get(address) ?? 0) > now() || !joins.take(address))
          return refuse(res, 429, "too many join attempts from this address: wait a moment", { "retry-after": "10" });
        res.on("finish", () => {
          if (res.statusCode < 400) return;
          if (!failures.take(address)) failed.set(address, now() + 1000 / FAILED_JOIN_PER_SECOND);
          if (failed.size > 10_000) for (const [a, until] of failed) if (until <= now()) failed.delete(a);
        });
      }
    }
    for (const listener of onRequest) listener.call(http, req, res);
  });

  const onUpgrade = http.listeners("upgrade") as UpgradeListener[];
  http.removeAllListeners("upgrade");
  http.on("upgrade", (req, socket, head) => {
    if (!originAllowed(req.headers.origin, req.headers.host, options.allowedOrigins)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n");
      return;
    }
    for (const listener of onUpgrade) listener.call(http, req, socket, head);
  });
}
