/**
 * One Node process that serves the built game, the session API and the Colyseus endpoint on one port.
 * Embedded defaults (local presence and driver, SQLite in ./data); with a Redis URL, several processes share
 * matchmaking through @colyseus/redis-presence and @colyseus/redis-driver.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { matchMaker, type Presence, Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { MAX_MESSAGE_BYTES, ROOM_NAME } from "../net/protocol.ts";
import { type ReachableAddresses, reachableAddresses } from "./addresses.ts";
import { apiRouter } from "./api.ts";
import { CouncilRoom, setRegistry } from "./councilRoom.ts";
import type { ExpiryOptions } from "./expiry.ts";
import { healthHandler } from "./health.ts";
import { installGate } from "./httpGate.ts";
import { MemoryRelease } from "./memory.ts";
import { realClock } from "./pacer.ts";
import { Registry } from "./registry.ts";
import { staticFiles } from "./staticServer.ts";
import { Store } from "./store.ts";

export interface GameServerOptions {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string | null; // the built client (dist/); null serves the API and rooms only
  redisUrl?: string;
  publicAddress?: string; // host:port other processes and clients reach this one at (scale-out)
  owner?: string; // this process's name in the durable store (defaults to publicAddress or "local")
  trustProxy?: boolean; // a reverse proxy in front sets X-Real-IP / X-Forwarded-For; else the socket's address counts
  log?: (line: string) => void;
  maxSessions?: number; // unfinished sessions this process runs at most (MAX_SESSIONS)
  sessionsPerAddress?: number; // of those, created from one address (SESSIONS_PER_ADDRESS)
  expiry?: ExpiryOptions; // when idle and finished sessions close (SESSION_IDLE_MINUTES, SESSION_FINISHED_MINUTES)
  allowedOrigins?: readonly string[]; // other sites whose pages may call this server (ALLOWED_ORIGINS)
  publicUrl?: string; // the address students use when it is not this machine's own (PUBLIC_URL)
  releaseAfterMs?: number; // with no session open this long, memory goes back to the system (memory.ts)
}

export interface GameServer {
  url: string;
  /** Where phones can reach this server (see addresses.ts). */
  reachable(): ReachableAddresses;
  registry: Registry;
  http: HttpServer;
  /** Closes rooms, the transport and the store (SIGTERM). */
  close(): Promise<void>;
}

export async function startGameServer(options: GameServerOptions): Promise<GameServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = new Store(options.dataDir);
  const owner = options.owner ?? options.publicAddress ?? "local";
  const registry = new Registry({
    store,
    clock: realClock,
    owner,
    log,
    maxSessions: options.maxSessions,
    sessionsPerAddress: options.sessionsPerAddress,
    expiry: options.expiry,
  });
  setRegistry(registry);
  const memory = new MemoryRelease({ openSessions: () => registry.openCount, log, afterMs: options.releaseAfterMs });
  registry.onClosed = () => memory.sessionClosed();

  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", 1); // req.ip: the address the proxy saw (API rate limits)
  const openRoom = async (code: string) => {
    await matchMaker.createRoom(ROOM_NAME, { code });
  };
  let port = options.port;
  const reachable = () => reachableAddresses(options.host, port, options.publicUrl);
  app.get("/api/health", healthHandler(registry, Boolean(options.redisUrl)));
  app.use("/api", apiRouter(registry, openRoom, reachable));
  if (options.staticDir) app.use(staticFiles(options.staticDir));
  const http = createServer();
  // A client that trickles its headers or body in holds a socket: it gets 15 s for the headers, 30 s in all.
  http.headersTimeout = 15_000;
  http.requestTimeout = 30_000;
  http.on("request", app);

  const transport = new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES * 4 });
  const redis = options.redisUrl;
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    publicAddress: options.publicAddress,
    presence: redis ? (new RedisPresence(redis) as Presence) : undefined,
    driver: redis ? new RedisDriver(redis) : undefined,
    // A session's room lives in the process that created it, which owns its durable log.
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
  });
  server.define(ROOM_NAME, CouncilRoom).filterBy(["code"]);
  // Clients join and reconnect; only this server creates rooms (POST /api/sessions, restores).
  matchMaker.controller.exposedMethods = ["join", "joinById", "reconnect"];
  await server.listen(options.port, options.host);
  // Every request and upgrade passes the gate first (address, origin, headers, body and join limits).
  installGate(http, {
    trustProxy: options.trustProxy ?? false,
    allowedOrigins: options.allowedOrigins ?? [],
    seatKnown: (roomId, sessionId, token) => {
      const room = matchMaker.getLocalRoomById(roomId);
      return Boolean(room) && (token === null || room.hasReservedSeat(sessionId, token));
    },
    sessionKnown: (code) => {
      try {
        return store.session(code) !== null;
      } catch {
        return false; // a damaged row: counted as any failure
      }
    },
  });
  const address = http.address() as AddressInfo;
  port = address.port;
  const url = `http://${options.host}:${address.port}`;

  for (const code of registry.unfinished()) {
    try {
      if (registry.closeIfIdle(code)) continue; // nobody used it for longer than a session stays open unused
      await openRoom(code);
      log(`restored session ${code} (${registry.running(code)?.record.events.length ?? 0} events)`);
    } catch (err) {
      log(`could not restore session ${code}: ${(err as Error).message}`);
    }
  }

  return {
    url,
    reachable,
    registry,
    http,
    close: async () => {
      memory.stop();
      await server.gracefullyShutdown(false);
      store.close();
    },
  };
}
