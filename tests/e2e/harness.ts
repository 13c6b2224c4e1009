/**
 * Browser end-to-end harness: builds the game once (reusing a build that is newer than every source), serves
 * it on a free loopback port, launches Chromium with playwright-core, and gives each test a fresh browser
 * context that records console errors and page errors, runs axe-core and saves screenshots.
 *
 * Environment:
 *   CHROMIUM_PATH  the Chromium binary (default /usr/bin/chromium); when missing the e2e suites are skipped
 *                  with a loud "E2E SKIPPED" line on stderr.
 *   E2E_DIST       serve this existing build instead of building (e.g. dist after `npm run build`).
 *   E2E_OUT        write builds and screenshots here instead of test-results/.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  buildGame,
  buildIsFresh,
  chromiumAvailable,
  chromiumMissingMessage,
  launchChromium,
  ROOT,
  type Served,
  serve,
} from "../../src/cli/browser.ts";

/** True when the e2e suites must be skipped (use with describe.skipIf). */
export const E2E_SKIP = !chromiumAvailable();
if (E2E_SKIP) process.stderr.write(`\n${chromiumMissingMessage("E2E")}\n\n`);

/** Where e2e output goes: test-results, or E2E_OUT (so that two runs at once keep their own builds and pictures). */
export const OUT_DIR = process.env.E2E_OUT ? resolve(process.env.E2E_OUT) : join(ROOT, "test-results");
export const SCREENSHOT_DIR = join(OUT_DIR, "screenshots");
const BUILD_DIR = join(OUT_DIR, "e2e-dist");

export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { width: 1920, height: 1080 };
export const LAPTOP: Viewport = { width: 1366, height: 768 };
export const PHONE: Viewport = { width: 390, height: 844 };
export const VIEWPORTS: readonly Viewport[] = [DESKTOP, LAPTOP, PHONE];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  buildMs: number; // 0 when a fresh build was reused
  close(): Promise<void>;
}

/**
 * The harness of the enclosing describe block: started before its tests (within `startupMs`), closed after them.
 * Returns a getter for use inside the tests.
 */
export function useHarness(startupMs = 300_000): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, startupMs);
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error("the harness did not start");
    return h;
  };
}

/**
 * Builds (or reuses) the game, starts the server and Chromium, and empties the screenshot folder so that it
 * holds this run's pictures only. Call once per test file, in beforeAll.
 */
export async function startHarness(): Promise<Harness> {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const dir = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : BUILD_DIR;
  let buildMs = 0;
  if (!process.env.E2E_DIST && !buildIsFresh(BUILD_DIR)) {
    const t0 = performance.now();
    await buildGame(BUILD_DIR);
    buildMs = Math.round(performance.now() - t0);
  }
  let served: Served | null = null;
  let browser: Browser | null = null;
  try {
    served = await serve(dir);
    browser = await launchChromium();
  } catch (err) {
    await served?.close();
    throw err;
  }
  const s = served;
  const b = browser;
  return {
    baseUrl: s.url,
    browser: b,
    buildMs,
    close: async () => {
      await b.close();
      await s.close();
    },
  };
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  viewport: Viewport;
  /** Console errors, uncaught page errors, failed requests and HTTP errors seen so far. */
  errors: string[];
  /** Saves test-results/screenshots/<name>-<width>x<height>.png (the page's current size) and returns its path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh browser context (empty localStorage) with one page, watched for errors. */
export async function openTab(h: Harness, viewport: Viewport = DESKTOP): Promise<Tab> {
  const context = await h.browser.newContext({ viewport, baseURL: h.baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    const failure = r.failure()?.errorText ?? "";
    if (!failure.includes("ERR_ABORTED")) errors.push(`request failed: ${r.url()} ${failure}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    context,
    viewport,
    errors,
    async shot(name) {
      const size = page.viewportSize() ?? viewport;
      const path = join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}.png`);
      // A loaded CI machine can starve the renderer for a while: a picture may wait longer than an action.
      await page.screenshot({ path, animations: "disabled", timeout: 90_000 });
      return path;
    },
    close: () => context.close(),
  };
}

/** axe-core's serious and critical violations on the page as it is now, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => "axe" in window);
  // Evaluated rather than added as a <script>: the game server's CSP (script-src 'self') refuses inline scripts.
  if (!injected) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await w.axe.run()).violations;
  });
  return (results as axe.Result[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ")}]` : ""}`)
          .join(" | ")}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : ""}`,
    );
}

/** True when the page has no horizontal scroll (the document is no wider than the viewport). */
export async function fitsWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number; fits: boolean }> {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    return { scrollWidth, innerWidth, fits: scrollWidth <= innerWidth };
  });
}
