/**
 * `npm start` / `npm run classroom`: the game, the session API and the multiplayer endpoint on one port.
 * Environment: PORT (8080), HOST (127.0.0.1; `npm run classroom` sets 0.0.0.0 so phones on the network can
 * join), PUBLIC_URL (the address students use when it is not this machine's own, e.g. behind a proxy),
 * DATA_DIR (./data), REDIS_URL and PUBLIC_ADDRESS (scale-out), PROCESS_NAME, TRUST_PROXY=1 (behind a reverse
 * proxy that sets X-Real-IP or X-Forwarded-For), MAX_SESSIONS (unfinished sessions, default 400),
 * ALLOWED_ORIGINS (comma-separated sites whose pages may call this server besides its own), SESSIONS_PER_ADDRESS
 * (unfinished sessions one address may run, default 20), SESSION_IDLE_MINUTES (60) and SESSION_FINISHED_MINUTES
 * (10): when unused and finished sessions close. docs/hosting.md lists them all with the server's limits.
 */
import { expiryFromEnv } from "./expiry.ts";
import { startGameServer } from "./gameServer.ts";
import { StoreError } from "./store.ts";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";

async function start() {
  try {
    return await startGameServer({
      port,
      host,
      dataDir: process.env.DATA_DIR ?? "data",
      staticDir: process.env.STATIC_DIR ?? "dist",
      redisUrl: process.env.REDIS_URL || undefined,
      publicAddress: process.env.PUBLIC_ADDRESS || undefined,
      publicUrl: process.env.PUBLIC_URL || undefined,
      owner: process.env.PROCESS_NAME || undefined,
      trustProxy: process.env.TRUST_PROXY === "1",
      maxSessions: process.env.MAX_SESSIONS ? Number(process.env.MAX_SESSIONS) : undefined,
      sessionsPerAddress: process.env.SESSIONS_PER_ADDRESS ? Number(process.env.SESSIONS_PER_ADDRESS) : undefined,
      expiry: expiryFromEnv(process.env),
      allowedOrigins: (process.env.ALLOWED_ORIGINS ?? "")
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof StoreError) process.stderr.write(`Case by Case cannot start: ${err.message}\n`);
    else if (code === "EADDRINUSE")
      process.stderr.write(`Case by Case cannot start: port ${port} is in use (set PORT to another)\n`);
    else if (code === "EADDRNOTAVAIL")
      process.stderr.write(`Case by Case cannot start: this machine has no address ${host} (check HOST)\n`);
    else throw err;
    process.exit(1);
  }
}

const server = await start();
const reachable = server.reachable();
process.stdout.write(`Case by Case is running on ${server.url.replace("//0.0.0.0:", "//localhost:")}/\n`);
if (reachable.loopbackOnly)
  process.stdout.write(
    "Only this computer can open it. For a class, run `npm run classroom` (or HOST=0.0.0.0) on the school network.\n",
  );
else {
  process.stdout.write("Students join on their phones at:\n");
  for (const url of reachable.urls) process.stdout.write(`  ${url}\n`);
  process.stdout.write("(If phones cannot connect, the firewall must allow incoming connections on this port.)\n");
}

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
