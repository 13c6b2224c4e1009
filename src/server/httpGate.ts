/**
 * The gate every HTTP request and WebSocket upgrade passes before the API, the static files or Colyseus see
 * it: the client's address, an origin allow-list, security headers, body-size limits on every route (Colyseus
 * reads any request's body whole before the routes see it) and join/reconnect limits per address, counted
 * before any session is looked up — on matchmaking requests and on WebSocket upgrades, which the SDK uses to
 * reconnect with a token. Wrong join codes and tokens cost the address that guessed them, not the room.
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { RateLimiter } from "./rateLimit.ts";

export interface GateOptions {
  trustProxy: boolean; // believe X-Real-IP / the last X-Forwarded-For hop (a reverse proxy sets them)
  /** Origins (scheme://host:port) browsers may call from besides the server's own; "*" allows any. */
  allowedOrigins: readonly string[];
  now?: () => number;
  /**
   * Whether a WebSocket upgrade names a seat this process holds: false for an unknown room or a wrong
   * reconnection token (a guess); true also for a join whose reservation merely expired (a slow server).
   */
  seatKnown?: (roomId: string, sessionId: string, reconnectionToken: string | null) => boolean;
  /**
   * Whether a code names a session this server has created (running, ended or closed unused). Codes are what a
   * guesser can find; reconnection and seat tokens are long random secrets. So a failed join or reconnection
   * to a real session is not a guess: a class behind one school address whose tokens went stale (the server
   * restarted, the session ended) must not be locked out for it.
   */
  sessionKnown?: (code: string) => boolean;
}

/** Largest matchmaking request body (a join carries a code, a name and a token). */
export const MATCHMAKE_BODY_LIMIT = 4096;
/** Largest session API body (creating a session: a scenario, a seed, timers). */
export const API_BODY_LIMIT = 8192;

/** The largest body a path takes: the API's and matchmaking's JSON; the game's files take none. */
export function bodyLimit(path: string): number {
  if (path.startsWith("/matchmake/")) return MATCHMAKE_BODY_LIMIT;
  if (path.startsWith("/api/")) return API_BODY_LIMIT;
  return 0;
}

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
};

/**
 * Browsers honour Cross-Origin-Opener-Policy only on secure pages and log an error for it on a plain-http school
 * address, so it is sent only when the page came over TLS (here, or at a trusted proxy that says so).
 */
export function overTls(req: IncomingMessage, trustProxy: boolean | undefined): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy === true && String(req.headers["x-forwarded-proto"] ?? "").startsWith("https");
}

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

const isJoinRoute = (path: string) => /^\/matchmake\/(joinById|reconnect|join)\b/.test(path);
/** The room a join or reconnection names in its path (joinById/<code>, reconnect/<code>), if it names one. */
const namedRoom = (path: string) => /^\/matchmake\/(?:joinById|reconnect)\/([\w-]+)/.exec(path)?.[1];

/**
 * A matchmaking answer that says the request guessed wrong (no such room, a wrong token, refused options),
 * not that the server was busy (Colyseus answers with its error codes, 520–526, as HTTP statuses).
 */
const isWrongGuess = (status: number) =>
  (status >= 400 && status < 500 && status !== 429) || status === 522 || status === 524 || status === 525;

/** The path and query a request names, as Colyseus and Express will read them (absolute forms, dot segments). */
function normalise(url: string | undefined): URL | null {
  try {
    return new URL(url ?? "/", "http://gate.invalid");
  } catch {
    return null;
  }
}

/** Why a request's body is refused before anything reads it, or null. */
function bodyProblem(req: IncomingMessage, path: string): [number, string] | null {
  const declared = req.headers["content-length"];
  const limit = bodyLimit(path);
  // A body without a length is streamed: the API's parser stops it at the limit; nothing else may send one.
  if (req.headers["transfer-encoding"] && declared === undefined)
    return path.startsWith("/api/") ? null : [411, "a request with a body must say its length (Content-Length)"];
  const length = Number(declared ?? 0);
  if (Number.isFinite(length) && length <= limit) return null;
  return [
    413,
    limit === 0
      ? `request body too large: ${path} takes no body`
      : `request body too large: at most ${limit} bytes for ${path.split("/").slice(0, 3).join("/")}/…`,
  ];
}

/**
 * Puts the gate in front of every listener the server has now (call after Colyseus has attached its own):
 * they run only for requests the gate lets through.
 */
export function installGate(http: HttpServer, options: GateOptions): void {
  const joins = new RateLimiter({ burst: JOIN_BURST, perSecond: JOIN_PER_SECOND, now: options.now });
  const upgrades = new RateLimiter({ burst: JOIN_BURST, perSecond: JOIN_PER_SECOND, now: options.now });
  const failures = new RateLimiter({ burst: FAILED_JOIN_BURST, perSecond: FAILED_JOIN_PER_SECOND, now: options.now });
  const failed = new Map<string, number>(); // addresses whose failure bucket is empty, until when (ms)
  const now = options.now ?? (() => Date.now());

  /** Counts a wrong guess against `address`; once its failures run out it waits before any join. */
  const failedGuess = (address: string) => {
    if (!failures.take(address)) failed.set(address, now() + 1000 / FAILED_JOIN_PER_SECOND);
    if (failed.size > 10_000) for (const [a, until] of failed) if (until <= now()) failed.delete(a);
  };
  const mayJoin = (address: string, bucket: RateLimiter) => (failed.get(address) ?? 0) <= now() && bucket.take(address);

  const onRequest = http.listeners("request") as RequestListener[];
  http.removeAllListeners("request");
  http.on("request", (req, res) => {
    const address = clientAddress(req, options.trustProxy);
    // Colyseus takes a join's address from X-Real-IP only: set it to the one the gate counted.
    req.headers["x-real-ip"] = address;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (overTls(req, options.trustProxy)) res.setHeader("cross-origin-opener-policy", "same-origin");
    const url = normalise(req.url);
    if (!url) return refuse(res, 400, "malformed request address");
    // Everything after the gate reads the path the gate checked.
    req.url = `${url.pathname}${url.search}`;
    if (!originAllowed(req.headers.origin, req.headers.host, options.allowedOrigins))
      return refuse(res, 403, "this server does not accept requests from that origin");
    const tooLarge = bodyProblem(req, url.pathname);
    if (tooLarge) return refuse(res, tooLarge[0], tooLarge[1]);
    if (isJoinRoute(url.pathname)) {
      if (!mayJoin(address, joins))
        return refuse(res, 429, "too many join attempts from this address: wait a moment", { "retry-after": "10" });
      res.on("finish", () => {
        const room = namedRoom(url.pathname);
        if (isWrongGuess(res.statusCode) && !(room && options.sessionKnown?.(room))) failedGuess(address);
      });
    }
    for (const listener of onRequest) listener.call(http, req, res);
  });

  const onUpgrade = http.listeners("upgrade") as UpgradeListener[];
  http.removeAllListeners("upgrade");
  http.on("upgrade", (req, socket, head) => {
    const address = clientAddress(req, options.trustProxy);
    req.headers["x-real-ip"] = address;
    const url = normalise(req.url);
    if (!url || !originAllowed(req.headers.origin, req.headers.host, options.allowedOrigins)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n");
      return;
    }
    req.url = `${url.pathname}${url.search}`;
    if (!mayJoin(address, upgrades)) {
      socket.end("HTTP/1.1 429 Too Many Requests\r\nretry-after: 10\r\nconnection: close\r\n\r\n");
      return;
    }
    // A connection to a room is a join (or a reconnection with a token): one to a code never issued is a guess.
    const roomId = /\/[\w-]+\/([\w-]+)$/.exec(url.pathname)?.[1];
    const sessionId = url.searchParams.get("sessionId");
    if (
      roomId &&
      sessionId &&
      options.seatKnown &&
      !options.seatKnown(roomId, sessionId, url.searchParams.get("reconnectionToken")) &&
      !options.sessionKnown?.(roomId)
    )
      failedGuess(address);
    for (const listener of onUpgrade) listener.call(http, req, socket, head);
  });
}
