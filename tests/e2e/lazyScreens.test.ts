/**
 * End-to-end: what a first visit downloads, and the screens whose code loads when first opened. The menu fetches
 * only the entry and what index.html preloads (the engine, scenarios and council panels come with the first
 * game); a slow download shows a loading screen, a failed one a message on the menu, and the next try works.
 * Needs Chromium (see harness.ts).
 */
import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_SKIP, type Harness, LAPTOP, openTab, PHONE, startHarness } from "./harness.ts";

const TIMEOUT = 120_000;
const SOLO_CHUNK = "**/assets/solo-*.js";
const GLOSSARY_CHUNK = "**/assets/glossaryDialog-*.js";

let h: Harness;
beforeAll(async () => {
  if (!E2E_SKIP) h = await startHarness();
}, 300_000);
afterAll(async () => {
  await h?.close();
});

/** The scripts index.html names: its entry and its modulepreloads (as paths, e.g. "assets/index-abc.js"). */
async function namedScripts(page: Page): Promise<string[]> {
  const html = await (await page.request.get("/")).text();
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
}

const assetPath = (url: string) => new URL(url).pathname.replace(/^\//, "");

/** Holds a chunk's download until `release` is called. */
function holdRoute(): { handler: (route: Route) => void; release: () => void } {
  const held: Route[] = [];
  let open = false;
  return {
    handler: (route) => {
      if (open) void route.continue();
      else held.push(route);
    },
    release: () => {
      open = true;
      for (const r of held.splice(0)) void r.continue();
    },
  };
}

describe.skipIf(E2E_SKIP)("screens loaded when first opened", () => {
  it(
    "a first visit to the menu fetches only the entry and index.html's preloads",
    async () => {
      const tab = await openTab(h, LAPTOP);
      try {
        const fetched: string[] = [];
        tab.page.on("request", (r) => {
          if (r.url().endsWith(".js")) fetched.push(assetPath(r.url()));
        });
        await tab.page.goto("/");
        await tab.page.waitForSelector('[data-action="solo"]');
        await tab.page.waitForLoadState("networkidle");
        const named = await namedScripts(tab.page);
        expect(named.length).toBeGreaterThan(0);
        expect(fetched.filter((f) => !named.includes(f))).toEqual([]);
        expect(fetched.some((f) => /solo-/.test(f))).toBe(false); // the engine comes with the first game
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TIMEOUT,
  );

  it(
    "pointing at a button that starts a game begins the engine's download before the click",
    async () => {
      const tab = await openTab(h, LAPTOP);
      try {
        await tab.page.goto("/");
        await tab.page.hover('[data-action="about"]');
        const solo = tab.page.waitForRequest((r) => /\/assets\/solo-[^/]*\.js$/.test(r.url()), { timeout: 10_000 });
        await tab.page.hover('[data-action="guided"]');
        await solo;
        expect(await tab.page.evaluate(() => document.getElementById("app")?.dataset.phase)).toBe("menu");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TIMEOUT,
  );

  for (const viewport of [LAPTOP, PHONE])
    it(
      `a slow download shows a loading screen, then the screen asked for (${viewport.width}×${viewport.height})`,
      async () => {
        const tab = await openTab(h, viewport);
        try {
          const hold = holdRoute();
          await tab.page.route(SOLO_CHUNK, hold.handler);
          await tab.page.goto("/");
          await tab.page.click('[data-action="solo"]');
          const status = tab.page.locator(".screen.loading [role=status]");
          await status.waitFor({ timeout: 10_000 });
          expect(await status.textContent()).toBe("Loading the crises…");
          expect(await tab.page.evaluate(() => document.getElementById("app")?.dataset.phase)).toBe("loading");
          await tab.shot("lazy-loading");
          hold.release();
          await tab.page.waitForSelector('[data-action="choose-scenario"]', { timeout: 30_000 });
          expect(await tab.page.locator(".screen.loading").count()).toBe(0);
          expect(tab.errors).toEqual([]);
        } finally {
          await tab.close();
        }
      },
      TIMEOUT,
    );

  it(
    "a failed download leaves the player on the menu with a message, and the next try loads it",
    async () => {
      const tab = await openTab(h, LAPTOP);
      try {
        await tab.page.route(SOLO_CHUNK, (route) => route.abort("failed"));
        await tab.page.goto("/");
        await tab.page.click('[data-action="solo"]');
        const alert = tab.page.locator(".menu [role=alert]");
        await alert.waitFor({ timeout: 10_000 });
        expect(await alert.textContent()).toMatch(/^The crises could not be loaded \(.+\)\. Check the connection/);
        await tab.shot("lazy-failed");
        await tab.page.unroute(SOLO_CHUNK);
        await tab.page.click('[data-action="solo"]');
        await tab.page.waitForSelector('[data-action="choose-scenario"]', { timeout: 30_000 });
      } finally {
        await tab.close();
      }
    },
    TIMEOUT,
  );

  it(
    "the glossary loads on first opening; when it cannot, a notice says so and the next click opens it",
    async () => {
      const tab = await openTab(h, LAPTOP);
      try {
        await tab.page.route(GLOSSARY_CHUNK, (route) => route.abort("failed"));
        await tab.page.goto("/");
        await tab.page.click('[data-action="glossary"]');
        const notice = tab.page.locator(".glossary-failed[role=alert]");
        await notice.waitFor({ timeout: 10_000 });
        expect(await notice.textContent()).toMatch(/^The glossary could not be loaded/);
        await tab.page.unroute(GLOSSARY_CHUNK);
        await tab.page.click('[data-action="glossary"]');
        await tab.page.waitForSelector("dialog.glossary[open]", { timeout: 10_000 });
        expect(await tab.page.locator(".glossary-failed").count()).toBe(0);
        expect(await tab.page.locator(".glossary-entry").count()).toBeGreaterThan(10);
      } finally {
        await tab.close();
      }
    },
    TIMEOUT,
  );
});
