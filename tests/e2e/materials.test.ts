/**
 * End-to-end: printable materials. `npm run materials -- <id> --pdf` renders a PDF whose pages are read back
 * (pdftotext, pdftoppm); in the game, the menu's Printable materials screen opens a pack in a new tab under the
 * real server's CSP and saves it as HTML; the facilitator console opens its scenario's pack. Needs Chromium.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { seatedAllies } from "../../src/sim/roster.ts";
import { type ClassroomHarness, click, startClassroomHarness, waitPhase } from "./classroomHarness.ts";
import { axeViolations, E2E_SKIP, fitsWidth, OUT_DIR, openTab, SCREENSHOT_DIR, VIEWPORTS } from "./harness.ts";

const TIMEOUT = 240_000;
const PDF_DIR = join(OUT_DIR, "materials-pdf");

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd} is not installed (apt-get install -y poppler-utils): ${r.error.message}`);
  return r;
}

describe.skipIf(E2E_SKIP)("printable materials as PDF", () => {
  it(
    "renders estonia-2007 to A4 pages: one role card per page for each of the 26 allies, read back as pictures",
    () => {
      rmSync(PDF_DIR, { recursive: true, force: true });
      const made = run(process.execPath, ["src/cli/materials.ts", "estonia-2007", "--out", PDF_DIR, "--pdf"]);
      expect(made.stderr).toBe("");
      expect(made.status).toBe(0);
      const pdf = join(PDF_DIR, "estonia-2007-materials.pdf");
      const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]).stdout)?.[1]);
      expect(pages).toBeGreaterThan(26);
      // pdftotext separates pages with form feeds: each card must sit whole on its own page.
      const text = run("pdftotext", ["-layout", pdf, "-"]).stdout.split("\f").slice(0, pages);
      const cardPages = text.filter((p) => p.includes("· Role card")); // the running header of a card
      const seated = seatedAllies(bundledRoster(), "2007-04-27");
      expect(cardPages).toHaveLength(seated.length);
      for (const [i, ally] of seated.entries()) {
        expect(cardPages[i], ally.code).toMatch(new RegExp(`^\\s*Estonia 2007.*Role card\\s+${ally.name}\\b`, "s"));
        expect(cardPages[i], ally.code).toContain("RED LINES");
      }
      expect(text.some((p) => p.includes("Secretary General's script"))).toBe(true);
      expect(text.some((p) => p.includes("Answer key"))).toBe(true);
      // Every page as a picture (low resolution), and the first card at a readable one for people to look at.
      run("pdftoppm", ["-r", "30", "-png", pdf, join(PDF_DIR, "page")]);
      const pngs = readdirSync(PDF_DIR).filter((f) => f.startsWith("page") && f.endsWith(".png"));
      expect(pngs).toHaveLength(pages);
      for (const f of pngs) expect(statSync(join(PDF_DIR, f)).size).toBeGreaterThan(1000);
      const first = text.findIndex((p) => p.includes("· Role card")) + 1;
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      for (const [name, page] of [
        ["cover", 1],
        ["card", first],
        ["handout", pages],
      ] as const) {
        run("pdftoppm", [
          "-r",
          "80",
          "-png",
          "-f",
          `${page}`,
          "-l",
          `${page}`,
          "-singlefile",
          pdf,
          join(PDF_DIR, name),
        ]);
        copyFileSync(join(PDF_DIR, `${name}.png`), join(SCREENSHOT_DIR, `materials-pdf-${name}.png`));
      }
    },
    TIMEOUT,
  );
});

/** The pack a click opened in a new tab: how many cards and handouts it shows. */
async function packCounts(page: Page) {
  await page.waitForLoadState("load");
  return page.evaluate(() => ({
    cards: document.querySelectorAll("section.card").length,
    title: document.title,
    scripts: document.scripts.length,
  }));
}

describe.skipIf(E2E_SKIP)("printable materials in the game", () => {
  let h: ClassroomHarness;
  beforeAll(async () => {
    h = await startClassroomHarness();
  }, TIMEOUT);
  afterAll(async () => {
    await h?.close();
  });

  it(
    "the menu's Printable materials opens each pack in a new tab and saves it as HTML",
    async () => {
      for (const viewport of VIEWPORTS) {
        const tab = await openTab(h, viewport);
        try {
          await tab.page.goto("/");
          await click(tab.page, "materials");
          await waitPhase(tab.page, ["materials"]);
          expect(await axeViolations(tab.page)).toEqual([]);
          expect((await fitsWidth(tab.page)).fits).toBe(true);
          await tab.shot("materials-screen");
          const [pack] = await Promise.all([
            tab.context.waitForEvent("page"),
            click(tab.page, "materials", '[data-scenario="notpetya-2017"]'),
          ]);
          const counts = await packCounts(pack);
          const seated = seatedAllies(bundledRoster(), bundledScenario("notpetya-2017")?.date ?? "");
          expect(counts).toEqual({ cards: seated.length, title: expect.stringContaining("NotPetya"), scripts: 0 });
          expect((await fitsWidth(pack)).fits).toBe(true);
          const size = pack.viewportSize() ?? viewport;
          await pack.screenshot({ path: join(SCREENSHOT_DIR, `materials-pack-${size.width}x${size.height}.png`) });
          await pack.locator('section.card[data-ally="DNK"]').scrollIntoViewIfNeeded();
          await pack.screenshot({ path: join(SCREENSHOT_DIR, `materials-card-${size.width}x${size.height}.png`) });
          await pack.close();
          const [download] = await Promise.all([
            tab.page.waitForEvent("download"),
            click(tab.page, "save-materials", '[data-scenario="estonia-2007"]'),
          ]);
          expect(download.suggestedFilename()).toBe("estonia-2007-materials.html");
          const saved = readFileSync((await download.path()) ?? "", "utf8");
          expect(saved.match(/<section class="page card"/g)).toHaveLength(26);
          expect(tab.errors).toEqual([]);
        } finally {
          await tab.close();
        }
      }
    },
    TIMEOUT,
  );

  it(
    "the facilitator console opens its own scenario's pack",
    async () => {
      const response = await fetch(`${h.baseUrl}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenario: "colonial-pipeline-2021", seed: 3 }),
      });
      const created = (await response.json()) as { code: string; facilitatorToken: string };
      const tab = await openTab(h);
      try {
        await tab.page.goto(`/?facilitate=${created.code}`);
        await tab.page.fill("#facilitator-key", created.facilitatorToken);
        await click(tab.page, "open-console");
        await waitPhase(tab.page, ["briefing"]);
        const [pack] = await Promise.all([tab.context.waitForEvent("page"), click(tab.page, "materials")]);
        const counts = await packCounts(pack);
        expect(counts.title).toContain("Colonial Pipeline");
        expect(counts.cards).toBe(seatedAllies(bundledRoster(), "2021-05-07").length);
        await tab.shot("materials-facilitator-console");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TIMEOUT,
  );
});
