/**
 * Shared by the browser end-to-end tests (tests/e2e) and the web benchmarks (src/cli/bench/web.ts):
 * finding and launching Chromium, building with the project's Vite config, and serving a build on loopback.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { createStaticServer } from "../server/staticServer.ts";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where Chromium is expected; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Flags for a quiet, sandbox-free Chromium that only talks to loopback. WebGL falls back to SwiftShader. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** The line printed when Chromium is missing, so a skipped browser suite is never mistaken for a pass. */
export function chromiumMissingMessage(what: string): string {
  return `${what} SKIPPED: Chromium not found at ${CHROMIUM_PATH} — install it with apt-get install -y chromium (or set CHROMIUM_PATH)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** What a build of the game depends on: if none of it changed since a build, the build can be reused. */
const BUILD_INPUTS = ["index.html", "vite.config.ts", "package.json", "package-lock.json", "src", "scenarios"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file shows up as a newer directory
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when `outDir` holds a build of the game newer than every input of the build. */
export function buildIsFresh(outDir: string): boolean {
  const index = join(outDir, "index.html");
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(join(ROOT, p)) < built);
}

/**
 * Builds the game with the project's Vite config into `outDir` (relative to the root or absolute), in a
 * child process so that the caller's environment (e.g. vitest's NODE_ENV=test) does not leak into the build.
 */
export async function buildGame(outDir: string): Promise<void> {
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.VITEST;
  delete env.VITEST_MODE;
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const child = spawn(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}

export interface Served {
  url: string; // e.g. http://127.0.0.1:41234 (no trailing slash)
  close(): Promise<void>;
}

/** Serves `dir` with the game's own static server on a free loopback port. */
export async function serve(dir: string): Promise<Served> {
  const server = createStaticServer(dir);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
