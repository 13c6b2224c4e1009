/**
 * End-to-end: the after-action report in the debrief, in Chromium against the built game. A solo game played
 * by autoplay reaches the debrief, whose report draws its charts and downloads Markdown, HTML, CSV and JSON
 * that read back; a loaded record with corridor talks and breaks of silence is pictured at three sizes.
 * Needs Chromium (see harness.ts); skipped loudly without it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { negotiatorBot } from "../../src/sim/bots/negotiatorBot.ts";
import { playWithBot } from "../../src/sim/bots/play.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { newRecord } from "../../src/sim/record.ts";
import { createEnv, stateOf } from "../../src/sim/session.ts";
import {
  axeViolations,
  E2E_SKIP,
  fitsWidth,
  type Harness,
  OUT_DIR,
  openTab,
  SCREENSHOT_DIR,
  startHarness,
  type Tab,
  VIEWPORTS,
} from "./harness.ts";

const TEST_TIMEOUT = 240_000;

async function waitReport(page: Page, timeout = 150_000): Promise<void> {
  await page.waitForFunction(() => document.getElementById("app")?.dataset.phase === "debrief", null, {
    timeout,
    polling: 250,
  });
  await page.locator(".debrief-report[data-ready]").waitFor({ timeout: 30_000 });
  await page.locator('[data-chart="harm"][data-drawn]').waitFor({ timeout: 30_000 });
  await page.locator('[data-chart="confidence"][data-drawn]').waitFor({ timeout: 30_000 });
}

/** Clicks a download button and returns the file's name and text. */
async function downloaded(page: Page, action: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-action="${action}"]`)]);
  const path = join(OUT_DIR, "downloads", download.suggestedFilename());
  mkdirSync(join(OUT_DIR, "downloads"), { recursive: true });
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** A record with corridor talks, a split package and breaks of silence: the negotiator bot in the chair. */
/** The record's file, and an ally that broke silence in it (the report unfolds that ally's history). */
function negotiatedRecord(): { path: string; breaker: string } {
  const scenario = bundledScenario("estonia-2007");
  if (!scenario) throw new Error("no estonia-2007");
  const env = createEnv(scenario, bundledRoster());
  const run = playWithBot(env, 3, "chair", negotiatorBot);
  const record = { ...newRecord(env, 3, { role: "chair", chair: "human", humans: [] }), events: run.events };
  const path = join(OUT_DIR, "negotiated-record.json");
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path, JSON.stringify(record));
  const broke = stateOf(run.session).log.find((e) => e.k === "break");
  if (broke?.k !== "break") throw new Error("the negotiated record has no break of silence");
  return { path, breaker: broke.by };
}

/**
 * The debrief printed as the browser's Print button would (every fold opened, the print stylesheet), to
 * <E2E_OUT>/debrief-print.pdf; its pages are read back as pictures when pdftoppm is there.
 */
async function printDebrief(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll(".debrief-report details")) d.setAttribute("open", "");
  });
  const path = join(OUT_DIR, "debrief-print.pdf");
  await page.pdf({ path, format: "A4", printBackground: true });
  const pdf = readFileSync(path);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const dir = join(SCREENSHOT_DIR, "debrief-print");
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("pdftoppm", ["-r", "50", "-png", "-l", "12", path, join(dir, "page")]);
  if (r.status === 0) expect(readdirSync(dir).length).toBeGreaterThanOrEqual(4);
}

describe.skipIf(E2E_SKIP)("the after-action report in the debrief", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 600_000);
  afterAll(async () => {
    await harness?.close();
  });

  it(
    "a solo game reaches the debrief; the report draws its charts and downloads Markdown, HTML, CSV and JSON",
    async () => {
      const tab: Tab = await openTab(harness);
      const { page } = tab;
      await page.goto("/?scenario=estonia-2007&seed=11&role=chair&autoplay=1");
      await waitReport(page);
      const canvases = await page.locator(".debrief-report canvas").count();
      expect(canvases).toBeGreaterThanOrEqual(2);

      const md = await downloaded(page, "report-md");
      expect(md.name).toBe("case-by-case-estonia-2007-seed11-report.md");
      expect(md.text).toMatch(/^# After-action report: Estonia 2007/);
      expect(md.text).toContain("seed 11");
      for (const heading of ["## Outcome", "## Scores", "## Timeline", "## Each ally", "## Questions for discussion"])
        expect(md.text).toContain(heading);

      const html = await downloaded(page, "report-html");
      expect(html.text).toMatch(/^<!doctype html>/);
      expect(html.text).toContain("uPlot"); // the chart library is inlined: the file works offline
      // Nothing is fetched from anywhere: the only addresses are the sources' links.
      expect(html.text).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);

      const events = await downloaded(page, "report-events-csv");
      const rows = parse(events.text, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.some((r) => r.kind === "decision")).toBe(true);
      const stances = await downloaded(page, "report-stances-csv");
      const stanceRows = parse(stances.text, { columns: true }) as Record<string, string>[];
      // One row per ally per draft tabled: a multiple of the 26 allies of April 2007.
      expect(stanceRows.length % 26).toBe(0);

      const json = JSON.parse((await downloaded(page, "report-json")).text);
      expect(json.record.seed).toBe(11);
      expect(json.report.meta.scenarioId).toBe("estonia-2007");

      expect(await axeViolations(page)).toEqual([]);
      expect(tab.errors).toEqual([]);
      await tab.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "a loaded record's report at 1920×1080, 1366×768 and 390×844: charts, a day and an ally unfolded, no sideways scroll",
    async () => {
      const { path: record, breaker } = negotiatedRecord();
      for (const viewport of VIEWPORTS) {
        const tab = await openTab(harness, viewport);
        const { page } = tab;
        await page.goto("/");
        const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click('[data-action="load"]')]);
        await chooser.setFiles(record);
        await waitReport(page);
        expect((await fitsWidth(page)).fits).toBe(true);
        await page.locator(".report-downloads").scrollIntoViewIfNeeded();
        await tab.shot("report-charts");
        const day = page.locator(".report-day").filter({ hasText: "breaks of silence" }).first();
        await day.locator("summary").click();
        await day.scrollIntoViewIfNeeded();
        await tab.shot("report-timeline");
        const ally = page.locator(`.report-ally[data-ally="${breaker}"]`);
        await ally.locator("summary").click();
        await ally.scrollIntoViewIfNeeded();
        expect(await ally.textContent()).toMatch(/Breaks silence/);
        await tab.shot("report-ally");
        expect((await fitsWidth(page)).fits).toBe(true);
        if (viewport === VIEWPORTS[0]) await printDebrief(page);
        expect(tab.errors).toEqual([]);
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
