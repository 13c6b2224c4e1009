/**
 * Web benchmarks: the gzip size of the game's own JavaScript and of the Phaser chunk, and the time from
 * navigation to an interactive council table, measured in the same run against a bare Phaser 4 page
 * (bench/bare.html) built with the same Vite config — the engine's floor.
 *
 * Builds go to dist-bench/ (app/ and bare/); the pages are served on a free loopback port and loaded in
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Without Chromium only the sizes are reported, and a
 * warning says so on stderr. Nothing here writes to stdout: bench.ts prints the figures.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { build } from "vite";
import {
  buildGame,
  chromiumAvailable,
  chromiumMissingMessage,
  launchChromium,
  ROOT,
  type Served,
  serve,
} from "../browser.ts";
import type { Figure } from "./report.ts";

const OUT = join(ROOT, "dist-bench");
const APP_DIR = join(OUT, "app");
const BARE_DIR = join(OUT, "bare");
const COUNCIL_URL = "/?scenario=estonia-2007&seed=1&role=chair";
const BARE_URL = "/bench/bare.html";
const RUNS = 7;
const VIEWPORT = { width: 1366, height: 768 };
const APP_GZIP_TARGET_KB = 150;
const READY_RATIO_TARGET = 1.3;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const kb = (bytes: number) => Math.round(bytes / 100) / 10; // kB (1,000 bytes, as Vite reports), one decimal

/**
 * gzip -9 sizes of the built JavaScript: the Phaser chunk, the classroom's network-library chunk (Colyseus SDK and
 * schema, the QR encoder: loaded only for classroom play) and everything else (the game's own code with the small
 * libraries it is built on: zod, xstate, seedrandom).
 */
export function jsSizes(distDir: string): { app: number; phaser: number; netlib: number; appFiles: number } {
  const assets = join(distDir, "assets");
  let app = 0;
  let phaser = 0;
  let netlib = 0;
  let appFiles = 0;
  for (const name of readdirSync(assets)) {
    if (!name.endsWith(".js")) continue;
    const gz = gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
    if (name.startsWith("phaser")) phaser += gz;
    else if (name.startsWith("netlib")) netlib += gz;
    else {
      app += gz;
      appFiles++;
    }
  }
  if (phaser === 0) throw new Error(`no Phaser chunk (assets/phaser*.js) in ${assets}`);
  return { app, phaser, netlib, appFiles };
}

/**
 * gzip -9 size of the game's own JavaScript a first page load fetches: the entry script and the modules
 * index.html preloads, without the Phaser chunk. A first visit opens the menu, which needs nothing more (an e2e
 * test, tests/e2e/lazyScreens.test.ts, checks that the menu fetches no other script). What loads later (the
 * engine and scenarios with the first game, the debrief, the classroom, printable materials) is in the total
 * above, web.app_js_gzip; what a game link fetches before its table is ready is web.council_link_js_gzip.
 */
export function firstLoadJs(distDir: string): { bytes: number; files: number } {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const named = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g),
  ];
  const files = [...new Set(named.map((m) => m[1] as string))].filter((f) => !/(^|\/)phaser/.test(f));
  if (files.length === 0) throw new Error(`no entry script in ${join(distDir, "index.html")}`);
  return { bytes: gzipOf(distDir, files), files: files.length };
}

/** gzip -9 bytes of these files of a build (paths relative to it), the Phaser chunk left out. */
export function gzipOf(distDir: string, files: readonly string[]): number {
  let bytes = 0;
  for (const file of files)
    if (!/(^|\/)phaser/.test(file)) bytes += gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  return bytes;
}

/** Builds the bare Phaser page with the project's Vite config (same chunking, target and minifier). */
export async function buildBare(): Promise<void> {
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    root: ROOT,
    logLevel: "error",
    build: {
      outDir: BARE_DIR,
      emptyOutDir: true,
      rolldownOptions: { input: { bare: join(ROOT, "bench", "bare.html") } },
    },
  });
}

type ReadyWindow = Window & { __readyAt?: number; __readyHow?: string; __readyScripts?: string[] };

/**
 * Milliseconds from navigation start until the page says it is ready (#room or body data-ready). `scripts`, when
 * given, collects the paths of the JavaScript files the page had downloaded by then (e.g. "assets/index-abc.js"):
 * the browser's resource timing at that moment, so a chunk fetched once the table is drawn is not counted.
 */
async function timeToReady(browser: Browser, url: string, scripts?: Set<string>): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(() => {
      const w = window as ReadyWindow;
      const look = () => {
        if (w.__readyAt !== undefined) return;
        const how = document.getElementById("room")?.dataset.ready ?? document.body?.dataset.ready;
        if (how) {
          w.__readyAt = performance.now();
          w.__readyHow = how;
          w.__readyScripts = performance
            .getEntriesByType("resource")
            .map((e) => new URL(e.name).pathname.replace(/^\//, ""))
            .filter((path) => path.endsWith(".js"));
        }
      };
      new MutationObserver(look).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["data-ready"],
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as ReadyWindow).__readyAt !== undefined, null, {
      timeout: 60_000,
      polling: 50,
    });
    const { at, how, fetched } = await page.evaluate(() => ({
      at: (window as ReadyWindow).__readyAt ?? Number.NaN,
      how: (window as ReadyWindow).__readyHow,
      fetched: (window as ReadyWindow).__readyScripts ?? [],
    }));
    for (const path of fetched) scripts?.add(path);
    if (how !== "true") throw new Error(`${url} became ready as "${how}" (${errors.join("; ") || "no page error"})`);
    return at;
  } finally {
    await context.close();
  }
}

/**
 * Alternates the council and the bare page in fresh contexts (one unmeasured warm-up each); `councilScripts` are
 * the JavaScript files the council link's warm-up load fetched until its table was ready.
 */
export async function loadTimes(): Promise<{ council: number[]; bare: number[]; councilScripts: string[] }> {
  const servers: Served[] = [];
  let browser: Browser | null = null;
  try {
    const app = await serve(APP_DIR);
    servers.push(app);
    const bare = await serve(BARE_DIR);
    servers.push(bare);
    browser = await launchChromium();
    const councilScripts = new Set<string>();
    await timeToReady(browser, app.url + COUNCIL_URL, councilScripts);
    await timeToReady(browser, bare.url + BARE_URL);
    const council: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      council.push(await timeToReady(browser, app.url + COUNCIL_URL));
      floor.push(await timeToReady(browser, bare.url + BARE_URL));
    }
    return { council, bare: floor, councilScripts: [...councilScripts] };
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
  }
}

export async function webBenchmarks(): Promise<Figure[]> {
  await buildGame(APP_DIR);
  await buildBare();
  const sizes = jsSizes(APP_DIR);
  const first = firstLoadJs(APP_DIR);
  const figures: Figure[] = [
    {
      name: "web.first_load_js_gzip",
      value: kb(first.bytes),
      unit: "kB",
      target: { value: APP_GZIP_TARGET_KB, better: "lower" },
      note: `gzip -9 of the game's own JS a first load fetches (${first.files} files: the entry and what index.html preloads, without Phaser)`,
    },
    {
      name: "web.app_js_gzip",
      value: kb(sizes.app),
      unit: "kB",
      note: `gzip -9 of all the game's own JS, loaded later included (${sizes.appFiles} files in assets/, without the Phaser and network-library chunks)`,
    },
    { name: "web.phaser_js_gzip", value: kb(sizes.phaser), unit: "kB", note: "gzip -9 of the Phaser chunk" },
    {
      name: "web.netlib_js_gzip",
      value: kb(sizes.netlib),
      unit: "kB",
      note: "gzip -9 of the classroom's network libraries (Colyseus SDK and schema, qrcode), loaded for classroom play only",
    },
  ];
  if (!chromiumAvailable()) {
    process.stderr.write(`${chromiumMissingMessage("WEB BENCH (load times)")}\n`);
    return figures;
  }
  try {
    const t = await loadTimes();
    const council = median(t.council);
    const bare = median(t.bare);
    const range = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
    figures.push(
      {
        name: "web.council_link_js_gzip",
        value: kb(gzipOf(APP_DIR, t.councilScripts)),
        unit: "kB",
        note: `gzip -9 of the game's own JS a fresh load of ${COUNCIL_URL} had downloaded when its table was ready (${t.councilScripts.filter((f) => !/(^|\/)phaser/.test(f)).length} files: the menu's, the engine, the scenarios, the council's panels and room; without Phaser)`,
      },
      {
        name: "web.council_ready",
        value: Math.round(council),
        unit: "ms",
        note: `median of ${RUNS} fresh loads of ${COUNCIL_URL} to #room[data-ready=true] (${range(t.council)} ms)`,
      },
      {
        name: "web.bare_phaser_ready",
        value: Math.round(bare),
        unit: "ms",
        note: `median of ${RUNS} fresh loads of a one-scene Phaser 4 page (${range(t.bare)} ms)`,
      },
      {
        name: "web.council_ready_vs_bare",
        value: Math.round((council / bare) * 100) / 100,
        unit: "×",
        target: { value: READY_RATIO_TARGET, better: "lower" },
        note: `council table ÷ bare Phaser, same run, Chromium ${VIEWPORT.width}×${VIEWPORT.height}, headless`,
      },
    );
  } catch (err) {
    process.stderr.write(`web bench: load times not measured: ${(err as Error).message}\n`);
  }
  return figures;
}
