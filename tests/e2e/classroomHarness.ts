/**
 * The classroom e2e harness: the production path in one process — a Vite build of the game (its own output
 * folder, so it never races the solo suite's build) served by the real game server (`startGameServer`: static
 * files, session API and Colyseus rooms) on a free loopback port, with a fresh data folder, and Chromium.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { buildGame, buildIsFresh, launchChromium } from "../../src/cli/browser.ts";
import { type GameServer, startGameServer } from "../../src/server/gameServer.ts";
import { type Harness, OUT_DIR } from "./harness.ts";

const BUILD_DIR = join(OUT_DIR, "e2e-dist-classroom");

export interface ClassroomHarness extends Harness {
  server: GameServer;
  serverLog: string[];
}

export async function startClassroomHarness(): Promise<ClassroomHarness> {
  let buildMs = 0;
  if (!buildIsFresh(BUILD_DIR)) {
    const t0 = performance.now();
    await buildGame(BUILD_DIR);
    buildMs = Math.round(performance.now() - t0);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "cbc-e2e-"));
  const serverLog: string[] = [];
  const server = await startGameServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    staticDir: BUILD_DIR,
    log: (line) => serverLog.push(line),
  });
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    baseUrl: server.url,
    browser,
    buildMs,
    server,
    serverLog,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `#app` shows one of `phases`; returns the phase. */
export async function waitPhase(page: Page, phases: readonly string[], timeout = 30_000): Promise<string> {
  await page.waitForFunction((ps) => ps.includes(document.getElementById("app")?.dataset.phase ?? ""), phases, {
    timeout,
    polling: 100,
  });
  return page.evaluate(() => document.getElementById("app")?.dataset.phase ?? "");
}

/** Clicks a `data-action` button (Playwright waits until it is visible, stable and enabled). */
export function click(page: Page, action: string, extra = ""): Promise<void> {
  return page.click(`[data-action="${action}"]${extra}`, { timeout: 30_000 });
}

/** Resolves after the page has painted twice (after a resize, before a screenshot). */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
