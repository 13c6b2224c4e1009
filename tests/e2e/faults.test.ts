/**
 * End-to-end: issue 9's reading faults, checked in Chromium so they cannot come back — raw reason codes on
 * screen, lines repeated at one table, the round counter's jump, tallies without people's seats, measures
 * from the wrong era offered, "(1 items)", evidence out of time order, the debrief's headline — with
 * screenshots of the log and a dossier at the three sizes. Needs Chromium (see harness.ts); skipped without it.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_SKIP, type Harness, openTab, startHarness, VIEWPORTS } from "./harness.ts";

const TEST_TIMEOUT = 240_000;
/** An engine code or measure id that would mean a reason reached the screen unvoiced. */
const RAW = /\b[a-z]+_[a-z_]+\b|[a-z]+_below_threshold|\b(article[45]|defensiveCyber)\b|\(1 items\)/;

function phase(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById("app")?.dataset.phase ?? "");
}

async function waitPhase(page: Page, phases: readonly string[], timeout = 60_000): Promise<string> {
  await page.waitForFunction((ps) => ps.includes(document.getElementById("app")?.dataset.phase ?? ""), phases, {
    timeout,
    polling: 100,
  });
  return phase(page);
}

function click(page: Page, action: string, extra = ""): Promise<void> {
  return page.click(`[data-action="${action}"]${extra}`, { timeout: 30_000 });
}

/** Presses a header control from inside the page (the header is rebuilt often while the AI runs). */
function control(page: Page, action: "skip" | "pause"): Promise<boolean> {
  return page.evaluate((a) => {
    const button = document.querySelector<HTMLButtonElement>(`.council-header [data-action="${a}"]`);
    button?.click();
    return button !== null;
  }, action);
}

/** Arms the page to press Pause as soon as `#app` enters `phase` again. */
function pauseWhenPhase(page: Page, wanted: string): Promise<void> {
  return page.evaluate((w) => {
    const app = document.getElementById("app");
    if (!app) return;
    const observer = new MutationObserver(() => {
      if (app.dataset.phase !== w) return;
      observer.disconnect();
      const pause = document.querySelector<HTMLButtonElement>('.council-header [data-action="pause"]');
      if (pause && pause.textContent !== "Resume") pause.click();
    });
    observer.observe(app, { attributes: true, attributeFilter: ["data-phase"] });
  }, wanted);
}

/** From the briefing to the consultation, held there by Pause. */
async function toConsultation(page: Page): Promise<void> {
  await waitPhase(page, ["briefing"]);
  await click(page, "begin");
  await waitPhase(page, ["incident"]);
  await pauseWhenPhase(page, "consultation");
  await click(page, "continue");
  await waitPhase(page, ["attribution", "consultation"]);
  if ((await phase(page)) === "attribution") expect(await control(page, "skip")).toBe(true);
  await waitPhase(page, ["consultation"]);
}

/** The texts of the log lines of one kind. */
function logTexts(page: Page, kind: string): Promise<string[]> {
  return page.locator(`.log-lines li.${kind}`).allTextContents();
}

describe.skipIf(E2E_SKIP)("issue 9's reading faults in the browser", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it(
    "a chair tables an acknowledgement too early: every break is voiced in words, no two alike, with a dossier that shows how each ally moved",
    async () => {
      const tab = await openTab(h, VIEWPORTS[0]);
      const { page } = tab;
      try {
        await page.goto("/?scenario=estonia-2007&seed=1&role=chair");
        await toConsultation(page);
        expect(await page.locator(".council-header").textContent()).not.toMatch(/Round 0\b/);
        // The chair's text: only the collective acknowledgement, which no capital is ready for yet.
        const ticked = page.locator('input[name="measure"]:checked');
        for (let i = 0; i < 12 && (await ticked.count()) > 0; i++) await ticked.first().uncheck();
        await page.check('input[name="measure"][value="acknowledge"]');
        await pauseWhenPhase(page, "consultation");
        await click(page, "table");
        await waitPhase(page, ["decision"]);
        if ((await page.textContent('.council-header [data-action="pause"]')) === "Resume")
          await control(page, "pause");
        expect(await control(page, "skip")).toBe(true);
        await waitPhase(page, ["consultation"], 90_000);
        const breaks = await logTexts(page, "break");
        expect(breaks.length, "the capitals break silence").toBeGreaterThan(10);
        // Each break says why in words (the figures only in brackets), and no two say the same.
        const said = breaks.map((t) => t.replace(/^.*?breaks silence on [^.]+\. /, "").replace(/ \([^)]*\)$/, ""));
        expect(new Set(said).size).toBe(said.length);
        for (const t of breaks) expect(t).not.toMatch(RAW);
        const estonia = breaks.find((t) => t.includes("Estonia breaks silence"));
        expect(estonia, "Estonia's own break says it is under attack").toMatch(/under attack ourselves/);
        // The counter says what is left after the broken silence; it does not jump to a round never held.
        expect(await page.locator(".council-header").textContent()).toMatch(/After the broken silence/);
        // The log keeps time: hours never run backwards, and no plural is wrong anywhere on the page.
        const hours = (await page.locator(".log-lines li .when").allTextContents()).map((x) => {
          const m = /Day (\d+), (\d+):00/.exec(x);
          return m ? Number(m[1]) * 24 + Number(m[2]) : 0;
        });
        for (let i = 1; i < hours.length; i++) expect(hours[i]).toBeGreaterThanOrEqual(hours[i - 1] ?? 0);
        expect(await page.locator("#app").textContent()).not.toMatch(/\(1 items\)|\b1 days\b/);
        // The intelligence feed is newest first by the hour each item surfaced.
        const feed = (await page.locator(".intelligence .feed li .when").allTextContents()).map((x) => {
          const m = /Day (\d+), (\d+):00/.exec(x);
          return m ? Number(m[1]) * 24 + Number(m[2]) : 0;
        });
        for (let i = 1; i < feed.length; i++) expect(feed[i]).toBeLessThanOrEqual(feed[i - 1] ?? 0);
        // Estonia's dossier: its position, its reasons in words, and how it moved.
        await page.click('[data-action="select-seat"][data-seat="EST"]');
        const dossier = page.locator("#dossier");
        await dossier.waitFor();
        const text = (await dossier.textContent()) ?? "";
        expect(text).toContain("How it moved");
        expect(text).toMatch(/Breaks silence\./);
        expect(text).not.toMatch(RAW);
        for (const size of VIEWPORTS) {
          await page.setViewportSize(size);
          await dossier.scrollIntoViewIfNeeded();
          await tab.shot("faults-dossier");
          await page.locator(".log-lines").scrollIntoViewIfNeeded();
          await page.locator(".log-lines li.break").last().scrollIntoViewIfNeeded();
          await tab.shot("faults-log");
        }
        await page.setViewportSize(VIEWPORTS[0] ?? { width: 1920, height: 1080 });
        // On to the debrief: its headline is a sentence.
        for (let i = 0; i < 40 && (await phase(page)) !== "debrief"; i++) {
          const now = await phase(page);
          if (now === "consultation") await click(page, "close").catch(() => control(page, "skip"));
          else if (now === "briefing") await click(page, "begin");
          else if (now === "incident") await click(page, "continue");
          else {
            if ((await page.textContent('.council-header [data-action="pause"]')) === "Resume")
              await control(page, "pause");
            await control(page, "skip");
          }
          await page.waitForTimeout(500);
        }
        await waitPhase(page, ["debrief"], 90_000);
        const headline = (await page.locator(".debrief .outcome").textContent()) ?? "";
        expect(headline).toMatch(/^The Council [^.]+\.( Article 5 was not invoked\.)?$/);
        expect(headline).not.toMatch(/: (yes|no)\b/);
        // Everything but the sources' web addresses (which may hold underscores) is free of raw codes.
        const prose = await page.evaluate(() => {
          const copy = document.querySelector(".debrief")?.cloneNode(true) as HTMLElement | undefined;
          copy?.querySelector(".sources")?.remove();
          return copy?.textContent ?? "";
        });
        expect(prose).not.toMatch(RAW);
        await tab.shot("faults-debrief");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "a delegate in 2007 is offered only measures of 2007, and round tallies count people's seats",
    async () => {
      const tab = await openTab(h, VIEWPORTS[1]);
      const { page } = tab;
      try {
        await page.goto("/?scenario=estonia-2007&seed=2&role=EST");
        await toConsultation(page);
        await page.locator('input[name="wants"]').first().waitFor();
        const offered = await page
          .locator('input[name="wants"], input[name="rejects"]')
          .evaluateAll((els) => (els as HTMLInputElement[]).map((e) => e.value));
        expect(offered).toContain("solidarity");
        expect(offered).not.toContain("defensiveCyber");
        expect(offered).not.toContain("countermeasures");
        // Let one round run (the game was held at the start of consultation), then read its tally.
        if ((await page.textContent('.council-header [data-action="pause"]')) === "Resume")
          await control(page, "pause");
        await page.locator(".log-lines li.round").first().waitFor({ timeout: 90_000 });
        const rounds = await logTexts(page, "round");
        for (const r of rounds) {
          const numbers = [...r.matchAll(/(\d+) (support|undecided|oppose|not yet stated)/g)].map((m) => Number(m[1]));
          expect(
            numbers.reduce((a, b) => a + b, 0),
            r,
          ).toBe(26);
          expect(r).toContain("1 seat played by people");
        }
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
