/**
 * `npm start`: the game, the session API and the multiplayer endpoint on http://127.0.0.1:8080.
 * Environment: PORT, HOST, DATA_DIR (./data), REDIS_URL and PUBLIC_ADDRESS (scale-out), PROCESS_NAME, TRUST_PROXY=1
 * (behind a reverse proxy that sets X-Real-IP or X-Forwarded-For), MAX_SESSIONS (unfinished sessions, default 400),
 * ALLOWED_ORIGINS (comma-separated sites whose pages may call this server besides its own).
 */
import { startGameServer } from "./gameServer.ts";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const server = await startGameServer({
  port,
  host,
  dataDir: process.env.DATA_DIR ?? "data",
  staticDir: process.env.STATIC_DIR ?? "dist",
  redisUrl: process.env.REDIS_URL || undefined,
  publicAddress: process.env.PUBLIC_ADDRESS || undefined,
  owner: process.env.PROCESS_NAME || undefined,
  trustProxy: process.env.TRUST_PROXY === "1",
  maxSessions: process.env.MAX_SESSIONS ? Number(process.env.MAX_SESSIONS) : undefined,
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
});
process.stdout.write(`Case by Case on ${server.url}/\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`shutdown: ${String(err)}\n`);
      process.exit(1);
    },
  );
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
